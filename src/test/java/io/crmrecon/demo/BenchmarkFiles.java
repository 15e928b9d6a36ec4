package io.crmrecon.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVPrinter;

/**
 * Large import files for load tests, streamed with constant memory: every row is a pure function of (seed, row
 * number), so nothing is kept between rows and a file can be written twice with the same bytes.
 *
 * <p>The three files fit together when written with the same seed and customer count: documents belong to
 * customers {@code BM000001…}, and the bank statement pays the documents' invoices in order (entry k pays the
 * k-th invoice, mostly by its number, sometimes by its tax invoice number, a reformatted number, partially or
 * without a reference) from the payer's registered account. Benchmark numbers ({@code BM…}, {@code INV-BM-…})
 * never collide with the demo data's.
 */
public final class BenchmarkFiles {

    /** documents are issued in the 365 days up to this date unless another is given */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 10, 31);

    private static final List<CompanyNames.City> CITIES = CompanyNames.CITY_LIST;
    private static final List<String> BRANDS = CompanyNames.BRANDS;
    private static final List<String> TRADES = CompanyNames.INDUSTRIES;
    private static final List<String> EN_WORDS = CompanyNames.EN_WORDS;
    private static final List<String> EN_TRADES = CompanyNames.EN_INDUSTRIES;
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private BenchmarkFiles() {
    }

    // ---------------------------------------------------------------- customers

    /** customers.csv with {@code customers} rows, codes BM000001…; {@code out} is flushed, not closed. */
    public static void writeCustomersCsv(OutputStream out, int customers, long seed) throws IOException {
        CSVPrinter csv = Csv.printer(out, Csv.CUSTOMER_COLUMNS);
        for (int i = 1; i <= customers; i++) {
            Rng rng = Rng.of(seed, 6, i);
            boolean english = english(i);
            String segment = rng.percent(5) ? "key-account" : rng.percent(35) ? "A" : "B";
            String account = account(seed, i);
            CompanyNames.City city = city(seed, i);
            csv.printRecord(customerCode(i), customerName(seed, i),
                    "bm" + i + (english ? "@example.com" : "@example.cn"), "", english ? "en" : "zh-CN", "CNY",
                    terms(seed, i), segment, rng.percent(30) ? 10 : 15, rng.percent(30), rng.percent(5),
                    rng.percent(80) ? "clerk" : "manager", BigDecimal.valueOf(rng.between(4, 60) * 50_000L).setScale(2),
                    english ? "" : Identifiers.creditCode(rng, city.region()),
                    english ? "" : Identifiers.landline(rng, city.areaCode()),
                    english ? "" : city.name() + "市" + rng.pick(BRANDS) + "路" + rng.between(1, 999) + "号",
                    english ? "Contact " + i : rng.pick(CompanyNames.PERSONS),
                    account == null ? "" : account);
        }
        csv.flush();
    }

    /** The customer code of the i-th benchmark customer (1-based). */
    public static String customerCode(int i) {
        return String.format("BM%06d", i);
    }

    private static boolean english(int i) {
        return i % 20 == 7;
    }

    private static int nameIndex(long seed, int i) {
        return i - 1 + (int) Math.floorMod(seed, 997L);
    }

    /**
     * Spreads consecutive customers over the name parts: a bijection of {@code [0, n)} (multiplying by a prime
     * that does not divide n), so that names stay unique within each round of n.
     */
    private static int scramble(int k, int n) {
        return (int) ((k % n) * 7919L % n) + (k / n) * n;
    }

    private static CompanyNames.City city(long seed, int i) {
        int n = CITIES.size() * BRANDS.size() * TRADES.size();
        return CITIES.get(scramble(nameIndex(seed, i), n) % CITIES.size());
    }

    static String customerName(long seed, int i) {
        int k = nameIndex(seed, i);
        if (english(i)) {
            int w = EN_WORDS.size();
            int t = EN_TRADES.size();
            k = scramble(k, w * t);
            String name = EN_WORDS.get(k % w) + " " + EN_TRADES.get((k / w) % t) + " Co., Ltd.";
            int round = k / (w * t);
            return round == 0 ? name : name.replace(" Co., Ltd.", " " + (round + 1) + " Co., Ltd.");
        }
        int c = CITIES.size();
        int b = BRANDS.size();
        int t = TRADES.size();
        k = scramble(k, c * b * t);
        String name = CITIES.get(k % c).inCompanyName() + BRANDS.get((k / c) % b) + TRADES.get((k / (c * b)) % t) + "有限公司";
        int round = k / (c * b * t);
        return round == 0 ? name : name.replace("有限公司", "有限公司第" + (round + 1) + "分公司");
    }

    /** The account the customer pays from; every 25th customer has none registered. */
    static String account(long seed, int i) {
        if (i % 25 == 0) {
            return null;
        }
        Rng rng = Rng.of(seed, 8, i);
        return rng.pick(Identifiers.Bank.values()).account(rng);
    }

    private static int terms(long seed, int i) {
        return List.of(30, 45, 60).get(Rng.of(seed, 9, i).nextInt(3));
    }

    // ---------------------------------------------------------------- documents

    /** documents.csv with {@code documents} rows over customers 1…{@code customers}, issued up to {@link #DEFAULT_AS_OF}. */
    public static void writeDocumentsCsv(OutputStream out, int documents, int customers, long seed) throws IOException {
        writeDocumentsCsv(out, documents, customers, seed, DEFAULT_AS_OF);
    }

    /**
     * documents.csv with {@code documents} rows over customers 1…{@code customers}, issued in the 365 days up to
     * {@code asOf}: mostly invoices, every 40th row a credit note for the invoice before it, every 40th (offset 20)
     * a debit note, every 50th (offset 25) a bill. {@code out} is flushed, not closed.
     */
    public static void writeDocumentsCsv(OutputStream out, int documents, int customers, long seed, LocalDate asOf)
            throws IOException {
        writeDocumentsCsv(out, documents, customers, seed, asOf, 1);
    }

    /**
     * As {@link #writeDocumentsCsv(OutputStream, int, int, long, LocalDate)}, from the {@code first}-th document
     * on: a second file that continues a first one (its numbers follow the first file's).
     */
    public static void writeDocumentsCsv(OutputStream out, int documents, int customers, long seed, LocalDate asOf,
            int first) throws IOException {
        if (customers < 1) {
            throw new IllegalArgumentException("at least one customer");
        }
        CSVPrinter csv = Csv.printer(out, Csv.DOCUMENT_COLUMNS);
        for (int i = first; i < first + documents; i++) {
            Doc d = document(seed, i, customers, asOf);
            csv.printRecord(d.number, customerCode(d.customer), d.type, d.issueDate, Csv.cell(d.dueDate), "CNY",
                    d.amount.toPlainString(), Csv.cell(d.reference), Csv.cell(d.taxInvoiceNo), d.description);
        }
        csv.flush();
    }

    /**
     * documents.csv for a statement run: {@code perCustomer} documents for each of customers 1…{@code customers},
     * all issued in {@code period} (spread over its days), of the same kinds and amounts as
     * {@link #writeDocumentsCsv(OutputStream, int, int, long, LocalDate)} writes; a credit or debit note corrects the
     * customer's document before it. {@code out} is flushed, not closed.
     */
    public static void writePeriodDocumentsCsv(OutputStream out, int customers, int perCustomer,
            java.time.YearMonth period, long seed) throws IOException {
        CSVPrinter csv = Csv.printer(out, Csv.DOCUMENT_COLUMNS);
        for (int c = 1; c <= customers; c++) {
            for (int k = 0; k < perCustomer; k++) {
                int i = (c - 1) * perCustomer + k + 1;
                LocalDate day = period.atDay(1 + k * (period.lengthOfMonth() - 1) / Math.max(1, perCustomer - 1));
                Doc d = document(seed, i, 1, day);
                if (k == 0 && (d.type.equals("CREDIT_NOTE") || d.type.equals("DEBIT_NOTE"))) {
                    d = document(seed, i - 1, 1, day);
                    d = new Doc(i, String.format("INV-BM-%08d", i), d.type, d.customer, d.issueDate, d.dueDate,
                            d.amount, d.reference, d.taxInvoiceNo, d.description);
                }
                csv.printRecord(d.number, customerCode(c), d.type, day, d.dueDate == null ? "" : day.plusDays(30), "CNY",
                        d.amount.toPlainString(), Csv.cell(d.reference), Csv.cell(d.taxInvoiceNo), d.description);
            }
        }
        csv.flush();
    }

    private record Doc(int index, String number, String type, int customer, LocalDate issueDate, LocalDate dueDate,
                       BigDecimal amount, String reference, String taxInvoiceNo, String description) {
    }

    private static String type(int i) {
        if (i % 40 == 0) {
            return "CREDIT_NOTE";
        }
        if (i % 40 == 20) {
            return "DEBIT_NOTE";
        }
        if (i % 50 == 25) {
            return "BILL";
        }
        return "INVOICE";
    }

    /** The document number of the i-th benchmark document (1-based). */
    public static String documentNo(int i) {
        String prefix = switch (type(i)) {
            case "CREDIT_NOTE" -> "CN";
            case "DEBIT_NOTE" -> "DN";
            case "BILL" -> "BILL";
            default -> "INV";
        };
        return String.format("%s-BM-%08d", prefix, i);
    }

    /** The i-th document; a credit or debit note corrects document i - 1, which is always an invoice. */
    private static Doc document(long seed, int i, int customers, LocalDate asOf) {
        String type = type(i);
        Rng rng = Rng.of(seed, 10, i);
        if (type.equals("CREDIT_NOTE") || type.equals("DEBIT_NOTE")) {
            Doc invoice = document(seed, i - 1, customers, asOf);
            LocalDate date = invoice.issueDate.plusDays(rng.between(2, 20));
            if (date.isAfter(asOf)) {
                date = asOf;
            }
            BigDecimal amount;
            String description;
            if (type.equals("CREDIT_NOTE")) {
                int percent = rng.between(3, 15);
                amount = invoice.amount.multiply(BigDecimal.valueOf(percent)).movePointLeft(2)
                        .setScale(2, RoundingMode.HALF_UP);
                description = DemoDocuments.discount(percent);
            } else {
                amount = rng.money(20_000, 600_000);
                description = rng.pick(DemoDocuments.DEBIT_REASONS);
            }
            return new Doc(i, documentNo(i), type, invoice.customer, date, null, amount, invoice.number,
                    type.equals("DEBIT_NOTE") ? taxInvoiceNo(i) : null, description);
        }
        int customer = 1 + rng.nextInt(customers);
        LocalDate issueDate = asOf.minusDays(rng.nextInt(365));
        LocalDate dueDate = rng.percent(50) ? issueDate.plusDays(terms(seed, customer)) : null;
        String month = issueDate.getMonthValue() + "月";
        if (type.equals("BILL")) {
            int qty = rng.between(2, 40) * 25;
            BigDecimal price = BigDecimal.valueOf(rng.between(600, 48_000), 2);
            return new Doc(i, documentNo(i), type, customer, issueDate, dueDate,
                    price.multiply(BigDecimal.valueOf(qty)).setScale(2, RoundingMode.UNNECESSARY),
                    String.format("PO-BM-%08d", i), rng.between(1, 3) + rng.digits(7), "采购 - 配件 x" + qty);
        }
        DemoDocuments.ProductLine line = DemoDocuments.productLine(rng, rng.percent(10));
        return new Doc(i, documentNo(i), type, customer, issueDate, dueDate, line.amount(),
                String.format("SO-BM-%08d", i), rng.percent(90) ? taxInvoiceNo(i) : null,
                month + "货款 - " + line.product() + " x" + line.quantity());
    }

    private static String taxInvoiceNo(int i) {
        return String.format("%08d", 10_000_000 + i % 90_000_000);
    }

    // ---------------------------------------------------------------- bank statement

    /**
     * A camt.053.001.02 of the company's CNY account with {@code entries} entries booked on {@code bookingDate},
     * each with its own AcctSvcrRef; paying the invoices of a documents file of the same seed written for
     * {@code max(1, entries / 10)} customers (use the overload with the customer count to match another).
     * {@code out} is flushed, not closed.
     */
    public static void writeCamt053(OutputStream out, int entries, long seed, LocalDate bookingDate)
            throws IOException {
        writeCamt053(out, entries, seed, bookingDate, Math.max(1, entries / 10));
    }

    /**
     * As {@link #writeCamt053(OutputStream, int, long, LocalDate)}, for a documents file written for
     * {@code customers} customers: entry k pays that file's k-th invoice, from the payer's registered account
     * where it has one. Every 100th entry is a bank charge (a debit) instead.
     */
    public static void writeCamt053(OutputStream out, int entries, long seed, LocalDate bookingDate, int customers)
            throws IOException {
        writeCamt053(out, entries, seed, bookingDate, customers, 1);
    }

    /**
     * As {@link #writeCamt053(OutputStream, int, long, LocalDate, int)}, paying the invoices from the
     * {@code firstDocument}-th document on (a documents file written from there). Entries' references carry the
     * booking date: files of other days never share one.
     */
    public static void writeCamt053(OutputStream out, int entries, long seed, LocalDate bookingDate, int customers,
            int firstDocument) throws IOException {
        if (customers < 1) {
            throw new IllegalArgumentException("at least one customer");
        }
        // the header states the totals: a first pass over the same entries computes them
        Camt053.Totals totals = new Camt053.Totals();
        for (Iterator<Camt053.Entry> it = new Entries(entries, seed, bookingDate, customers, firstDocument);
                it.hasNext(); ) {
            totals.add(it.next());
        }
        Rng rng = Rng.of(seed, 11);
        BigDecimal opening = rng.money(100_000_000, 900_000_000);
        String day = bookingDate.format(BASIC);
        Camt053.Header header = new Camt053.Header("BM053" + day + "0001", bookingDate,
                DemoBankStatement.COMPANY_ACCOUNT + "-BM-" + day, bookingDate.getDayOfYear(), bookingDate,
                bookingDate, DemoBankStatement.COMPANY_ACCOUNT, DemoBankStatement.CURRENCY,
                DemoBankStatement.COMPANY_NAME, DemoBankStatement.BANK_BIC, DemoBankStatement.BANK_NAME, opening,
                opening.add(totals.net()), totals.credits, totals.creditSum, totals.debits, totals.debitSum);
        Camt053.write(out, header, new Entries(entries, seed, bookingDate, customers, firstDocument));
    }

    /**
     * The document after the last invoice that a bank statement of {@code entries} entries paying from the
     * {@code firstDocument}-th document on pays: where the next day's statement starts.
     */
    public static int documentAfterPaid(int entries, int firstDocument) {
        int document = firstDocument - 1;
        for (int entry = 1; entry <= entries; entry++) {
            if (!isBankCharge(entry)) {
                document = invoiceAfter(document);
            }
        }
        return document + 1;
    }

    /** Every 100th entry of a statement is a bank charge; the others pay the next invoice. */
    private static boolean isBankCharge(int entry) {
        return entry % 100 == 0;
    }

    private static int invoiceAfter(int document) {
        do {
            document++;
        } while (!type(document).equals("INVOICE"));
        return document;
    }

    /** The entries, one at a time. */
    private static final class Entries implements Iterator<Camt053.Entry> {
        private final int entries;
        private final long seed;
        private final LocalDate bookingDate;
        private final int customers;
        private int entry;
        private int document;

        Entries(int entries, long seed, LocalDate bookingDate, int customers, int firstDocument) {
            this.entries = entries;
            this.seed = seed;
            this.bookingDate = bookingDate;
            this.customers = customers;
            this.document = firstDocument - 1;
        }

        @Override
        public boolean hasNext() {
            return entry < entries;
        }

        @Override
        public Camt053.Entry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            entry++;
            Rng rng = Rng.of(seed, 12, entry);
            String ref = "BM" + bookingDate.format(BASIC) + String.format("%09d", entry);
            if (isBankCharge(entry)) {
                return new Camt053.Entry(Integer.toString(entry), rng.money(500, 5_000), false, bookingDate,
                        bookingDate, ref, "ACMT", "MDOP", "CHRG", null, null, false, null, PaymentTexts.BANK_CHARGE);
            }
            document = invoiceAfter(document);
            // an invoice's customer and amount do not depend on the date the documents were written for
            Doc d = document(seed, document, customers, DEFAULT_AS_OF);
            BigDecimal amount = d.amount;
            String text;
            int roll = rng.nextInt(100);
            if (roll < 55) {
                text = rng.percent(40) ? d.number : PaymentTexts.wrap(d.number, english(d.customer), rng);
            } else if (roll < 70 && d.taxInvoiceNo != null) {
                text = PaymentTexts.fill(rng.pick(PaymentTexts.TAX_INVOICE), d.taxInvoiceNo);
            } else if (roll < 80) {
                text = "invbm" + d.index;
            } else if (roll < 85) {
                amount = amount.multiply(BigDecimal.valueOf(rng.between(30, 70))).movePointLeft(2)
                        .setScale(0, RoundingMode.DOWN).setScale(2);
                text = d.number + " " + PaymentTexts.PARTIAL_NOTES.get(0);
            } else if (roll < 89 && amount.compareTo(new BigDecimal("100")) > 0) {
                amount = amount.subtract(new BigDecimal("15.00"));
                text = "支付" + d.number + "货款";
            } else {
                text = PaymentTexts.generic(rng);
            }
            String account = account(seed, d.customer);
            if (account == null) {
                account = Identifiers.Bank.ICBC.account(rng); // a payer with no registered account
            }
            return new Camt053.Entry(Integer.toString(entry), amount, true, bookingDate, bookingDate, ref, "PMNT",
                    "RCDT", "DMCT", customerName(seed, d.customer), account, false, null, text);
        }
    }
}
