package io.crmrecon.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The demo bank statement: planned on the documents before their numbers are final (a planned "net of a credit
 * note" payment adds a credit note; the patterns are {@link DemoPaymentPatterns}), written afterwards with the
 * entries' texts and booking dates.
 */
final class DemoBankStatement {

    static final String COMPANY_NAME = "上海启明工业自动化有限公司";
    static final String COMPANY_ACCOUNT = "121909876510602";
    static final String BANK_BIC = "CMBCCNBS";
    static final String BANK_NAME = "招商银行上海分行";
    static final String CURRENCY = "CNY";
    /** booking dates lie within this many days before today (and today) */
    static final int WINDOW_DAYS = 20;

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    /** The statement once written: its entries in booking order and what each one really is. */
    record Result(Camt053.Header header, List<Camt053.Entry> entries, List<Expectation> expectations) {
    }

    final Rng rng;
    final LocalDate today;
    final LocalDate windowStart;
    /** documents issued on or before this day may be paid by the statement */
    final LocalDate cutoff;
    final List<DemoCustomer> customers;
    final List<DemoDocument> documents;
    final List<DemoDocument> pool = new ArrayList<>();
    final List<PlannedEntry> planned = new ArrayList<>();

    private DemoBankStatement(long seed, LocalDate today, List<DemoCustomer> customers,
                              List<DemoDocument> documents) {
        this.rng = Rng.of(seed, 4);
        this.today = today;
        this.windowStart = today.minusDays(WINDOW_DAYS);
        this.cutoff = windowStart.minusDays(3);
        this.customers = customers;
        this.documents = documents;
    }

    /** Plans the statement; may add credit notes to {@code documents} (number them again afterwards). */
    static DemoBankStatement plan(long seed, LocalDate today, List<DemoCustomer> customers,
                                  List<DemoDocument> documents) {
        DemoBankStatement s = new DemoBankStatement(seed, today, customers, documents);
        new DemoPaymentPatterns(s).planAll();
        return s;
    }

    // ---------------------------------------------------------------- helpers

    void add(String pattern, List<DemoDocument> docs, BigDecimal amount, DemoCustomer payer, Supplier<String> text) {
        PlannedEntry p = new PlannedEntry(planned.size(), pattern, List.copyOf(docs), amount, true, payer.name,
                rng.pick(payer.accounts), text);
        if (payer.english()) {
            p.subFamily = "XBCT";
        }
        planned.add(p);
    }

    DemoDocument takeFirst(Predicate<DemoDocument> predicate) {
        for (DemoDocument d : pool) {
            if (predicate.test(d)) {
                take(d);
                return d;
            }
        }
        return null;
    }

    void take(DemoDocument d) {
        pool.remove(d);
        d.paid = true;
    }

    boolean registered(DemoDocument d) {
        return !d.customer.accounts.isEmpty();
    }

    boolean registered(String accountNumber) {
        for (DemoCustomer c : customers) {
            for (DemoCustomer.Account a : c.accounts) {
                if (a.number().equals(accountNumber)) {
                    return true;
                }
            }
        }
        return false;
    }

    List<DemoDocument> receivables(DemoCustomer c) {
        return documents.stream().filter(d -> d.customer == c && d.receivable()).toList();
    }

    /** No other receivable of the customer has the same amount. */
    boolean amountIsUnique(DemoDocument d) {
        for (DemoDocument other : receivables(d.customer)) {
            if (other != d && other.amount.compareTo(d.amount) == 0) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- the file

    /** Writes the statement: call after the documents have their final numbers. */
    Result render(long seed) {
        Rng dates = Rng.of(seed, 5);
        for (PlannedEntry p : planned) {
            p.bookingDate = windowStart.plusDays(dates.between(0, WINDOW_DAYS));
        }
        List<PlannedEntry> sorted = new ArrayList<>(planned);
        sorted.sort(Comparator.comparing((PlannedEntry p) -> p.bookingDate).thenComparingInt(p -> p.order));
        List<Camt053.Entry> entries = new ArrayList<>();
        List<Expectation> expectations = new ArrayList<>();
        Camt053.Totals totals = new Camt053.Totals();
        int n = 0;
        for (PlannedEntry p : sorted) {
            n++;
            String ref = p.bookingDate.format(BASIC) + String.format("%04d", n) + dates.digits(6);
            DemoCustomer.Account a = p.account;
            Camt053.Entry e = new Camt053.Entry(Integer.toString(n), p.amount, p.credit, p.bookingDate,
                    p.bookingDate, ref, p.domain, p.family, p.subFamily, p.partyName,
                    a == null ? null : a.number(), a != null && a.iban(), a == null ? null : a.bankName(),
                    p.text.get());
            entries.add(e);
            totals.add(e);
            expectations.add(new Expectation(ref, p.pattern, p.documents.stream().map(d -> d.documentNo).toList()));
        }
        BigDecimal opening = dates.money(120_000_000, 350_000_000);
        Camt053.Header header = new Camt053.Header("CMB053" + today.format(BASIC) + "0001", today,
                COMPANY_ACCOUNT + "-" + today.format(BASIC), today.getDayOfYear(), windowStart, today,
                COMPANY_ACCOUNT, CURRENCY, COMPANY_NAME, BANK_BIC, BANK_NAME, opening, opening.add(totals.net()),
                totals.credits, totals.creditSum, totals.debits, totals.debitSum);
        return new Result(header, entries, expectations);
    }
}
