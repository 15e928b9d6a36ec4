package io.crmrecon.ledger;

import io.crmrecon.common.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's account (客户往来) as the ledger knows it: the payments applied to it and what each paid, and every
 * allocation with its reversal (the audit trail). Open items come from {@link LedgerQueries#openDocumentsOf}.
 */
@Service
@Transactional(readOnly = true)
public class CustomerAccounts {

    private final JdbcClient jdbc;

    CustomerAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a payment did for the customer on one document (null: left on account); net of reversals. */
    public record Paid(String documentNo, DocumentType type, BigDecimal amount, BigDecimal writeOff) {
    }

    /** A payment with something allocated to the customer, and what is in force of that. */
    public record Payment(long transactionId, String bankReference, LocalDate bookingDate, BigDecimal amount,
            String currency, String payerName, List<Paid> paid) {
    }

    /** One allocation row as recorded: a reversal has {@code reversesId}; {@code reversedById} marks the undone. */
    public record Entry(long allocationId, Instant createdAt, String createdBy, String bankReference,
            LocalDate bookingDate, String documentNo, DocumentType type, BigDecimal amount, BigDecimal writeOff,
            String currency, String method, String rule, Long reversesId, Long reversedById, String note) {
    }

    /** Payments booked on or after {@code since} that were (or are) applied to the customer, newest first. */
    public List<Payment> payments(long customerId, LocalDate since) {
        Map<Long, Payment> out = new LinkedHashMap<>();
        Map<Long, Map<String, BigDecimal[]>> paid = new LinkedHashMap<>();
        Map<Long, Map<String, DocumentType>> types = new LinkedHashMap<>();
        jdbc.sql("SELECT t.id AS transaction_id, t.bank_reference, t.booking_date, t.amount AS payment, t.currency, "
                        + "t.counterparty_name, d.document_no, d.type, a.amount, a.writeoff FROM allocation a "
                        + "JOIN bank_transaction t ON t.id = a.transaction_id LEFT JOIN document d ON d.id = a.document_id "
                        + "WHERE a.customer_id = :customer AND t.booking_date >= :since "
                        + "ORDER BY t.booking_date DESC, t.id DESC, a.id")
                .param("customer", customerId).param("since", since)
                .query(rs -> {
                    long id = rs.getLong("transaction_id");
                    String currency = rs.getString("currency");
                    out.computeIfAbsent(id, k -> {
                        try {
                            return new Payment(id, rs.getString("bank_reference"),
                                    rs.getObject("booking_date", LocalDate.class),
                                    scaled(rs.getBigDecimal("payment"), currency), currency,
                                    rs.getString("counterparty_name"), new ArrayList<>());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    String no = rs.getString("document_no");
                    String key = no == null ? "" : no;
                    BigDecimal[] sums = paid.computeIfAbsent(id, k -> new LinkedHashMap<>())
                            .computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                    sums[0] = sums[0].add(rs.getBigDecimal("amount"));
                    sums[1] = sums[1].add(rs.getBigDecimal("writeoff"));
                    String type = rs.getString("type");
                    if (type != null) {
                        types.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(key, DocumentType.valueOf(type));
                    }
                });
        for (Payment p : out.values()) {
            paid.getOrDefault(p.transactionId(), Map.of()).forEach((no, sums) -> {
                if (sums[0].signum() != 0 || sums[1].signum() != 0) {
                    p.paid().add(new Paid(no.isEmpty() ? null : no,
                            types.getOrDefault(p.transactionId(), Map.of()).get(no),
                            scaled(sums[0], p.currency()), scaled(sums[1], p.currency())));
                }
            });
        }
        return List.copyOf(out.values());
    }

    private static final String ENTRIES = "SELECT a.id, a.created_at, a.created_by, t.bank_reference, "
            + "t.booking_date, d.document_no, d.type, a.amount, a.writeoff, a.currency, a.method, a.rule, a.reverses_id, "
            + "r.id AS reversed_by, a.note FROM allocation a LEFT JOIN bank_transaction t ON t.id = a.transaction_id "
            + "LEFT JOIN document d ON d.id = a.document_id LEFT JOIN allocation r ON r.reverses_id = a.id "
            + "WHERE a.customer_id = :customer ";

    /** The customer's allocations and reversals, newest first, at most {@code limit}. */
    public List<Entry> history(long customerId, int limit) {
        return entries(jdbc.sql(ENTRIES + "ORDER BY a.id DESC FETCH FIRST :limit ROWS ONLY")
                .param("customer", customerId).param("limit", limit));
    }

    /** Every allocation and reversal of the customer on these documents, oldest first. */
    public List<Entry> historyOf(long customerId, java.util.Collection<String> documentNos) {
        if (documentNos.isEmpty()) {
            return List.of();
        }
        return entries(jdbc.sql(ENTRIES + "AND d.document_no IN (:documents) ORDER BY a.id")
                .param("customer", customerId).param("documents", List.copyOf(documentNos)));
    }

    private static List<Entry> entries(JdbcClient.StatementSpec query) {
        return query.query((rs, i) -> {
                    String currency = rs.getString("currency");
                    long reverses = rs.getLong("reverses_id");
                    Long reversesId = rs.wasNull() ? null : reverses;
                    long reversedBy = rs.getLong("reversed_by");
                    Long reversedById = rs.wasNull() ? null : reversedBy;
                    String type = rs.getString("type");
                    return new Entry(rs.getLong("id"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            rs.getString("created_by"), rs.getString("bank_reference"),
                            rs.getObject("booking_date", LocalDate.class), rs.getString("document_no"),
                            type == null ? null : DocumentType.valueOf(type), scaled(rs.getBigDecimal("amount"), currency),
                            scaled(rs.getBigDecimal("writeoff"), currency), currency, rs.getString("method"),
                            rs.getString("rule"), reversesId, reversedById, rs.getString("note"));
                }).list();
    }

    private static BigDecimal scaled(BigDecimal amount, String currency) {
        return amount.setScale(Money.minorDigits(currency), java.math.RoundingMode.HALF_EVEN);
    }
}
