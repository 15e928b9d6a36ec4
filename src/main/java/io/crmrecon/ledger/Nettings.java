package io.crmrecon.ledger;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Netting (抵销): what we owe a customer as a supplier (its open BILLs) set against what it owes us, as pairs of
 * allocations without cash (V16): never edited, like every allocation. Oldest bill against the receivable due
 * first, until one side is used up.
 */
@Service
public class Nettings {

    /** One pair: {@code amount} of the bill set against the receivable. */
    public record Netted(String receivableNo, String billNo, BigDecimal amount) {
    }

    /** An open BILL: what is left of it after earlier nettings. */
    public record OpenBill(long documentId, String documentNo, LocalDate issueDate, LocalDate dueDate,
            BigDecimal open) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ReceivableMovements movements;

    Nettings(JdbcClient jdbc, Clock clock, ReceivableMovements movements) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.movements = movements;
    }

    /** The customer's BILLs in the currency issued by {@code upTo} with something not yet netted, oldest first. */
    @Transactional(readOnly = true)
    public List<OpenBill> openBills(long customerId, String currency, LocalDate upTo) {
        return jdbc.sql("SELECT d.id, d.document_no, d.issue_date, d.due_date, d.amount - COALESCE((SELECT "
                        + "SUM(a.amount) FROM allocation a WHERE a.document_id = d.id), 0) AS open_amount "
                        + "FROM document d WHERE d.customer_id = :customer AND d.currency = :currency "
                        + "AND d.type = 'BILL' AND d.issue_date <= :upTo ORDER BY d.due_date, d.document_no")
                .param("customer", customerId).param("currency", currency).param("upTo", upTo)
                .query((rs, i) -> new OpenBill(rs.getLong("id"), rs.getString("document_no"),
                        rs.getObject("issue_date", LocalDate.class), rs.getObject("due_date", LocalDate.class),
                        rs.getBigDecimal("open_amount")))
                .list().stream().filter(b -> b.open().signum() > 0).toList();
    }

    /**
     * Nets the customer's bills issued by {@code billsUpTo} against the given receivables (those with something
     * positive open), at most {@code limit} in all, dated {@code on}. Returns the pairs recorded; none when there is
     * nothing to net on either side. The caller holds the lock of whoever applies money.
     */
    @Transactional
    public List<Netted> net(long customerId, String currency, List<OpenDocument> receivables, LocalDate billsUpTo,
            BigDecimal limit, LocalDate on, String note, String user) {
        List<OpenBill> bills = openBills(customerId, currency, billsUpTo);
        BigDecimal room = limit;
        List<OpenDocument> owed = receivables.stream()
                .filter(d -> d.customerId() == customerId && currency.equals(d.currency()) && d.open().signum() > 0)
                .sorted(Comparator.comparing(OpenDocument::dueDate).thenComparing(OpenDocument::documentNo))
                .toList();
        List<Netted> out = new ArrayList<>();
        long after = movements.lastAllocation();
        int b = 0;
        BigDecimal billLeft = bills.isEmpty() ? BigDecimal.ZERO : bills.get(0).open();
        Timestamp at = Timestamp.from(clock.instant());
        for (OpenDocument receivable : owed) {
            BigDecimal left = receivable.open();
            while (left.signum() > 0 && b < bills.size() && room.signum() > 0) {
                OpenBill bill = bills.get(b);
                BigDecimal amount = left.min(billLeft).min(room);
                room = room.subtract(amount);
                insert(receivable.documentId(), customerId, bill.documentId(), currency, amount, on, note, at, user);
                insert(bill.documentId(), null, receivable.documentId(), currency, amount, on, note, at, user);
                out.add(new Netted(receivable.documentNo(), bill.documentNo(), amount));
                left = left.subtract(amount);
                billLeft = billLeft.subtract(amount);
                if (billLeft.signum() == 0 && ++b < bills.size()) {
                    billLeft = bills.get(b).open();
                }
            }
        }
        movements.allocationsRecorded(after);
        return out;
    }

    private void insert(long documentId, Long customerId, long otherDocumentId, String currency, BigDecimal amount,
            LocalDate on, String note, Timestamp at, String user) {
        jdbc.sql("INSERT INTO allocation (document_id, customer_id, currency, amount, writeoff, method, rule, note, "
                        + "created_at, created_by, nets_document_id, value_date) VALUES (:document, :customer, "
                        + ":currency, :amount, 0, 'AUTO', 'NETTING', :note, :at, :user, :other, :on)")
                .param("document", documentId).param("customer", customerId).param("currency", currency)
                .param("amount", amount).param("note", note).param("at", at).param("user", user)
                .param("other", otherDocumentId).param("on", on)
                .update();
    }
}
