package io.crmrecon.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.crmrecon.common.Money;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The allocations in force: one row per transaction and document. {@code transaction_id} is the bank's reference
 * of the transaction (the CSV's transaction_id, camt AcctSvcrRef, MT940 bank reference); {@code bank_transaction_id}
 * after it is this system's id, for transactions the bank gave no reference.
 * {@code category} (after the columns the contract names) is set for money that is not a customer's payment.
 */
@RestController
@RequestMapping("/api/allocations")
@Tag(name = "Allocations · 核销记录", description = "What matching applied: cash to documents, write-offs, on account")
class AllocationController {

    static final String[] COLUMNS = {"transaction_id", "document_no", "amount", "writeoff", "method", "rule",
            "confidence", "bank_transaction_id", "allocation_id", "customer_code", "currency", "reverses_id",
            "created_at", "created_by", "category", "note"};

    /** RFC 4180 with CRLF, fields quoted where they need it. */
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader(COLUMNS).get();

    private final JdbcTemplate jdbc;
    private final Allocations allocations;

    AllocationController(JdbcTemplate jdbc, Allocations allocations) {
        this.jdbc = jdbc;
        this.allocations = allocations;
    }

    record Row(String transactionId, String documentNo, String amount, String writeoff, String method, String rule,
            String confidence, Long bankTransactionId, long allocationId, String customerCode, String currency,
            Long reversesId, String createdAt, String createdBy, String category, String note) {
    }

    @Operation(summary = "The allocations in force, as CSV or JSON", description = """
            One row per transaction and document, by `Accept` (`text/csv` or `application/json`). CSV columns,             read them by header as more may follow: `transaction_id` (the bank's reference), `document_no` (empty:             cash left on account), `amount` (cash applied), `writeoff` (bank charges, tolerance), `method` (`AUTO`             or `MANUAL`), `rule`, `confidence` (0-1; empty for MANUAL), `bank_transaction_id`, `allocation_id`,             `customer_code`, `currency`, `reverses_id`, `created_at`, `created_by`.""")
    @ApiResponse(responseCode = "200", description = "The allocations (CSV in UTF-8)")
    @GetMapping(produces = "text/csv")
    ResponseEntity<StreamingResponseBody> csv(@Parameter(description = "`true`: reversed allocations and their "
            + "reversal rows (negative amounts) too") @RequestParam(defaultValue = "false") boolean includeReversed,
            @Parameter(description = NETTINGS) @RequestParam(defaultValue = "false") boolean includeNettings) {
        StreamingResponseBody body = out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            CSVPrinter csv = new CSVPrinter(writer, CSV);
            rows(includeReversed, includeNettings, row -> {
                try {
                    csv.printRecord(row.transactionId(), row.documentNo(), row.amount(), row.writeoff(), row.method(),
                            row.rule(), row.confidence(), row.bankTransactionId(), row.allocationId(),
                            row.customerCode(), row.currency(), row.reversesId(), row.createdAt(), row.createdBy(),
                            row.category(), row.note());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }

    @Operation(summary = "The allocations in force, as JSON",
            description = "The same rows as the CSV, fields in camelCase.")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<Row> json(@Parameter(description = "`true`: reversed allocations and their reversal rows too")
            @RequestParam(defaultValue = "false") boolean includeReversed,
            @Parameter(description = NETTINGS) @RequestParam(defaultValue = "false") boolean includeNettings) {
        List<Row> out = new ArrayList<>();
        rows(includeReversed, includeNettings, out::add);
        return out;
    }

    record Reversal(String note) {
    }

    /** Undoes an allocation: a reversal row is added, the original stays in the audit trail. */
    @Operation(summary = "Reverse an allocation",
            description = "Adds a reversal row; the original stays in the audit trail, and automatic matching does "
                    + "not apply that payment again. Body optional: `{\"note\": \"why\"}`.")
    @ApiResponse(responseCode = "201", description = "Reversed: `allocationId` and the `reversalId`")
    @ApiResponse(responseCode = "404", description = "No allocation has that id")
    @ApiResponse(responseCode = "409", description = "Already reversed, or itself a reversal")
    @PostMapping("/{id}/reversal")
    ResponseEntity<Map<String, Object>> reverse(@Parameter(description = "The `allocation_id`") @PathVariable long id,
            @RequestBody(required = false) Reversal body, @Parameter(hidden = true) Principal user) {
        long reversal;
        try {
            reversal = allocations.reverse(id, user == null ? null : user.getName(), body == null ? null : body.note());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // two reversals at the same moment: both saw none, the table's key let one in
            throw new io.crmrecon.common.BadRequestException(HttpStatus.CONFLICT,
                    "allocation " + id + " is already reversed", List.of());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("allocationId", id, "reversalId", reversal));
    }

    /** The contract's rows are cash applied; a settlement's netting applies no cash and is shown only when asked. */
    static final String NETTINGS = "`true`: a settlement's nettings too (two rows each, rule `NETTING`, no "
            + "transaction: one on the receivable, one on the BILL)";

    private void rows(boolean includeReversed, boolean includeNettings, java.util.function.Consumer<Row> consumer) {
        String where = " WHERE 1 = 1" + (includeReversed ? "" : " AND a.reverses_id IS NULL AND NOT EXISTS "
                + "(SELECT 1 FROM allocation r WHERE r.reverses_id = a.id)")
                + (includeNettings ? "" : " AND a.nets_document_id IS NULL");
        jdbc.query("SELECT t.bank_reference, d.document_no, a.amount, a.writeoff, a.method, a.rule, a.confidence, "
                + "a.transaction_id, a.id, c.customer_code, a.currency, a.reverses_id, a.created_at, a.created_by, "
                + "a.category, a.note "
                + "FROM allocation a LEFT JOIN bank_transaction t ON t.id = a.transaction_id "
                + "LEFT JOIN document d ON d.id = a.document_id LEFT JOIN customer c ON c.id = a.customer_id" + where
                + " ORDER BY a.id", rs -> {
                    String currency = rs.getString("currency");
                    BigDecimal confidence = rs.getBigDecimal("confidence");
                    consumer.accept(new Row(rs.getString("bank_reference"), rs.getString("document_no"),
                            Money.format(rs.getBigDecimal("amount"), currency),
                            Money.format(rs.getBigDecimal("writeoff"), currency), rs.getString("method"),
                            rs.getString("rule"),
                            confidence == null ? null : confidence.stripTrailingZeros().toPlainString(),
                            rs.getObject("transaction_id", Long.class), rs.getLong("id"), rs.getString("customer_code"),
                            currency, rs.getObject("reverses_id", Long.class),
                            rs.getObject("created_at", OffsetDateTime.class).toString(), rs.getString("created_by"),
                            rs.getString("category"), rs.getString("note")));
                });
    }
}
