package io.crmrecon.ledger;

import io.crmrecon.common.BulkLoads;
import io.crmrecon.common.Cells;
import io.crmrecon.common.ImportError;
import io.crmrecon.common.ImportException;
import io.crmrecon.common.Money;
import io.crmrecon.common.SqlArrays;
import io.crmrecon.common.TabularFile;
import io.crmrecon.customer.CustomerRef;
import io.crmrecon.customer.Customers;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts documents from documents.csv / .xlsx or from a CRM's JSON. Documents are immutable: the same row again
 * is unchanged, a changed row with an existing number is an error. All rows are checked before anything is
 * written; the writes are JDBC batches, as 100,000 rows through JPA would not batch with identity ids.
 */
@Service
public class DocumentImport {

    static final String[] REQUIRED = {"document_no", "customer_code", "type", "issue_date", "currency", "amount"};
    private static final int BATCH = 1000;

    private final Customers customers;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    private final MatchingAfterImport matching;
    private final ClosedPeriods closedPeriods;
    private final ReceivableMovements movements;

    DocumentImport(Customers customers, JdbcTemplate jdbc, Clock clock,
            @org.springframework.context.annotation.Lazy MatchingAfterImport matching, ClosedPeriods closedPeriods,
            ReceivableMovements movements) {
        this.matching = matching;
        this.closedPeriods = closedPeriods;
        this.movements = movements;
        this.customers = customers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the import stored, and the matching run it started for the payments waiting (none: null). */
    public record Result(int created, int unchanged, List<PostedDocument> documents, Long matchingRunId,
            String matchingRunUrl) {

        public Result(int created, int unchanged, List<PostedDocument> documents) {
            this(created, unchanged, documents, null, null);
        }

        Result startedRun(MatchingAfterImport.StartedRun run) {
            return new Result(created, unchanged, documents, run.id(), run.url());
        }
    }

    /** A document as it was posted; the row it came from is kept for error messages. */
    public record PostedDocument(String documentNo, String customerCode, DocumentType type, LocalDate issueDate,
            LocalDate dueDate, String currency, BigDecimal amount, String reference, String taxInvoiceNo,
            String description) {
    }

    private record Row(int rowNumber, long customerId, PostedDocument document) {
    }

    /** documents.csv or .xlsx; charset null to detect UTF-8 / GB18030. */
    @Transactional
    public Result importFile(byte[] content, java.nio.charset.Charset charset) {
        return importTable(TabularFile.read(content, charset));
    }

    /** A documents file read before (an upload is read before the transaction, which then does not wait for it). */
    @Transactional
    public Result importTable(TabularFile table) {
        table.requireColumns(REQUIRED);
        return importRows(table.rows(), Function.identity());
    }

    @Transactional
    public Result importRows(List<TabularFile.TabularRow> rows, Function<String, String> columnName) {
        List<ImportError> errors = new ArrayList<>();
        Map<String, CustomerRef> byCode = new HashMap<>();
        Map<Long, String> codes = new HashMap<>();
        customers.refs().forEach(c -> {
            byCode.put(c.getCustomerCode(), c);
            codes.put(c.getId(), c.getCustomerCode());
        });
        Map<String, Row> parsed = new HashMap<>(rows.size() * 2);
        List<Row> ordered = new ArrayList<>(rows.size());
        for (TabularFile.TabularRow tabular : rows) {
            Row row = parse(new Cells(tabular, errors), byCode);
            if (row == null) {
                continue;
            }
            Row earlier = parsed.putIfAbsent(row.document.documentNo(), row);
            if (earlier != null) {
                errors.add(ImportError.cell(row.rowNumber, "document_no", "ledger.import.document-again",
                        "document_no", row.document.documentNo(), earlier.rowNumber));
                continue;
            }
            ordered.add(row);
        }
        List<Row> fresh = new ArrayList<>(ordered.size());
        int unchanged = 0;
        ClosedBooks books = closedPeriods.now();
        for (int i = 0; i < ordered.size(); i += BATCH) {
            List<Row> chunk = ordered.subList(i, Math.min(ordered.size(), i + BATCH));
            Map<String, PostedDocument> existing = existing(chunk, codes);
            for (Row row : chunk) {
                PostedDocument stored = existing.get(row.document.documentNo());
                if (stored == null && books.isClosed(row.document.issueDate())) {
                    // the same document again is fine; a new one dated in a closed month is not
                    errors.add(ImportError.cell(row.rowNumber, "issue_date", "ledger.import.period-closed",
                            "issue_date", row.document.issueDate(), YearMonth.from(row.document.issueDate()), books.openFrom()));
                } else if (stored == null) {
                    fresh.add(row);
                } else if (stored.equals(row.document)) {
                    unchanged++;
                } else {
                    errors.add(ImportError.cell(row.rowNumber, "document_no", "ledger.import.posted-differently",
                            "document_no", row.document.documentNo(), difference(stored, row.document)));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ImportException.ofRows(errors.stream()
                    .map(e -> e.column() == null ? e : e.inColumn(columnName.apply(e.column())))
                    .toList());
        }
        insert(fresh);
        BulkLoads.analyzeAfter(jdbc, "document", fresh.size());
        BulkLoads.analyzeAfter(jdbc, "receivable_movement", fresh.size());
        Result result = new Result(fresh.size(), unchanged, fresh.stream().map(Row::document).toList());
        // a payment that came before its invoice is matched now, without a clerk
        return fresh.isEmpty() ? result : matching.documentsImported(null).map(result::startedRun).orElse(result);
    }

    private Row parse(Cells cells, Map<String, CustomerRef> byCode) {
        String documentNo = cells.maxLength("document_no", cells.required("document_no"), 64);
        String code = cells.required("customer_code");
        CustomerRef customer = null;
        if (code != null) {
            customer = byCode.get(code);
            if (customer == null) {
                cells.invalid("customer_code", "ledger.import.unknown-customer", code);
            }
        }
        String typeText = cells.required("type");
        DocumentType type = typeText == null ? null : DocumentType.parse(typeText);
        if (typeText != null && type == null) {
            cells.invalid("type", "ledger.import.type", typeText);
        }
        LocalDate issueDate = cells.date("issue_date");
        if (issueDate == null && cells.text("issue_date") == null) {
            cells.required("issue_date");
        }
        LocalDate dueDate = cells.date("due_date");
        String currency = cells.required("currency");
        if (currency != null && !Money.isCurrency(currency)) {
            cells.invalid("currency", "import.cell.currency", currency);
            currency = null;
        }
        BigDecimal amount = cells.amount("amount", currency, true);
        if (amount == null && cells.text("amount") == null) {
            cells.required("amount");
        }
        String reference = cells.maxLength("reference", cells.text("reference"), 255);
        String taxInvoiceNo = cells.maxLength("tax_invoice_no", cells.text("tax_invoice_no"), 64);
        String description = cells.maxLength("description", cells.text("description"), 1000);
        if (issueDate != null && dueDate != null && dueDate.isBefore(issueDate)) {
            cells.invalid("due_date", "ledger.import.due-before-issue", dueDate, issueDate);
        }
        if (documentNo == null || customer == null || type == null || issueDate == null || currency == null
                || amount == null) {
            return null;
        }
        if (dueDate == null) {
            dueDate = issueDate.plusDays(customer.getPaymentTermsDays());
        }
        return new Row(cells.row(), customer.getId(), new PostedDocument(documentNo, code, type, issueDate, dueDate,
                currency, Money.of(amount, currency), reference, taxInvoiceNo, description));
    }

    private Map<String, PostedDocument> existing(List<Row> chunk, Map<Long, String> codes) {
        Map<String, PostedDocument> found = new HashMap<>();
        jdbc.query("SELECT document_no, customer_id, type, issue_date, due_date, currency, amount, reference, "
                        + "tax_invoice_no, description FROM document WHERE document_no = ANY (?)",
                SqlArrays.varchars(chunk.stream().map(r -> r.document.documentNo()).toList()),
                rs -> {
                    String currency = rs.getString("currency");
                    String documentNo = rs.getString("document_no");
                    found.put(documentNo, new PostedDocument(documentNo, codes.get(rs.getLong("customer_id")),
                            DocumentType.valueOf(rs.getString("type")), rs.getObject("issue_date", LocalDate.class),
                            rs.getObject("due_date", LocalDate.class), currency,
                            Money.of(rs.getBigDecimal("amount").stripTrailingZeros(), currency),
                            rs.getString("reference"), rs.getString("tax_invoice_no"), rs.getString("description")));
                });
        return found;
    }

    private static String difference(PostedDocument stored, PostedDocument given) {
        List<String> diffs = new ArrayList<>();
        compare(diffs, "customer_code", stored.customerCode(), given.customerCode());
        compare(diffs, "type", stored.type(), given.type());
        compare(diffs, "issue_date", stored.issueDate(), given.issueDate());
        compare(diffs, "due_date", stored.dueDate(), given.dueDate());
        compare(diffs, "currency", stored.currency(), given.currency());
        compare(diffs, "amount", stored.amount(), given.amount());
        compare(diffs, "reference", stored.reference(), given.reference());
        compare(diffs, "tax_invoice_no", stored.taxInvoiceNo(), given.taxInvoiceNo());
        compare(diffs, "description", stored.description(), given.description());
        return String.join(", ", diffs);
    }

    private static void compare(List<String> diffs, String column, Object stored, Object given) {
        if (!Objects.equals(stored, given)) {
            // language-neutral, as it goes into a message in the reader's language
            diffs.add(column + ": " + stored + " → " + given);
        }
    }

    private void insert(List<Row> rows) {
        long after = movements.lastDocument();
        var postedAt = Timestamp.from(clock.instant());
        for (int i = 0; i < rows.size(); i += BATCH) {
            List<Row> chunk = rows.subList(i, Math.min(rows.size(), i + BATCH));
            jdbc.batchUpdate("INSERT INTO document (document_no, customer_id, type, issue_date, due_date, currency, "
                            + "amount, reference, tax_invoice_no, description, posted_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(PreparedStatement ps, int index) throws SQLException {
                            Row row = chunk.get(index);
                            PostedDocument d = row.document;
                            ps.setString(1, d.documentNo());
                            ps.setLong(2, row.customerId);
                            ps.setString(3, d.type().name());
                            ps.setDate(4, Date.valueOf(d.issueDate()));
                            ps.setDate(5, Date.valueOf(d.dueDate()));
                            ps.setString(6, d.currency());
                            ps.setBigDecimal(7, d.amount());
                            JdbcValues.setText(ps, 8, d.reference());
                            JdbcValues.setText(ps, 9, d.taxInvoiceNo());
                            JdbcValues.setText(ps, 10, d.description());
                            ps.setTimestamp(11, postedAt);
                        }

                        @Override
                        public int getBatchSize() {
                            return chunk.size();
                        }
                    });
        }
        movements.documentsPosted(after);
    }
}
