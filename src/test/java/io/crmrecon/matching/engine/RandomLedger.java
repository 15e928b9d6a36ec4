package io.crmrecon.matching.engine;

import io.crmrecon.demo.CompanyNames;
import io.crmrecon.demo.PaymentTexts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A random, deliberately adversarial ledger and bank statement: few customers with look-alike names and shared
 * accounts, dense document numbers (so typos hit real numbers), amounts from a small pool (twins, many
 * combinations), credit notes, statements, settled documents, a second currency, and payments in every pattern —
 * by number (reformatted, several, with typos, of settled or foreign items), by amount alone, partial, short,
 * over, from unknown payers and from the wrong customer's account.
 */
record RandomLedger(List<Payer> payers, List<OpenItem> items, List<StatementRef> statements,
        List<SettledDocument> settled, List<IncomingPayment> payments, MatchingPolicy policy) {

    static final LocalDate DAY = LocalDate.of(2026, 10, 1);

    /** Names that differ only by city or legal form, and a payer's shortened name: the engine must not merge them. */
    private static final List<String> NAMES = names();
    private static final String[] AMOUNTS = {"100.00", "250.00", "350.00", "1000.00", "1234.56", "2000.00", "5000.00",
            "9999.99", "12800.00", "0.01"};

    private static List<String> names() {
        String brand = CompanyNames.BRANDS.get(0) + CompanyNames.INDUSTRIES.get(0);
        String other = CompanyNames.BRANDS.get(1) + CompanyNames.INDUSTRIES.get(1);
        String english = CompanyNames.EN_WORDS.get(0) + " " + CompanyNames.EN_INDUSTRIES.get(0);
        return List.of(CompanyNames.CITIES.get(0) + brand + "有限公司", CompanyNames.CITIES.get(2) + brand + "有限公司",
                CompanyNames.CITIES.get(1) + other + "有限公司", english + " Co., Ltd.",
                english.toUpperCase(Locale.ROOT) + " LIMITED", CompanyNames.CITIES.get(3) + other + "有限公司",
                brand + "公司", CompanyNames.EN_WORDS.get(1) + " " + CompanyNames.EN_INDUSTRIES.get(1) + " GmbH");
    }

    static RandomLedger generate(int customers, int itemCount, int paymentCount, long seed) {
        Random r = new Random(seed);
        List<Payer> payers = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        for (int c = 1; c <= customers; c++) {
            List<String> own = new ArrayList<>();
            int n = r.nextInt(3);
            for (int k = 0; k < n; k++) {
                // sometimes an account another customer pays from too
                String a = !accounts.isEmpty() && r.nextInt(6) == 0 ? pick(r, accounts)
                        : "6222" + (100000 + r.nextInt(900000));
                own.add(a);
                accounts.add(a);
            }
            if (r.nextInt(4) != 0) { // some customers only ever pay from unregistered accounts
                payers.add(new Payer(c, "C" + c, pick(r, NAMES), own));
            }
        }
        List<OpenItem> items = new ArrayList<>();
        List<SettledDocument> settled = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (int k = 0; k < itemCount; k++) {
            long id;
            do {
                id = 1 + r.nextInt(10_000);
            } while (!ids.add(id));
            int customer = 1 + r.nextInt(customers);
            int kindRoll = r.nextInt(10);
            OpenItem.ItemKind kind = kindRoll == 0 ? OpenItem.ItemKind.CREDIT_NOTE
                    : kindRoll == 1 ? OpenItem.ItemKind.DEBIT_NOTE : OpenItem.ItemKind.INVOICE;
            String prefix = kind == OpenItem.ItemKind.CREDIT_NOTE ? "CN"
                    : kind == OpenItem.ItemKind.DEBIT_NOTE ? "DN" : "INV";
            String no = String.format("%s-2026-%06d", prefix, 1200 + r.nextInt(40)); // dense, sometimes the same
            String tax = r.nextInt(3) == 0 ? String.format("0441%04d", r.nextInt(50)) : null;
            BigDecimal amount = r.nextInt(4) == 0 ? BigDecimal.valueOf(1 + r.nextInt(1_000_000), 2)
                    : new BigDecimal(AMOUNTS[r.nextInt(AMOUNTS.length)]);
            if (kind == OpenItem.ItemKind.CREDIT_NOTE) {
                amount = amount.negate();
            }
            String currency = r.nextInt(12) == 0 ? "USD" : "CNY";
            LocalDate due = DAY.minusDays(r.nextInt(90));
            OpenItem item = new OpenItem(id, no, tax, customer, kind, currency, amount, due.minusDays(30),
                    r.nextInt(5) == 0 ? null : due);
            if (r.nextInt(10) == 0) {
                settled.add(new SettledDocument(id, no, tax, customer, currency));
            } else {
                items.add(item);
            }
        }
        List<StatementRef> statements = new ArrayList<>();
        for (int s = 0; s < r.nextInt(3); s++) {
            int customer = 1 + r.nextInt(customers);
            List<Long> docs = new ArrayList<>();
            for (OpenItem it : items) {
                if (it.customerId() == customer && r.nextBoolean()) {
                    docs.add(it.documentId());
                }
            }
            statements.add(new StatementRef(String.format("ST-2026-%02d-C%04d", 9 + s, customer), customer, docs));
        }
        List<IncomingPayment> payments = new ArrayList<>();
        Set<Long> txIds = new HashSet<>();
        for (int k = 0; k < paymentCount; k++) {
            long tx;
            do {
                tx = 1 + r.nextInt(100_000);
            } while (!txIds.add(tx));
            payments.add(payment(r, tx, customers, payers, items, statements, settled, payments));
        }
        int[] budgets = {0, 3, 20, 200, 20_000};
        MatchingPolicy policy = new MatchingPolicy(new BigDecimal(pick(r, List.of("0.00", "10.00", "50.00"))),
                new BigDecimal(pick(r, List.of("0", "0.5", "2"))), budgets[r.nextInt(budgets.length)],
                1 + r.nextInt(4));
        return new RandomLedger(payers, items, statements, settled, payments, policy);
    }

    private static IncomingPayment payment(Random r, long tx, int customers, List<Payer> payers,
            List<OpenItem> items, List<StatementRef> statements, List<SettledDocument> settled,
            List<IncomingPayment> earlier) {
        LocalDate day = DAY.plusDays(r.nextInt(3));
        String currency = r.nextInt(10) == 0 ? "USD" : "CNY";
        if (!earlier.isEmpty() && r.nextInt(10) == 0) { // the same payment again
            IncomingPayment p = pick(r, earlier);
            return new IncomingPayment(tx, p.amount(), p.currency(), day, p.counterpartyName(),
                    p.counterpartyAccount(), p.remittanceInfo(), p.structuredReference());
        }
        OpenItem item = items.isEmpty() ? null : pick(r, items);
        int customer = item == null ? 1 + r.nextInt(customers) : (int) item.customerId();
        // who pays: the customer by account or name, another customer, or someone unknown
        String name = null;
        String account = null;
        int who = r.nextInt(6);
        Payer payer = payers.stream().filter(p -> p.customerId() == customer).findFirst().orElse(null);
        if (who <= 2 && payer != null) {
            account = payer.accounts().isEmpty() ? null : pick(r, payer.accounts());
            name = r.nextBoolean() ? payer.name() : pick(r, NAMES);
        } else if (who == 3 && !payers.isEmpty()) {
            Payer other = pick(r, payers);
            account = other.accounts().isEmpty() ? null : pick(r, other.accounts());
            name = other.name();
        } else if (who == 4) {
            name = pick(r, NAMES);
            account = "9" + r.nextInt(1_000_000);
        }
        String text;
        BigDecimal amount;
        int pattern = r.nextInt(12);
        if (item == null || pattern == 11) {
            amount = BigDecimal.valueOf(1 + r.nextInt(2_000_000), 2);
            text = pick(r, List.of(PaymentTexts.INTEREST, "往来款", "", "货款 2026-10-15", "INV-2026-009999"));
        } else {
            BigDecimal open = item.open().abs();
            text = pick(r, List.of("支付%s货款", "%s", "PAYMENT %s", "货款 %s", "付%s款项"))
                    .formatted(format(r, item.documentNo()));
            amount = open;
            switch (pattern) {
                case 0 -> text = "付发票" + (item.taxInvoiceNo() == null ? "04419999" : item.taxInvoiceNo());
                case 1 -> { // two named items
                    OpenItem other = pick(r, items);
                    text = "支付" + item.documentNo() + "," + other.documentNo() + "货款";
                    amount = item.open().add(other.open()).abs();
                }
                case 2 -> amount = open.multiply(BigDecimal.valueOf(30 + r.nextInt(40))).movePointLeft(2)
                        .setScale(2, java.math.RoundingMode.DOWN);
                case 3 -> amount = open.subtract(new BigDecimal(pick(r, List.of("0.01", "5.00", "15.00", "60.00"))));
                case 4 -> amount = open.add(new BigDecimal(pick(r, List.of("0.01", "100.00", "100000.00"))));
                case 5 -> { // no reference: an amount, or two items' sum
                    text = pick(r, List.of("货款", "", "PAYMENT", "服务费"));
                    if (r.nextBoolean()) {
                        amount = item.open().add(pick(r, items).open()).abs();
                    }
                }
                case 6 -> text = "支付" + typo(r, item.documentNo()) + "货款";
                case 7 -> {
                    if (!statements.isEmpty()) {
                        StatementRef s = pick(r, statements);
                        text = "对账单" + s.statementNo();
                        BigDecimal sum = BigDecimal.ZERO;
                        for (OpenItem it : items) {
                            if (s.documentIds().contains(it.documentId()) && it.currency().equals(currency)) {
                                sum = sum.add(it.open());
                            }
                        }
                        amount = sum.abs();
                    }
                }
                case 8 -> {
                    if (!settled.isEmpty()) {
                        SettledDocument s = pick(r, settled);
                        text = "支付" + s.documentNo() + "货款";
                    }
                }
                case 9 -> text = text + " " + pick(r, items).documentNo(); // one more number
                default -> {
                }
            }
            if (amount.signum() <= 0) {
                amount = new BigDecimal("0.01");
            }
        }
        String structured = r.nextInt(8) == 0 && item != null ? item.documentNo().replace("-", "") : null;
        return new IncomingPayment(tx, amount, currency, day, name, account, text, structured);
    }

    private static String format(Random r, String no) {
        return switch (r.nextInt(5)) {
            case 0 -> no.toLowerCase();
            case 1 -> no.replace("-", "");
            case 2 -> no.replace("-", " ");
            case 3 -> no.replace("-", "").replaceFirst("0+(?=[1-9])", "");
            default -> no;
        };
    }

    private static String typo(Random r, String no) {
        char[] a = no.toCharArray();
        int i = no.length() - 1 - r.nextInt(4);
        return switch (r.nextInt(4)) {
            case 0 -> {
                char t = a[i];
                a[i] = a[i - 1];
                a[i - 1] = t;
                yield new String(a);
            }
            case 1 -> no.substring(0, i) + no.substring(i + 1);
            case 2 -> no.substring(0, i) + r.nextInt(10) + no.substring(i);
            default -> {
                a[i] = (char) ('0' + r.nextInt(10));
                yield new String(a);
            }
        };
    }

    static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    RandomLedger shuffled(long seed) {
        Random r = new Random(seed);
        List<Payer> p = new ArrayList<>(payers);
        List<OpenItem> i = new ArrayList<>(items);
        List<StatementRef> s = new ArrayList<>(statements);
        List<SettledDocument> d = new ArrayList<>(settled);
        List<IncomingPayment> m = new ArrayList<>(payments);
        Collections.shuffle(p, r);
        Collections.shuffle(i, r);
        Collections.shuffle(s, r);
        Collections.shuffle(d, r);
        Collections.shuffle(m, r);
        return new RandomLedger(p, i, s, d, m, policy);
    }

    MatchingEngine engine() {
        return MatchingEngine.create(items, payers, statements, policy, settled);
    }
}
