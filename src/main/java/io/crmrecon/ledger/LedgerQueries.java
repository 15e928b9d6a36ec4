package io.crmrecon.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is still open in the ledger, computed from documents and allocations (nothing derived is stored, so it
 * cannot drift). Streams rows to a consumer: a matching run reads a million of them.
 */
@Service
@Transactional(readOnly = true)
public class LedgerQueries {

    private static final String OPEN_DOCUMENTS = "SELECT d.id, d.document_no, d.tax_invoice_no, d.customer_id, d.type, "
            + "d.currency, d.amount, d.amount * CASE d.type WHEN 'CREDIT_NOTE' THEN -1 ELSE 1 END - COALESCE(a.applied, 0) "
            + "AS open_amount, d.issue_date, d.due_date FROM document d LEFT JOIN (SELECT document_id, SUM(amount + writeoff) AS applied, "
            + "MAX(created_at) AS last_applied FROM allocation WHERE document_id IS NOT NULL GROUP BY document_id) a "
            + "ON a.document_id = d.id WHERE d.type <> 'BILL' AND (d.amount * CASE d.type WHEN 'CREDIT_NOTE' THEN -1 "
            + "ELSE 1 END - COALESCE(a.applied, 0) <> 0 OR a.last_applied >= ?)";

    private static final String UNAPPLIED = "SELECT t.id, t.bank_statement_id, t.account, t.bank_reference, t.amount, "
            + "t.amount - COALESCE(a.applied, 0) AS remaining, t.currency, t.booking_date, t.counterparty_name, "
            + "t.counterparty_account, t.remittance_info, t.structured_reference FROM bank_transaction t "
            + "LEFT JOIN (SELECT transaction_id, SUM(amount) AS applied FROM allocation "
            + "WHERE transaction_id IS NOT NULL GROUP BY transaction_id) a ON a.transaction_id = t.id "
            + "WHERE t.amount > 0 AND t.amount - COALESCE(a.applied, 0) > 0";

    /** The same, for a few documents: what was applied is looked up per document on its index, not summed for all. */
    private static final String OPEN_DOCUMENTS_FEW = "SELECT d.id, d.document_no, d.tax_invoice_no, d.customer_id, d.type, "
            + "d.currency, d.amount, d.amount * CASE d.type WHEN 'CREDIT_NOTE' THEN -1 ELSE 1 END - COALESCE((SELECT "
            + "SUM(a.amount + a.writeoff) FROM allocation a WHERE a.document_id = d.id), 0) AS open_amount, "
            + "d.issue_date, d.due_date FROM document d WHERE d.type <> 'BILL'";

    private static final String UNAPPLIED_ONE = "SELECT t.id, t.bank_statement_id, t.account, t.bank_reference, t.amount, "
            + "t.amount - COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.transaction_id = t.id), 0) AS remaining, "
            + "t.currency, t.booking_date, t.counterparty_name, t.counterparty_account, t.remittance_info, "
            + "t.structured_reference FROM bank_transaction t WHERE t.id = ? AND t.amount > 0";

    private final JdbcTemplate jdbc;

    LedgerQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every receivable with something open, and those settled since {@code settledSince} (with {@code open} zero):
     * matching needs both, for a payment that names a settled invoice may be paying it twice.
     */
    public void forEachOpenDocument(Instant settledSince, Consumer<OpenDocument> consumer) {
        streaming().query(OPEN_DOCUMENTS, documentRows(consumer), Timestamp.from(settledSince));
    }

    public List<OpenDocument> openDocumentsOf(long customerId) {
        List<OpenDocument> out = new ArrayList<>();
        jdbc.query(OPEN_DOCUMENTS_FEW + " AND d.customer_id = ? ORDER BY d.due_date, d.document_no",
                documentRows(d -> {
                    if (d.open().signum() != 0) {
                        out.add(d);
                    }
                }), customerId);
        return out;
    }

    /**
     * The customer's receivables in a currency with something open that belong to statements up to {@code upTo}:
     * issued by then, or notes granted later that correct a period by then.
     */
    public List<OpenDocument> openDocumentsOf(long customerId, String currency, LocalDate upTo) {
        List<OpenDocument> out = new ArrayList<>();
        jdbc.query(OPEN_DOCUMENTS_FEW + " AND d.customer_id = ? AND d.currency = ? AND (d.issue_date <= ? "
                + "OR d.adjusts_period <= ?) ORDER BY d.due_date, d.document_no", documentRows(d -> {
                    if (d.open().signum() != 0) {
                        out.add(d);
                    }
                }), customerId, currency, upTo, upTo);
        return out;
    }

    public Optional<OpenDocument> openDocument(String documentNo) {
        List<OpenDocument> out = new ArrayList<>();
        jdbc.query(OPEN_DOCUMENTS_FEW + " AND d.document_no = ?", documentRows(out::add), documentNo);
        return out.stream().filter(d -> d.open().signum() != 0).findFirst();
    }

    /** What is open of each of these documents now (signed like the type), by document id. */
    public Map<Long, BigDecimal> openAmounts(Collection<Long> documentIds) {
        Map<Long, BigDecimal> out = new HashMap<>();
        List<Long> ids = List.copyOf(documentIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
            new NamedParameterJdbcTemplate(jdbc).query(OPEN_DOCUMENTS_FEW
                    + " AND d.id IN (:ids)", Map.of("ids", chunk), documentRows(d -> out.put(d.documentId(), d.open())));
        }
        return out;
    }

    /** A customer's account in one currency. */
    public record Account(long customerId, String currency) {
    }

    /** Cash on account of each of these customers, per currency (accounts without any are left out). */
    public Map<Account, BigDecimal> cashOnAccount(Collection<Long> customerIds) {
        Map<Account, BigDecimal> out = new HashMap<>();
        List<Long> ids = List.copyOf(customerIds);
        for (int i = 0; i < ids.size(); i += 1000) {
            new NamedParameterJdbcTemplate(jdbc).query("SELECT customer_id, currency, SUM(amount) AS cash "
                    + "FROM allocation WHERE customer_id IN (:ids) AND document_id IS NULL GROUP BY customer_id, currency",
                    Map.of("ids", ids.subList(i, Math.min(ids.size(), i + 1000))), rs -> {
                        out.put(new Account(rs.getLong("customer_id"), rs.getString("currency")),
                                rs.getBigDecimal("cash"));
                    });
        }
        return out;
    }

    /** Cash of the customer's payments in this currency that is on account: applied to no document. */
    public BigDecimal cashOnAccount(long customerId, String currency) {
        BigDecimal sum = jdbc.queryForObject("SELECT SUM(amount) FROM allocation WHERE customer_id = ? "
                + "AND currency = ? AND document_id IS NULL", BigDecimal.class, customerId, currency);
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /** @param bankStatementId only that statement's transactions, or null for all */
    public void forEachUnappliedTransaction(Long bankStatementId, Consumer<UnappliedTransaction> consumer) {
        if (bankStatementId == null) {
            streaming().query(UNAPPLIED, transactionRows(consumer));
        } else {
            streaming().query(UNAPPLIED + " AND t.bank_statement_id = ?", transactionRows(consumer), bankStatementId);
        }
    }

    /** The transaction with what is left of it, or empty when it is not money in or fully applied. */
    public Optional<UnappliedTransaction> unappliedTransaction(long transactionId) {
        List<UnappliedTransaction> out = new ArrayList<>();
        jdbc.query(UNAPPLIED_ONE, transactionRows(out::add), transactionId);
        return out.stream().filter(t -> t.remaining().signum() > 0).findFirst();
    }

    private JdbcTemplate streaming() {
        JdbcTemplate t = new JdbcTemplate(jdbc.getDataSource());
        // PostgreSQL streams with a fetch size only inside a transaction (we are in one)
        t.setFetchSize(10_000);
        return t;
    }

    private static RowCallbackHandler documentRows(Consumer<OpenDocument> consumer) {
        Repeats repeats = new Repeats();
        return rs -> consumer.accept(new OpenDocument(rs.getLong("id"), rs.getString("document_no"),
                rs.getString("tax_invoice_no"), rs.getLong("customer_id"), DocumentType.valueOf(rs.getString("type")),
                repeats.of(rs.getString("currency")), rs.getBigDecimal("amount"), rs.getBigDecimal("open_amount"),
                repeats.of(rs.getObject("issue_date", LocalDate.class)),
                repeats.of(rs.getObject("due_date", LocalDate.class))));
    }

    private static RowCallbackHandler transactionRows(Consumer<UnappliedTransaction> consumer) {
        Repeats repeats = new Repeats();
        return rs -> consumer.accept(new UnappliedTransaction(rs.getLong("id"), rs.getLong("bank_statement_id"),
                repeats.of(rs.getString("account")), rs.getString("bank_reference"), rs.getBigDecimal("amount"),
                rs.getBigDecimal("remaining"), repeats.of(rs.getString("currency")),
                repeats.of(rs.getObject("booking_date", LocalDate.class)), repeats.of(rs.getString("counterparty_name")),
                repeats.of(rs.getString("counterparty_account")), rs.getString("remittance_info"),
                rs.getString("structured_reference")));
    }

    /**
     * One instance of each repeated value (currencies, dates, payers' names and accounts): a matching run holds a
     * million rows, and the copies the driver makes of them would be a third of its heap.
     */
    private static final class Repeats {
        private static final int LIMIT = 200_000;
        private final Map<Object, Object> seen = new HashMap<>();

        @SuppressWarnings("unchecked")
        <T> T of(T value) {
            if (value == null) {
                return null;
            }
            Object known = seen.get(value);
            if (known != null) {
                return (T) known;
            }
            if (seen.size() < LIMIT) {
                seen.put(value, value);
            }
            return value;
        }
    }
}
