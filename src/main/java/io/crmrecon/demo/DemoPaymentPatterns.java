package io.crmrecon.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The patterns the demo statement pays documents in, one method each: what a matching engine must handle
 * (references written many ways, several documents, partial, short, over, twins, noise).
 */
final class DemoPaymentPatterns {

    private final DemoBankStatement s;
    private final Rng rng;
    private final List<DemoCustomer> customers;
    private final List<DemoDocument> documents;
    private final List<DemoDocument> pool;
    private final List<PlannedEntry> planned;

    DemoPaymentPatterns(DemoBankStatement statement) {
        this.s = statement;
        this.rng = statement.rng;
        this.customers = statement.customers;
        this.documents = statement.documents;
        this.pool = statement.pool;
        this.planned = statement.planned;
    }

    void planAll() {
        for (DemoDocument d : documents) {
            if (d.type == DemoDocument.Type.INVOICE && DemoBankStatement.CURRENCY.equals(d.customer.currency) && !d.recurringFee
                    && d.correctedBy == null && !d.issueDate.isAfter(s.cutoff)) {
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
        String text = rng.pick(PaymentTexts.RECURRING_FEE);
        s.add(Expectation.AMBIGUOUS_TWIN, List.of(oldest), oldest.amount, c, () -> text);
        if (withFees.size() > 1) {
            // another customer's twin, told apart by its number
            List<DemoDocument> other = fees(withFees.get(1));
            DemoDocument latest = other.get(other.size() - 1);
            latest.paid = true;
            s.add(Expectation.EXACT_NUMBER, List.of(latest), latest.amount, latest.customer,
                    () -> "支付" + latest.documentNo + "服务费");
        }
    }

    private List<DemoDocument> fees(DemoCustomer c) {
        List<DemoDocument> fees = new ArrayList<>();
        for (DemoDocument d : documents) {
            if (d.customer == c && d.recurringFee && !d.paid && !d.issueDate.isAfter(s.cutoff)) {
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
                        s.take(a);
                        s.take(b);
                        String text = rng.pick("货款", "");
                        s.add(Expectation.COMBINED_NO_REFERENCE, List.of(a, b), a.amount.add(b.amount), c, () -> text);
                        return;
                    }
                }
            }
        }
    }

    /** No single receivable of the customer and no other pair of them adds up to a + b. */
    private boolean sumIsUnique(DemoCustomer c, DemoDocument a, DemoDocument b) {
        BigDecimal sum = a.amount.add(b.amount);
        List<DemoDocument> all = s.receivables(c);
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
            DemoDocument d = s.takeFirst(x -> x.customer == c && s.amountIsUnique(x));
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
                } while (s.registered(number));
                account = new DemoCustomer.Account(number, "中国工商银行" + c.city + "分行", false);
                text = "货款";
            }
            PlannedEntry p = new PlannedEntry(planned.size(), Expectation.PAYER_NAME_VARIANT, List.of(d), d.amount, true,
                    c.nameAsPayer, account, () -> text);
            p.subFamily = subFamily;
            planned.add(p);
        }
    }

    private void typo() {
        // best a number that no document has; else one of a document with another amount
        for (boolean mustBeFree : new boolean[] {true, false}) {
            for (DemoDocument d : List.copyOf(pool)) {
                if (!s.registered(d)) {
                    continue;
                }
                String typo = typoOf(d, mustBeFree);
                if (typo != null) {
                    s.take(d);
                    s.add(Expectation.TYPO_REFERENCE, List.of(d), d.amount, d.customer,
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
        DemoDocument d = s.takeFirst(x -> s.registered(x) && !x.issueDate.isAfter(s.windowStart.minusDays(8))
                && x.amount.compareTo(new BigDecimal("5000")) >= 0);
        if (d == null) {
            return;
        }
        LocalDate date = d.issueDate.plusDays(rng.between(3, 10));
        if (date.isAfter(s.windowStart.minusDays(2))) {
            date = s.windowStart.minusDays(2);
        }
        DemoDocument cn = DemoDocuments.creditNote(documents.size(), rng, d, date, s.today);
        cn.paid = true;
        documents.add(cn);
        Supplier<String> text = variant == 0
                ? () -> say(d.customer, "支付" + d.documentNo + "货款(已扣" + cn.documentNo + ")",
                        "PAYMENT " + d.documentNo + " LESS " + cn.documentNo)
                : () -> d.documentNo + PaymentTexts.NET_OF_CREDIT_NOTES.get(d.customer.english() ? 5 : 4);
        s.add(Expectation.NET_OF_CREDIT_NOTE, List.of(d, cn), d.amount.subtract(cn.amount), d.customer, text);
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
            own.forEach(s::take);
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
            s.add(Expectation.MULTIPLE_INVOICES, own, sum, c, text);
            return;
        }
    }

    private void partial(int variant) {
        DemoDocument d = s.takeFirst(x -> s.registered(x) && x.amount.compareTo(new BigDecimal("30000")) >= 0);
        if (d == null) {
            return;
        }
        BigDecimal part = d.amount.multiply(BigDecimal.valueOf(rng.between(30, 60))).movePointLeft(2)
                .setScale(-3, RoundingMode.DOWN).setScale(2);
        String note = PaymentTexts.PARTIAL_NOTES.get(variant + (d.customer.english() ? 2 : 0));
        Supplier<String> text = variant == 0 ? () -> d.documentNo + " " + note : () -> note + " " + d.documentNo;
        s.add(Expectation.PARTIAL, List.of(d), part, d.customer, text);
    }

    private void shortByBankCharge(boolean foreign, BigDecimal charge) {
        DemoDocument d = s.takeFirst(x -> s.registered(x) && x.customer.english() == foreign);
        if (d == null) {
            d = s.takeFirst(s::registered);
        }
        if (d == null) {
            return;
        }
        DemoDocument doc = d;
        Supplier<String> text = () -> PaymentTexts.wrap(doc.documentNo, doc.customer.english(), rng);
        s.add(Expectation.SHORT_BY_BANK_CHARGE, List.of(doc), doc.amount.subtract(charge), doc.customer, text);
    }

    private void overpayment() {
        DemoDocument d = s.takeFirst(s::registered);
        if (d == null) {
            return;
        }
        BigDecimal paid = d.amount.setScale(-3, RoundingMode.CEILING).setScale(2);
        if (paid.compareTo(d.amount) == 0) {
            paid = paid.add(new BigDecimal("1000.00"));
        }
        s.add(Expectation.OVERPAYMENT, List.of(d), paid, d.customer,
                () -> d.documentNo + PaymentTexts.OVERPAID_NOTES.get(d.customer.english() ? 3 : 4));
    }

    private void taxInvoiceNumber(int variant) {
        DemoDocument d = s.takeFirst(x -> s.registered(x) && x.wantsTaxInvoice);
        if (d == null) {
            return;
        }
        // the forms in turn, the English ones for English payers only
        List<String> forms = PaymentTexts.TAX_INVOICE.stream()
                .filter(f -> f.equals("%s") || f.matches(".*[A-Z].*") == d.customer.english()).toList();
        String form = forms.get(variant % forms.size());
        Supplier<String> text = () -> PaymentTexts.fill(form, d.taxInvoiceNo);
        s.add(Expectation.TAX_INVOICE_NO, List.of(d), d.amount, d.customer, text);
    }

    private void reformatted(int variant) {
        DemoDocument d = s.takeFirst(s::registered);
        if (d == null) {
            return;
        }
        Supplier<String> text = switch (variant) {
            case 0 -> () -> "inv" + d.issueDate.getYear() + d.sequence;
            case 1 -> () -> say(d.customer, "货款", "PAYMENT ") + "inv" + d.issueDate.getYear() + d.sequence;
            default -> () -> say(d.customer, "付款 ", "PAYMENT ") + d.documentNo.replace("-", "");
        };
        s.add(Expectation.REFORMATTED_NUMBER, List.of(d), d.amount, d.customer, text);
    }

    private void accountAndAmount(int variant) {
        DemoDocument d = s.takeFirst(x -> s.registered(x) && s.amountIsUnique(x));
        if (d == null) {
            return;
        }
        String text = variant % 3 == 1 ? "" : PaymentTexts.generic(rng);
        s.add(Expectation.ACCOUNT_AND_AMOUNT, List.of(d), d.amount, d.customer, () -> text);
    }

    private void exactNumber(int variant) {
        DemoDocument d = s.takeFirst(s::registered);
        if (d == null) {
            return;
        }
        Supplier<String> text = variant % 3 == 1 ? () -> d.documentNo
                : () -> PaymentTexts.wrap(d.documentNo, d.customer.english(), rng);
        s.add(Expectation.EXACT_NUMBER, List.of(d), d.amount, d.customer, text);
    }

    private void debitNoteByNumber() {
        for (DemoDocument d : documents) {
            if (d.type == DemoDocument.Type.DEBIT_NOTE && !d.paid && DemoBankStatement.CURRENCY.equals(d.customer.currency)
                    && !d.customer.accounts.isEmpty() && !d.issueDate.isAfter(s.cutoff)) {
                d.paid = true;
                s.add(Expectation.EXACT_NUMBER, List.of(d), d.amount, d.customer, () -> PaymentTexts.wrap(d.documentNo, d.customer.english(), rng));
                return;
            }
        }
    }

    private void noise() {
        PlannedEntry interest = new PlannedEntry(planned.size(), Expectation.BANK_INTEREST, List.of(),
                rng.money(30_000, 280_000), true, null, null, () -> PaymentTexts.INTEREST);
        interest.domain = "ACMT";
        interest.family = "MCOP";
        interest.subFamily = "INTR";
        planned.add(interest);

        Identifiers.Bank bank = Identifiers.Bank.CCB;
        planned.add(new PlannedEntry(planned.size(), Expectation.UNKNOWN_PAYER, List.of(),
                BigDecimal.valueOf(rng.between(50, 600) * 100L), true, "上海瑞丰商贸有限公司",
                new DemoCustomer.Account(bank.account(rng), bank.chineseName + "上海分行", false), () -> PaymentTexts.GENERIC.get(3)));

        BigDecimal transferFee = new BigDecimal(rng.pick("5.50", "10.00", "15.00", "20.00"));
        PlannedEntry fee1 = new PlannedEntry(planned.size(), Expectation.BANK_FEE, List.of(), transferFee, false,
                null, null, () -> PaymentTexts.BANK_CHARGE);
        PlannedEntry fee2 = new PlannedEntry(planned.size() + 1, Expectation.BANK_FEE, List.of(), new BigDecimal("100.00"),
                false, null, null, () -> PaymentTexts.ACCOUNT_FEE);
        for (PlannedEntry fee : List.of(fee1, fee2)) {
            fee.domain = "ACMT";
            fee.family = "MDOP";
            fee.subFamily = "CHRG";
            planned.add(fee);
        }

        List<DemoCustomer> chinese = customers.stream()
                .filter(c -> !c.english() && !c.accounts.isEmpty()).toList();
        DemoCustomer c = rng.pick(chinese);
        planned.add(new PlannedEntry(planned.size(), Expectation.REFUND, List.of(),
                BigDecimal.valueOf(rng.between(8, 30) * 100L), false, c.name, rng.pick(c.accounts),
                () -> PaymentTexts.REFUND));
    }

    /** What the payer writes: in Chinese, or in English when it is a foreign customer. */
    private static String say(DemoCustomer payer, String chinese, String english) {
        return payer.english() ? english : chinese;
    }
}
