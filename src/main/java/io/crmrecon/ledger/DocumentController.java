package io.crmrecon.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.crmrecon.common.ImportProperties;
import io.crmrecon.common.StreamedUploadHandler;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/documents")
@Tag(name = "Documents · 单据", description = "Invoices, debit and credit notes and bills: immutable once posted")
class DocumentController {

    static final String IMPORT_DESCRIPTION = """
            Posts documents from `documents.csv` or `.xlsx`. Documents are immutable: the same row again is             unchanged, a changed row with an existing `document_no` is a bad row (correct it with a new document).             Any bad row answers 422 naming every bad row and column, and nothing is stored.

            Required columns: `document_no` (unique), `customer_code` (an imported customer), `type` (`INVOICE`,             `DEBIT_NOTE`, `CREDIT_NOTE` or `BILL`), `issue_date`, `currency` (ISO 4217), `amount` (> 0, at most             the currency's minor digits; the type gives the sign).

            Optional columns: `due_date` (default: issue_date + the customer's payment terms), `reference` (e.g.             the order number, or the invoice a credit note corrects), `tax_invoice_no` (the 发票 number),             `description`.""";

    private static final List<String> COLUMNS = List.of("document_no", "customer_code", "type", "issue_date",
            "due_date", "currency", "amount", "reference", "tax_invoice_no", "description");

    private final DocumentImport documentImport;
    private final long maxFileSize;

    DocumentController(DocumentImport documentImport, ImportProperties limits) {
        this.documentImport = documentImport;
        this.maxFileSize = limits.maxFileSize().toBytes();
    }

    /** The counts, and the matching run the import started for the payments waiting (absent: none). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record ImportCounts(int created, int unchanged, Long matchingRunId, String matchingRunUrl) {
    }

    @Operation(summary = "Import documents.csv or .xlsx", description = IMPORT_DESCRIPTION)
    @ApiResponse(responseCode = "200", description = "Imported: counts `created`, `unchanged`; when new documents "
            + "came and payments wait to be applied, the matching run started for them: `matchingRunId` and "
            + "`matchingRunUrl` (`GET` it until `COMPLETED`)")
    @ApiResponse(responseCode = "413", description = "The file is larger than `recon.import.max-file-size`")
    @ApiResponse(responseCode = "422", description = "Bad rows, missing columns, an empty or unreadable file: "
            + "problem+json with `errors: [{row, column, message}]`; nothing stored")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(type = "object",
                    requiredProperties = "file"), schemaProperties = @SchemaProperty(name = "file",
                    schema = @Schema(type = "string", format = "binary",
                            description = "documents.csv (UTF-8 or GB18030) or documents.xlsx"))))
    @Parameter(name = "charset", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
            description = "The CSV's encoding when detection is not wanted, e.g. `GB18030`; a `charset` form "
                    + "field before the file, or the file part's content type, may name it instead")
    ImportCounts importFile(@Parameter(hidden = true) HttpServletRequest request) throws IOException {
        // read as it arrives: neither the servlet container nor this app holds the whole file in memory
        DocumentImport.Result result = StreamedUploadHandler.read(request, maxFileSize,
                (in, charset, fileName) -> documentImport.importTable(TabularFile.read(in, charset)));
        return new ImportCounts(result.created(), result.unchanged(), result.matchingRunId(), result.matchingRunUrl());
    }

    /**
     * For a CRM or ERP posting documents as they happen: a JSON array with the CSV's columns in camelCase. Errors
     * name the array position (from 1) as row and the camelCase field as column.
     */
    @Operation(summary = "Post documents as JSON (for a CRM or ERP)",
            description = "A JSON array of documents with the CSV's columns in camelCase (`documentNo`, "
                    + "`customerCode`, `type`, `issueDate`, `dueDate`, `currency`, `amount` as number or string, "
                    + "`reference`, `taxInvoiceNo`, `description`); the same rules as the import. Errors name the "
                    + "array position (from 1) as `row` and the camelCase field as `column`.")
    @ApiResponse(responseCode = "201", description = "Posted: `created`, `unchanged` and the documents")
    @ApiResponse(responseCode = "400", description = "Not a JSON array, or an empty one")
    @ApiResponse(responseCode = "413", description = "The body is larger than `recon.import.max-json-size` "
            + "(16MB by default): post smaller batches, or the file import")
    @ApiResponse(responseCode = "422", description = "Bad documents: `errors: [{row, column, message}]`; "
            + "nothing stored")
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
