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
 * Plans the demo bank statement: which open documents get paid, in which of the patterns that a matching
 * engine must handle, by whom and when. Planned on the documents before their numbers are final (a planned
 * "net of a credit note" payment adds a credit note); the texts are written afterwards.
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

    /** One entry as planned; its remittance text is written once the document numbers are final. */
    private static final class Planned {
        final int order;
        final String pattern;
        final List<DemoDocument> documents;
        final BigDecimal amount;
        final boolean credit;
        final String partyName;
        final DemoCustomer.Account account;
        final Supplier<String> text;
        String domain = "PMNT";
        String family;
        String subFamily;
        LocalDate bookingDate;

        Planned(int order, String pattern, List<DemoDocument> documents, BigDecimal amount, boolean credit,
                String partyName, DemoCustomer.Account account, Supplier<String> text) {
            this.order = order;
            this.pattern = pattern;
            this.documents = documents;
            this.amount = amount.setScale(2, RoundingMode.UNNECESSARY);
            this.credit = credit;
            this.partyName = partyName;
            this.account = account;
            this.text = text;
            this.family = credit ? "RCDT" : "ICDT";
            this.subFamily = "DMCT";
        }
    }

    /** The statement once written: its entries in booking order and what each one really is. */
    record Result(Camt053.Header header, List<Camt053.Entry> entries, List<Expectation> expectations) {
    }

    private final Rng rng;
    private final LocalDate today;
    private final LocalDate windowStart;
    /** documents issued on or before this day may be paid by the statement */
    private final LocalDate cutoff;
    private final List<DemoCustomer> customers;
    private final List<DemoDocument> documents;
    private final List<DemoDocument> pool = new ArrayList<>();
    private final List<Planned> planned = new ArrayList<>();

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
        s.planAll();
        return s;
    }

    private void planAll() {
        for (DemoDocument d : documents) {
            if (d.type == DemoDocument.Type.INVOICE && CURRENCY.equals(d.customer.currency) && !d.recurringFee
                    && d.correctedBy == null && !d.issueDate.isAfter(cutoff)) {
                pool.add(d);
            }
        }
        rng.shuffle(pool);

        twins();
        combinedWithoutReference();
        payerNameVariants();
        typo();
        for (int i = 0; i < 2; i++) {
            netOfCreditNote(i);
        }
        multipleInvoices(2, false);
        multipleInvoices(3, false);
        multipleInvoices(2, true);
        for (int i = 0; i < 2; i++) {
            partial(i);
        }
        shortByBankCharge(false, new BigDecimal("15.00"));
        shortByBankCharge(true, new BigDecimal("25.00"));
        overpayment();
        for (int i = 0; i < 4; i++) {
            taxInvoiceNumber(i);
        }
        for (int i = 0; i < 3; i++) {
            reformatted(i);
        }
        for (int i = 0; i < 6; i++) {
            accountAndAmount(i);
        }
        for (int i = 0; i < 15; i++) {
            exactNumber(i);
        }
        debitNoteByNumber();
        noise();
    }

    // ---------------------------------------------------------------- patterns

    private void twins() {
        List<DemoCustomer> withFees = new ArrayList<>();
        for (DemoCustomer c : customers) {
            if (c.recurringFee != null && !c.accounts.isEmpty() && fees(c).size() >= 2) {
                withFees.add(c);
            }
        }
        rng.shuffle(withFees);
        if (withFees.isEmpty()) {
            return;
        }
        DemoCustomer c = withFees.get(0);
        DemoDocument oldest = fees(c).get(0);
        oldest.paid = true;
        String text = rng.pick("", "服务费", "付款");
        add(Expectation.AMBIGUOUS_TWIN, List.of(oldest), oldest.amount, c, () -> text);
        if (withFees.size() > 1) {
            // another customer's twin, told apart by its number
            List<DemoDocument> other = fees(withFees.get(1));
            DemoDocument latest = other.get(other.size() - 1);
            latest.paid = true;
            add(Expectation.EXACT_NUMBER, List.of(latest), latest.amount, latest.customer,
                    () -> "支付" + latest.documentNo + "服务费");
        }
    }

    private List<DemoDocument> fees(DemoCustomer c) {
        List<DemoDocument> fees = new ArrayList<>();
        for (DemoDocument d : documents) {
            if (d.customer == c && d.recurringFee && !d.paid && !d.issueDate.isAfter(cutoff)) {
                fees.add(d);
            }
        }
        fees.sort(Comparator.comparing((DemoDocument d) -> d.issueDate));
        return fees;
    }

    private void combinedWithoutReference() {
        List<DemoCustomer> shuffled = new ArrayList<>(customers);
        rng.shuffle(shuffled);
        for (DemoCustomer c : shuffled) {
            if (c.accounts.isEmpty() || c.recurringFee != null) {
                continue;
            }
            List<DemoDocument> own = pool.stream().filter(d -> d.customer == c).toList();
            for (int i = 0; i < own.size(); i++) {
                for (int j = i + 1; j < own.size(); j++) {
                    DemoDocument a = own.get(i);
                    DemoDocument b = own.get(j);
                    if (sumIsUnique(c, a, b)) {
                        take(a);
                        take(b);
                        String text = rng.pick("货款", "");
                        add(Expectation.COMBINED_NO_REFERENCE, List.of(a, b), a.amount.add(b.amount), c, () -> text);
                        return;
                    }
                }
            }
        }
    }

    /** No single receivable of the customer and no other pair of them adds up to a + b. */
    private boolean sumIsUnique(DemoCustomer c, DemoDocument a, DemoDocument b) {
        BigDecimal sum = a.amount.add(b.amount);
        List<DemoDocument> all = receivables(c);
        for (int i = 0; i < all.size(); i++) {
            DemoDocument x = all.get(i);
            if (x.amount.compareTo(sum) == 0) {
                return false;
            }
            for (int j = i + 1; j < all.size(); j++) {
                DemoDocument y = all.get(j);
                boolean same = (x == a && y == b) || (x == b && y == a);
                if (!same && x.amount.add(y.amount).compareTo(sum) == 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private void payerNameVariants() {
        for (DemoCustomer c : customers) {
            if (c.nameAsPayer == null) {
                continue;
            }
            DemoDocument d = takeFirst(x -> x.customer == c && amountIsUnique(x));
            if (d == null) {
                continue;
            }
            DemoCustomer.Account account;
            String text;
            String subFamily = "DMCT";
            if (c.english()) {
                account = new DemoCustomer.Account("8" + rng.digits(11),
                        "The Hongkong and Shanghai Banking Corporation Limited", false);
                text = "PAYMENT";
                subFamily = "XBCT";
            } else {
                String number;
                do {
                    number = Identifiers.Bank.ICBC.account(rng);
                } while (registered(number));
                account = new DemoCustomer.Account(number, "中国工商银行" + c.city + "分行", false);
                text = "货款";
            }
            Planned p = new Planned(planned.size(), Expectation.PAYER_NAME_VARIANT, List.of(d), d.amount, true,
                    c.nameAsPayer, account, () -> text);
            p.subFamily = subFamily;
            planned.add(p);
        }
    }

    private void typo() {
        // best a number that no document has; else one of a document with another amount
        for (boolean mustBeFree : new boolean[] {true, false}) {
            for (DemoDocument d : List.copyOf(pool)) {
                if (!registered(d)) {
                    continue;
                }
                String typo = typoOf(d, mustBeFree);
                if (typo != null) {
                    take(d);
                    add(Expectation.TYPO_REFERENCE, List.of(d), d.amount, d.customer,
                            () -> say(d.customer, "支付" + typo + "货款", "PAYMENT " + typo));
                    return;
                }
            }
        }
    }

    /**
     * The document's number with two adjacent differing digits of its sequence swapped, the rightmost such swap
     * whose number no document has, or (unless {@code mustBeFree}) whose document has another amount; null if
     * there is none.
     */
    private String typoOf(DemoDocument d, boolean mustBeFree) {
        char[] seq = String.format("%06d", d.sequence).toCharArray();
        for (int i = seq.length - 1; i > 0; i--) {
            if (seq[i] == seq[i - 1]) {
                continue;
            }
            char[] swapped = seq.clone();
            swapped[i] = seq[i - 1];
            swapped[i - 1] = seq[i];
            String typo = d.type.prefix + "-" + d.issueDate.getYear() + "-" + new String(swapped);
            DemoDocument other = documents.stream().filter(x -> typo.equals(x.documentNo)).findFirst().orElse(null);
            if (other == null || (!mustBeFree && other.amount.compareTo(d.amount) != 0)) {
                return typo;
            }
        }
        return null;
    }

    private void netOfCreditNote(int variant) {
        DemoDocument d = takeFirst(x -> registered(x) && !x.issueDate.isAfter(windowStart.minusDays(8))
                && x.amount.compareTo(new BigDecimal("5000")) >= 0);
        if (d == null) {
            return;
        }
        LocalDate date = d.issueDate.plusDays(rng.between(3, 10));
        if (date.isAfter(windowStart.minusDays(2))) {
            date = windowStart.minusDays(2);
        }
        DemoDocument cn = DemoDocuments.creditNote(documents.size(), rng, d, date, today);
        cn.paid = true;
        documents.add(cn);
        Supplier<String> text = variant == 0
                ? () -> say(d.customer, "支付" + d.documentNo + "货款(已扣" + cn.documentNo + ")",
                        "PAYMENT " + d.documentNo + " LESS " + cn.documentNo)
                : () -> say(d.customer, d.documentNo + "货款 扣减退货及折让", d.documentNo + " NET OF CREDIT");
        add(Expectation.NET_OF_CREDIT_NOTE, List.of(d, cn), d.amount.subtract(cn.amount), d.customer, text);
    }

    private void multipleInvoices(int count, boolean byTaxInvoice) {
        List<DemoCustomer> shuffled = new ArrayList<>(customers);
        rng.shuffle(shuffled);
        for (DemoCustomer c : shuffled) {
            if (c.accounts.isEmpty()) {
                continue;
            }
            List<DemoDocument> own = pool.stream()
                    .filter(d -> d.customer == c && (!byTaxInvoice || d.wantsTaxInvoice))
                    .limit(count)
                    .sorted(Comparator.comparing((DemoDocument d) -> d.issueDate).thenComparingInt(d -> d.creationOrder))
                    .toList();
            if (own.size() < count) {
                continue;
            }
            own.forEach(this::take);
            BigDecimal sum = own.stream().map(d -> d.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            Supplier<String> text;
            if (byTaxInvoice) {
                text = () -> say(c, "付发票", "INVOICES ") + String.join("/", own.stream().map(d -> d.taxInvoiceNo).toList());
            } else if (count == 2) {
                text = () -> say(c, "支付" + own.get(0).documentNo + "," + own.get(1).documentNo + "货款",
                        "PAYMENT " + own.get(0).documentNo + " " + own.get(1).documentNo);
            } else {
                text = () -> String.join(" ", own.stream().map(d -> d.documentNo).toList());
            }
            add(Expectation.MULTIPLE_INVOICES, own, sum, c, text);
            return;
        }
    }

    private void partial(int variant) {
        DemoDocument d = takeFirst(x -> registered(x) && x.amount.compareTo(new BigDecimal("30000")) >= 0);
        if (d == null) {
            return;
        }
        BigDecimal part = d.amount.multiply(BigDecimal.valueOf(rng.between(30, 60))).movePointLeft(2)
                .setScale(-3, RoundingMode.DOWN).setScale(2);
        Supplier<String> text = variant == 0
                ? () -> say(d.customer, d.documentNo + " 部分付款", "PART PAYMENT " + d.documentNo)
                : () -> say(d.customer, "支付" + d.documentNo + "首期款", "FIRST INSTALMENT " + d.documentNo);
        add(Expectation.PARTIAL, List.of(d), part, d.customer, text);
    }

    private void shortByBankCharge(boolean foreign, BigDecimal charge) {
        DemoDocument d = takeFirst(x -> registered(x) && x.customer.english() == foreign);
        if (d == null) {
            d = takeFirst(this::registered);
        }
        if (d == null) {
            return;
        }
        DemoDocument doc = d;
        Supplier<String> text = () -> say(doc.customer, "支付" + doc.documentNo + "货款", "PAYMENT " + doc.documentNo);
        add(Expectation.SHORT_BY_BANK_CHARGE, List.of(doc), doc.amount.subtract(charge), doc.customer, text);
    }

    private void overpayment() {
        DemoDocument d = takeFirst(this::registered);
        if (d == null) {
            return;
        }
        BigDecimal paid = d.amount.setScale(-3, RoundingMode.CEILING).setScale(2);
        if (paid.compareTo(d.amount) == 0) {
            paid = paid.add(new BigDecimal("1000.00"));
        }
        add(Expectation.OVERPAYMENT, List.of(d), paid, d.customer,
                () -> say(d.customer, d.documentNo + "货款", "PAYMENT " + d.documentNo));
    }

    private void taxInvoiceNumber(int variant) {
        DemoDocument d = takeFirst(x -> registered(x) && x.wantsTaxInvoice);
        if (d == null) {
            return;
        }
        Supplier<String> text = switch (variant) {
            case 0 -> () -> say(d.customer, "付" + d.issueDate.getMonthValue() + "月发票", "FAPIAO ") + d.taxInvoiceNo;
            case 1 -> () -> say(d.customer, "发票号", "INVOICE NO ") + d.taxInvoiceNo;
            case 2 -> () -> d.taxInvoiceNo;
            default -> () -> say(d.customer, "货款 发票", "PAYMENT FAPIAO ") + d.taxInvoiceNo;
        };
        add(Expectation.TAX_INVOICE_NO, List.of(d), d.amount, d.customer, text);
    }

    private void reformatted(int variant) {
        DemoDocument d = takeFirst(this::registered);
        if (d == null) {
            return;
        }
        Supplier<String> text = switch (variant) {
            case 0 -> () -> "inv" + d.issueDate.getYear() + d.sequence;
            case 1 -> () -> say(d.customer, "货款", "PAYMENT ") + "inv" + d.issueDate.getYear() + d.sequence;
            default -> () -> say(d.customer, "付款 ", "PAYMENT ") + d.documentNo.replace("-", "");
        };
        add(Expectation.REFORMATTED_NUMBER, List.of(d), d.amount, d.customer, text);
    }

    private void accountAndAmount(int variant) {
        DemoDocument d = takeFirst(x -> registered(x) && amountIsUnique(x));
        if (d == null) {
            return;
        }
        String text = d.customer.english()
                ? List.of("PAYMENT", "", "INVOICE PAYMENT", "", "PAYMENT", "").get(variant)
                : List.of("货款", "", "付款", "转账", "货款", "").get(variant);
        add(Expectation.ACCOUNT_AND_AMOUNT, List.of(d), d.amount, d.customer, () -> text);
    }

    private void exactNumber(int variant) {
        DemoDocument d = takeFirst(this::registered);
        if (d == null) {
            return;
        }
        Supplier<String> text;
        if (d.customer.english()) {
            text = variant % 2 == 0 ? () -> "PAYMENT " + d.documentNo : () -> "INVOICE " + d.documentNo;
        } else {
            text = switch (variant % 6) {
                case 0 -> () -> "支付" + d.documentNo + "货款";
                case 1 -> () -> d.documentNo;
                case 2 -> () -> "货款 " + d.documentNo;
                case 3 -> () -> "付" + d.documentNo;
                case 4 -> () -> d.documentNo + "货款";
                default -> () -> "还款" + d.documentNo;
            };
        }
        add(Expectation.EXACT_NUMBER, List.of(d), d.amount, d.customer, text);
    }

    private void debitNoteByNumber() {
        for (DemoDocument d : documents) {
            if (d.type == DemoDocument.Type.DEBIT_NOTE && !d.paid && CURRENCY.equals(d.customer.currency)
                    && !d.customer.accounts.isEmpty() && !d.issueDate.isAfter(cutoff)) {
                d.paid = true;
                add(Expectation.EXACT_NUMBER, List.of(d), d.amount, d.customer, () -> say(d.customer, "付" + d.documentNo + "款项", "PAYMENT " + d.documentNo));
                return;
            }
        }
    }

    private void noise() {
        Planned interest = new Planned(planned.size(), Expectation.BANK_INTEREST, List.of(),
                rng.money(30_000, 280_000), true, null, null, () -> "活期存款利息");
        interest.domain = "ACMT";
        interest.family = "MCOP";
        interest.subFamily = "INTR";
        planned.add(interest);

        Identifiers.Bank bank = Identifiers.Bank.CCB;
        planned.add(new Planned(planned.size(), Expectation.UNKNOWN_PAYER, List.of(),
                BigDecimal.valueOf(rng.between(50, 600) * 100L), true, "上海瑞丰商贸有限公司",
                new DemoCustomer.Account(bank.account(rng), bank.chineseName + "上海分行", false), () -> "往来款"));

        BigDecimal transferFee = new BigDecimal(rng.pick("5.50", "10.00", "15.00", "20.00"));
        Planned fee1 = new Planned(planned.size(), Expectation.BANK_FEE, List.of(), transferFee, false,
                null, null, () -> "网银汇款手续费");
        Planned fee2 = new Planned(planned.size() + 1, Expectation.BANK_FEE, List.of(), new BigDecimal("100.00"),
                false, null, null, () -> "账户管理费");
        for (Planned fee : List.of(fee1, fee2)) {
            fee.domain = "ACMT";
            fee.family = "MDOP";
            fee.subFamily = "CHRG";
            planned.add(fee);
        }

        List<DemoCustomer> chinese = customers.stream()
                .filter(c -> !c.english() && !c.accounts.isEmpty()).toList();
        DemoCustomer c = rng.pick(chinese);
        planned.add(new Planned(planned.size(), Expectation.REFUND, List.of(),
                BigDecimal.valueOf(rng.between(8, 30) * 100L), false, c.name, rng.pick(c.accounts),
                () -> "退还多付货款"));
    }

    // ---------------------------------------------------------------- helpers

    /** What the payer writes: in Chinese, or in English when it is a foreign customer. */
    private static String say(DemoCustomer payer, String chinese, String english) {
        return payer.english() ? english : chinese;
    }

    private void add(String pattern, List<DemoDocument> docs, BigDecimal amount, DemoCustomer payer,
                     Supplier<String> text) {
        Planned p = new Planned(planned.size(), pattern, List.copyOf(docs), amount, true, payer.name,
                rng.pick(payer.accounts), text);
        if (payer.english()) {
            p.subFamily = "XBCT";
        }
        planned.add(p);
    }

    private DemoDocument takeFirst(Predicate<DemoDocument> predicate) {
        for (DemoDocument d : pool) {
            if (predicate.test(d)) {
                take(d);
                return d;
            }
        }
        return null;
    }

    private void take(DemoDocument d) {
        pool.remove(d);
        d.paid = true;
    }

    private boolean registered(DemoDocument d) {
        return !d.customer.accounts.isEmpty();
    }

    private boolean registered(String accountNumber) {
        for (DemoCustomer c : customers) {
            for (DemoCustomer.Account a : c.accounts) {
                if (a.number().equals(accountNumber)) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<DemoDocument> receivables(DemoCustomer c) {
        return documents.stream().filter(d -> d.customer == c && d.receivable()).toList();
    }

    /** No other receivable of the customer has the same amount. */
    private boolean amountIsUnique(DemoDocument d) {
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
        for (Planned p : planned) {
            p.bookingDate = windowStart.plusDays(dates.between(0, WINDOW_DAYS));
        }
        List<Planned> sorted = new ArrayList<>(planned);
        sorted.sort(Comparator.comparing((Planned p) -> p.bookingDate).thenComparingInt(p -> p.order));
        List<Camt053.Entry> entries = new ArrayList<>();
        List<Expectation> expectations = new ArrayList<>();
        Camt053.Totals totals = new Camt053.Totals();
        int n = 0;
        for (Planned p : sorted) {
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
