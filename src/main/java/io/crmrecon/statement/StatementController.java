package io.crmrecon.statement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Statements as the API gives them: a page of every version, and one version as PDF or Excel. */
@RestController
@RequestMapping("/api/statements")
@Tag(name = "Statements · 对账单", description = "Every version of every statement; PDF and Excel")
class StatementController {

    private static final MediaType XLSX = MediaType.parseMediaType(StatementRenditions.XLSX);

    private final StatementQueries queries;
    private final StatementRenditions renditions;

    StatementController(StatementQueries queries, StatementRenditions renditions) {
        this.queries = queries;
        this.renditions = renditions;
    }

    @Operation(summary = "Statements, newest first", description = """
            Every version of the statements matching the filters: `statementNo`, `version`, `period`, \
            `customerCode`, `currency`, `status`, `openingBalance`, `closingBalance` (strings with the currency's \
            minor digits), `processInstanceId`.""")
    @GetMapping
    Map<String, Object> list(@RequestParam(required = false) String customerCode,
            @RequestParam(required = false) String period,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 1000) {
            throw new io.crmrecon.common.BadRequestException("page must be 0 or more, size 1 to 1000");
        }
        StatementQueries.Page found = queries.page(new StatementQueries.Filter(customerCode, false, period, null), page,
                size);
        List<Map<String, Object>> content = found.content().stream().map(StatementController::json).toList();
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("size", found.size());
        pageInfo.put("number", found.number());
        pageInfo.put("totalElements", found.totalElements());
        pageInfo.put("totalPages", found.totalPages());
        return Map.of("content", content, "page", pageInfo);
    }

    @Operation(summary = "One statement as PDF or Excel", description = """
            `Accept: application/pdf` gives the PDF as it was sent; `Accept: \
            application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` an Excel workbook of the same \
            content, rendered now from the stored snapshot in the statement's language. The latest version, or \
            `version`. Other types: 406.""")
    @ApiResponse(responseCode = "200", description = "The file")
    @ApiResponse(responseCode = "404", description = "No such statement or version")
    @ApiResponse(responseCode = "406", description = "Neither PDF nor Excel accepted")
    @GetMapping("/{statementNo}")
    ResponseEntity<?> document(@PathVariable String statementNo,
            @Parameter(description = "a version; the latest when absent") @RequestParam(required = false)
            Integer version, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Optional<MediaType> type = chosen(accept);
        if (type.isEmpty()) {
            return problem(HttpStatus.NOT_ACCEPTABLE, "statements are given as application/pdf or "
                    + StatementRenditions.XLSX);
        }
        Optional<Statement> found = queries.find(statementNo, version);
        if (found.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "no statement " + statementNo
                    + (version == null ? "" : " version " + version));
        }
        Statement statement = found.get();
        boolean pdf = type.get().equals(MediaType.APPLICATION_PDF);
        byte[] body = pdf ? renditions.pdf(statement).orElse(null) : renditions.xlsx(statement);
        if (body == null) {
            return problem(HttpStatus.NOT_FOUND, "statement " + statementNo + " has no PDF");
        }
        return ResponseEntity.ok().contentType(type.get())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(StatementRenditions.fileName(statement, pdf ? "pdf" : "xlsx")).build().toString())
                .body(body);
    }

    /** PDF when the caller takes anything; otherwise the first of PDF and Excel it names, by its preference. */
    private static Optional<MediaType> chosen(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(MediaType.APPLICATION_PDF);
        }
        List<MediaType> wanted;
        try {
            wanted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return Optional.empty();
        }
        MediaType.sortBySpecificityAndQuality(wanted);
        for (MediaType w : wanted) {
            if (w.getQualityValue() == 0) {
                continue;
            }
            if (w.includes(MediaType.APPLICATION_PDF)) {
                return Optional.of(MediaType.APPLICATION_PDF);
            }
            if (w.includes(XLSX)) {
                return Optional.of(XLSX);
            }
        }
        return Optional.empty();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    private static Map<String, Object> json(StatementQueries.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statementNo", r.statementNo());
        m.put("version", r.version());
        m.put("period", r.period());
        m.put("customerCode", r.customerCode());
        m.put("currency", r.currency());
        m.put("status", r.status());
        m.put("openingBalance", r.openingBalance());
        m.put("closingBalance", r.closingBalance());
        m.put("processInstanceId", r.processInstanceId());
        return m;
    }
}
