package io.crmrecon.matching.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A small ledger to match against, written the way the tests read: customers, their items, payments. */
final class EngineFixture {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    final List<OpenItem> items = new ArrayList<>();
    final List<Payer> payers = new ArrayList<>();
    final List<StatementRef> statements = new ArrayList<>();
    final List<SettledDocument> settled = new ArrayList<>();
    MatchingPolicy policy = MatchingPolicy.defaults();
    private long nextDocumentId = 1000;
    private long nextTransactionId = 1;

    Payer customer(long id, String name, String... accounts) {
        Payer p = new Payer(id, String.format("C%04d", id), name, List.of(accounts));
        payers.add(p);
        return p;
    }

    OpenItem invoice(long customer, String no, String amount) {
        return invoice(customer, no, amount, null, TODAY.minusDays(30));
    }

    OpenItem invoice(long customer, String no, String amount, String taxInvoiceNo, LocalDate due) {
        return add(new OpenItem(nextDocumentId++, no, taxInvoiceNo, customer, OpenItem.ItemKind.INVOICE, "CNY",
                new BigDecimal(amount), due.minusDays(30), due));
    }

    /** A credit note of {@code amount} (given positive, stored negative). */
    OpenItem creditNote(long customer, String no, String amount) {
        return add(new OpenItem(nextDocumentId++, no, null, customer, OpenItem.ItemKind.CREDIT_NOTE, "CNY",
                new BigDecimal(amount).negate(), TODAY.minusDays(20), TODAY.minusDays(20)));
    }

    OpenItem add(OpenItem item) {
        items.add(item);
        return item;
    }

    /** Takes an item out of the open items and records it as settled. */
    void settle(OpenItem item) {
        items.remove(item);
        settled.add(new SettledDocument(item.documentId(), item.documentNo(), item.taxInvoiceNo(),
                item.customerId(), item.currency()));
    }

    StatementRef statement(String no, long customer, OpenItem... documents) {
        StatementRef s = new StatementRef(no, customer, Arrays.stream(documents).map(OpenItem::documentId).toList());
        statements.add(s);
        return s;
    }

    IncomingPayment payment(String amount, String name, String account, String text) {
        return new IncomingPayment(nextTransactionId++, new BigDecimal(amount), "CNY", TODAY, name, account, text,
                null);
    }

    MatchingEngine engine() {
        return MatchingEngine.create(items, payers, statements, policy, settled);
    }

    MatchOutcome match(IncomingPayment payment) {
        return engine().matchAll(List.of(payment)).get(0);
    }

    List<MatchOutcome> matchAll(IncomingPayment... payments) {
        return engine().matchAll(List.of(payments));
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
