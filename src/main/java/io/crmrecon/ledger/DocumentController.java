package io.crmrecon.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmrecon.common.BadRequestException;
import io.crmrecon.common.ImportException;
import io.crmrecon.common.TabularFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/documents")
class DocumentController {

    private static final List<String> COLUMNS = List.of("document_no", "customer_code", "type", "issue_date",
            "due_date", "currency", "amount", "reference", "tax_invoice_no", "description");

    private final DocumentImport documentImport;

    DocumentController(DocumentImport documentImport) {
        this.documentImport = documentImport;
    }

    record ImportCounts(int created, int unchanged) {
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportCounts importFile(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String charset)
            throws IOException {
        DocumentImport.Result result = documentImport.importFile(file.getBytes(), TabularFile.charsetNamed(charset));
        return new ImportCounts(result.created(), result.unchanged());
    }

    /**
     * For a CRM or ERP posting documents as they happen: a JSON array with the CSV's columns in camelCase. Errors
     * name the array position (from 1) as row and the camelCase field as column.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DocumentImport.Result post(@RequestBody JsonNode body) {
        if (body == null || !body.isArray()) {
            throw new BadRequestException("the body must be a JSON array of documents");
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        COLUMNS.forEach(c -> columns.put(c, columns.size()));
        List<TabularFile.TabularRow> rows = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode item = body.get(i);
            if (!item.isObject()) {
                throw ImportException.ofRows(List.of(io.crmrecon.common.ImportError.inRow(i + 1,
                        "ledger.import.not-an-object", i + 1)));
            }
            String[] values = new String[COLUMNS.size()];
            for (int c = 0; c < COLUMNS.size(); c++) {
                JsonNode value = item.get(camel(COLUMNS.get(c)));
                values[c] = value == null || value.isNull() ? "" : value.isNumber()
                        ? value.decimalValue().toPlainString() : value.asText();
            }
            rows.add(new TabularFile.TabularRow(i + 1, values, columns));
        }
        if (rows.isEmpty()) {
            throw new BadRequestException("the array is empty");
        }
        return documentImport.importRows(rows, DocumentController::camel);
    }

    static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : snake.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }
}
