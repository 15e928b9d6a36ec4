package io.crmrecon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DemoDataTest {

    static final List<String> CUSTOMER_HEADERS = List.of(
            "customer_code", "name", "email", "cc_emails", "language", "currency", "payment_terms_days", "segment",
            "confirmation_days", "deemed_confirmed", "netting_allowed", "account_manager", "credit_limit", "tax_id",
            "phone", "address", "contact_name", "bank_accounts");
    static final List<String> DOCUMENT_HEADERS = List.of(
            "document_no", "customer_code", "type", "issue_date", "due_date", "currency", "amount", "reference",
            "tax_invoice_no", "description");
    static final String CAMT_053_001_02 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";

    private static final Pattern MONEY = Pattern.compile("\\d+\\.\\d{2}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(42L, LocalDate.of(2026, 11, 27)),
                Arguments.of(7L, LocalDate.of(2027, 1, 1)),     // the window crosses a year end
                Arguments.of(2026L, LocalDate.of(2026, 3, 31)), // a full current month
                Arguments.of(-5L, LocalDate.of(2026, 2, 1)));   // the current month has begun today
    }

    /** Everything a test needs, parsed from the generated files. */
    record Parsed(DemoData data, LocalDate today, List<CSVRecord> customers, List<CSVRecord> documents,
                  CamtTestReader.Statement camt, Map<String, CSVRecord> customerByCode,
                  Map<String, CSVRecord> documentByNo) {
    }

    static Parsed parse(long seed, LocalDate today) throws Exception {
        DemoData data = DemoData.generate(seed, today);
        List<CSVRecord> customers = csv(data.customersCsv(), CUSTOMER_HEADERS);
        List<CSVRecord> documents = csv(data.documentsCsv(), DOCUMENT_HEADERS);
        CamtTestReader.Statement camt = CamtTestReader.read(new ByteArrayInputStream(data.bankStatementCamt053()));
        Map<String, CSVRecord> byCode = new LinkedHashMap<>();
        customers.forEach(c -> byCode.put(c.get("customer_code"), c));
        Map<String, CSVRecord> byNo = new LinkedHashMap<>();
        documents.forEach(d -> byNo.put(d.get("document_no"), d));
        return new Parsed(data, today, customers, documents, camt, byCode, byNo);
    }

    static List<CSVRecord> csv(byte[] bytes, List<String> expectedHeaders) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).doesNotStartWith("\uFEFF");
        try (CSVParser parser = CSVParser.parse(new StringReader(text),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(expectedHeaders);
            List<CSVRecord> records = parser.getRecords();
            records.forEach(r -> assertThat(r.isConsistent()).as("row %d", r.getRecordNumber()).isTrue());
            return records;
        }
    }

    @Test
    void sameSeedAndDateGiveTheSameBytes() {
        LocalDate today = LocalDate.of(2026, 11, 27);
        DemoData a = DemoData.generate(42, today);
        DemoData b = DemoData.generate(42, today);
        assertThat(b.customersCsv()).isEqualTo(a.customersCsv());
        assertThat(b.documentsCsv()).isEqualTo(a.documentsCsv());
        assertThat(b.bankStatementCamt053()).isEqualTo(a.bankStatementCamt053());
        assertThat(b.bankStatementFileName()).isEqualTo("demo-bank-2026-11.xml");
        assertThat(b.expectations()).isEqualTo(a.expectations());

        DemoData other = DemoData.generate(43, today);
        assertThat(other.documentsCsv()).isNotEqualTo(a.documentsCsv());
        assertThat(other.bankStatementCamt053()).isNotEqualTo(a.bankStatementCamt053());
        DemoData later = DemoData.generate(42, today.plusDays(1));
        assertThat(later.bankStatementCamt053()).isNotEqualTo(a.bankStatementCamt053());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void customersAreRealisticAndComplete(long seed, LocalDate today) throws Exception {
        Parsed p = parse(seed, today);
        List<CSVRecord> customers = p.customers();
        assertThat(customers).hasSizeGreaterThanOrEqualTo(24);
        assertThat(p.customerByCode()).hasSameSizeAs(customers);
        assertThat(customers).allSatisfy(c -> {
            assertThat(c.get("customer_code")).matches("C\\d{4}");
            assertThat(c.get("email")).matches("[a-z.]+@example\\.(com|cn)");
            if (!c.get("cc_emails").isEmpty()) {
                assertThat(c.get("cc_emails").split(";")).allMatch(e -> e.matches("[a-z.]+@example\\.(com|cn)"));
            }
            assertThat(c.get("language")).isIn("zh-CN", "en");
            assertThat(c.get("payment_terms_days")).isIn("30", "45", "60");
            assertThat(c.get("segment")).isIn("A", "B", "key-account");
            assertThat(c.get("confirmation_days")).isIn("10", "15");
            assertThat(c.get("deemed_confirmed")).isIn("true", "false");
            assertThat(c.get("netting_allowed")).isIn("true", "false");
            assertThat(c.get("account_manager")).isIn("clerk", "manager");
            assertThat(c.get("credit_limit")).matches(MONEY);
            assertThat(c.get("phone")).isNotEmpty();
            assertThat(c.get("address")).isNotEmpty();
            assertThat(c.get("contact_name")).isNotEmpty();
            if (HAN.matcher(c.get("name")).find()) {
                assertThat(c.get("language")).isEqualTo("zh-CN");
                assertThat(CreditCodes.isValid(c.get("tax_id"))).as(c.get("tax_id")).isTrue();
                assertThat(c.get("bank_accounts").split(";")).hasSizeBetween(1, 2)
                        .allMatch(a -> a.matches("\\d{12,21}"));
            } else {
                assertThat(c.get("language")).isEqualTo("en");
            }
        });
        long chinese = customers.stream().filter(c -> HAN.matcher(c.get("name")).find()).count();
        long english = customers.stream().filter(c -> c.get("language").equals("en")).count();
        assertThat(chinese).isGreaterThanOrEqualTo(18);
        assertThat(english).isGreaterThanOrEqualTo(2);
        assertThat(customers).filteredOn(c -> !c.get("currency").equals("CNY")).hasSizeLessThanOrEqualTo(1);
        assertThat(customers).filteredOn(c -> c.get("bank_accounts").isEmpty()).isNotEmpty();
        assertThat(customers).filteredOn(c -> c.get("bank_accounts").contains(";")).isNotEmpty();
        assertThat(customers).filteredOn(c -> !c.get("cc_emails").isEmpty()).isNotEmpty();
        assertThat(customers).filteredOn(c -> c.get("deemed_confirmed").equals("true")).isNotEmpty();
        assertThat(customers).extracting(c -> c.get("segment")).contains("A", "B", "key-account");
        assertThat(customers).extracting(c -> c.get("account_manager")).contains("clerk", "manager");

        // no account belongs to two customers
        List<String> accounts = customers.stream().flatMap(c -> accounts(c).stream()).toList();
        assertThat(accounts).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void documentsAreRealisticAndConsistent(long seed, LocalDate today) throws Exception {
        Parsed p = parse(seed, today);
        List<CSVRecord> docs = p.documents();
        assertThat(docs).hasSizeBetween(300, 500);
        assertThat(p.documentByNo()).hasSameSizeAs(docs);

        LocalDate first = YearMonth.from(today).minusMonths(3).atDay(1);
        Set<YearMonth> months = new HashSet<>();
        Map<String, Set<String>> typesByCustomer = new HashMap<>();
        for (CSVRecord d : docs) {
            CSVRecord customer = p.customerByCode().get(d.get("customer_code"));
            assertThat(customer).as("customer of %s", d.get("document_no")).isNotNull();
            String type = d.get("type");
            assertThat(type).isIn("INVOICE", "DEBIT_NOTE", "CREDIT_NOTE", "BILL");
            LocalDate issue = LocalDate.parse(d.get("issue_date"));
            assertThat(issue).isBetween(first, today);
            months.add(YearMonth.from(issue));
            String prefix = Map.of("INVOICE", "INV", "DEBIT_NOTE", "DN", "CREDIT_NOTE", "CN", "BILL", "BILL").get(type);
            assertThat(d.get("document_no")).isEqualTo(prefix + "-" + issue.getYear() + "-"
                    + d.get("document_no").substring(prefix.length() + 6)).matches(prefix + "-\\d{4}-\\d{6}");
            if (!d.get("due_date").isEmpty()) {
                assertThat(LocalDate.parse(d.get("due_date"))).isAfterOrEqualTo(issue);
            }
            assertThat(d.get("currency")).isEqualTo(customer.get("currency"));
            assertThat(d.get("amount")).matches(MONEY);
            assertThat(new BigDecimal(d.get("amount"))).isPositive();
            assertThat(d.get("description")).isNotEmpty();
            if (type.equals("INVOICE") && d.get("currency").equals("CNY")) {
                assertThat(new BigDecimal(d.get("amount")))
                        .isBetween(new BigDecimal("1280.00"), new BigDecimal("380000.00"));
                assertThat(d.get("reference")).matches("(SO-\\d{4}-\\d{4})|(HT-\\d{4}-FW)");
            }
            if (!d.get("tax_invoice_no").isEmpty()) {
                assertThat(d.get("tax_invoice_no")).matches("\\d{8}");
            }
            if (type.equals("CREDIT_NOTE")) {
                CSVRecord invoice = p.documentByNo().get(d.get("reference"));
                assertThat(invoice).as("invoice corrected by %s", d.get("document_no")).isNotNull();
                assertThat(invoice.get("type")).isEqualTo("INVOICE");
                assertThat(invoice.get("customer_code")).isEqualTo(d.get("customer_code"));
                assertThat(new BigDecimal(d.get("amount"))).isLessThan(new BigDecimal(invoice.get("amount")));
                assertThat(issue).isAfterOrEqualTo(LocalDate.parse(invoice.get("issue_date")));
            }
            if (type.equals("BILL")) {
                assertThat(customer.get("netting_allowed")).isEqualTo("true");
            }
            typesByCustomer.computeIfAbsent(d.get("customer_code"), k -> new HashSet<>()).add(type);
        }
        assertThat(months).hasSizeGreaterThanOrEqualTo(today.getDayOfMonth() > 1 ? 4 : 3);
        Map<String, Long> byType = docs.stream().collect(Collectors.groupingBy(d -> d.get("type"), Collectors.counting()));
        assertThat(byType.get("INVOICE")).isGreaterThan(250);
        assertThat(byType).containsKeys("DEBIT_NOTE", "CREDIT_NOTE", "BILL");
        assertThat(typesByCustomer.values().stream().filter(t -> t.contains("BILL") && t.contains("INVOICE")))
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(docs).filteredOn(d -> d.get("due_date").isEmpty()).hasSizeGreaterThan(50);
        assertThat(docs).filteredOn(d -> !d.get("due_date").isEmpty()).hasSizeGreaterThan(50);
        List<CSVRecord> invoices = docs.stream().filter(d -> d.get("type").equals("INVOICE")).toList();
        assertThat(invoices).filteredOn(d -> !d.get("tax_invoice_no").isEmpty()).hasSizeGreaterThan(invoices.size() * 8 / 10);
        assertThat(invoices).filteredOn(d -> d.get("currency").equals("USD")).isNotEmpty();
        // the same monthly amount, again and again: twins
        Map<String, Long> twins = invoices.stream().collect(Collectors.groupingBy(
                d -> d.get("customer_code") + " " + d.get("amount"), Collectors.counting()));
        assertThat(twins.values().stream().filter(n -> n >= 3)).hasSizeGreaterThanOrEqualTo(2);
        // tax invoice numbers are unique
        List<String> taxNos = docs.stream().filter(d -> !d.get("type").equals("BILL"))
                .map(d -> d.get("tax_invoice_no")).filter(t -> !t.isEmpty()).toList();
        assertThat(taxNos).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void bankStatementIsAWellFormedCnyCamt053(long seed, LocalDate today) throws Exception {
        Parsed p = parse(seed, today);
        CamtTestReader.Statement s = p.camt();
        assertThat(s.rootNamespace()).isEqualTo(CAMT_053_001_02);
        assertThat(s.account()).isEqualTo(DemoData.COMPANY_ACCOUNT);
        assertThat(s.currency()).isEqualTo("CNY");
        assertThat(p.data().bankStatementFileName()).isEqualTo("demo-bank-" + YearMonth.from(today) + ".xml");

        List<CamtTestReader.Entry> entries = s.entries();
        long credits = entries.stream().filter(CamtTestReader.Entry::credit).count();
        assertThat(credits).isBetween(40L, 60L);
        assertThat(entries).filteredOn(e -> !e.credit()).hasSizeBetween(2, 6);
        assertThat(entries).extracting(CamtTestReader.Entry::ref).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.currency()).isEqualTo("CNY");
            assertThat(e.amount()).isPositive();
            assertThat(e.amount().scale()).isEqualTo(2);
            assertThat(e.bookingDate()).isBetween(today.minusDays(21), today);
            if (e.remittance() != null) {
                assertThat(e.remittance().length()).isBetween(1, 140);
            }
        });
        assertThat(entries).extracting(CamtTestReader.Entry::bookingDate).isSorted();
        assertThat(entries).filteredOn(e -> e.remittance() == null).isNotEmpty();

        BigDecimal in = entries.stream().filter(CamtTestReader.Entry::credit).map(CamtTestReader.Entry::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal out = entries.stream().filter(e -> !e.credit()).map(CamtTestReader.Entry::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(s.summaryCount()).isEqualTo(entries.size());
        assertThat(s.summaryCredits()).isEqualByComparingTo(in);
        assertThat(s.summaryDebits()).isEqualByComparingTo(out);
        assertThat(s.balances().get("CLBD")).isEqualByComparingTo(s.balances().get("OPBD").add(in).subtract(out));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void theBankStatementPaysWhatTheExpectationsSay(long seed, LocalDate today) throws Exception {
        Parsed p = parse(seed, today);
        List<Expectation> expectations = p.data().expectations();
        List<CamtTestReader.Entry> entries = p.camt().entries();
        assertThat(expectations).extracting(Expectation::bankReference)
                .containsExactlyElementsOf(entries.stream().map(CamtTestReader.Entry::ref).toList());
        assertThat(expectations).extracting(Expectation::pattern).contains(
                Expectation.EXACT_NUMBER, Expectation.REFORMATTED_NUMBER, Expectation.TAX_INVOICE_NO,
                Expectation.MULTIPLE_INVOICES, Expectation.COMBINED_NO_REFERENCE, Expectation.PARTIAL,
                Expectation.SHORT_BY_BANK_CHARGE, Expectation.OVERPAYMENT, Expectation.NET_OF_CREDIT_NOTE,
                Expectation.PAYER_NAME_VARIANT, Expectation.TYPO_REFERENCE, Expectation.AMBIGUOUS_TWIN,
                Expectation.ACCOUNT_AND_AMOUNT, Expectation.BANK_INTEREST, Expectation.UNKNOWN_PAYER,
                Expectation.BANK_FEE, Expectation.REFUND);

        Map<String, String> ownerOfAccount = new HashMap<>();
        p.customers().forEach(c -> accounts(c).forEach(a -> ownerOfAccount.put(a, c.get("customer_code"))));
        Set<String> paid = new HashSet<>();
        for (int i = 0; i < expectations.size(); i++) {
            Expectation x = expectations.get(i);
            CamtTestReader.Entry e = entries.get(i);
            String text = e.remittance() == null ? "" : e.remittance();
            List<CSVRecord> docs = new ArrayList<>();
            for (String no : x.documentNos()) {
                CSVRecord d = p.documentByNo().get(no);
                assertThat(d).as("%s pays %s", x.bankReference(), no).isNotNull();
                assertThat(LocalDate.parse(d.get("issue_date"))).as("%s issued before it is paid", no)
                        .isBefore(e.bookingDate());
                assertThat(d.get("currency")).isEqualTo("CNY");
                assertThat(paid.add(no)).as("%s paid once", no).isTrue();
                docs.add(d);
            }
            BigDecimal sum = docs.stream().filter(d -> !d.get("type").equals("CREDIT_NOTE"))
                    .map(d -> new BigDecimal(d.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
            Set<String> payers = docs.stream().map(d -> d.get("customer_code")).collect(Collectors.toSet());
            String payer = payers.size() == 1 ? payers.iterator().next() : null;
            boolean payment = !docs.isEmpty();
            assertThat(e.credit()).isEqualTo(!List.of(Expectation.BANK_FEE, Expectation.REFUND).contains(x.pattern()));
            if (payment) {
                assertThat(payers).as("one payer per entry").hasSize(1);
                assertThat(docs).allMatch(d -> !d.get("type").equals("BILL"));
                if (!x.pattern().equals(Expectation.PAYER_NAME_VARIANT)) {
                    assertThat(e.partyName()).isEqualTo(p.customerByCode().get(payer).get("name"));
                }
            }
            CSVRecord first = docs.isEmpty() ? null : docs.get(0);
            switch (x.pattern()) {
                case Expectation.EXACT_NUMBER -> {
                    assertThat(docs).hasSize(1);
                    assertThat(e.amount()).isEqualByComparingTo(sum);
                    assertThat(text).contains(first.get("document_no"));
                    assertThat(ownerOfAccount.get(e.partyAccount())).isEqualTo(payer);
                }
                case Expectation.REFORMATTED_NUMBER -> {
                    assertThat(e.amount()).isEqualByComparingTo(sum);
                    assertThat(text).doesNotContain(first.get("document_no"));
                    String no = first.get("document_no");
                    String year = no.substring(4, 8);
                    String seq = String.valueOf(Integer.parseInt(no.substring(9)));
                    assertThat(text.toLowerCase()).containsPattern("inv-?" + year + "-?0*" + seq + "(\\D|$)");
                }
                case Expectation.TAX_INVOICE_NO -> {
                    assertThat(e.amount()).isEqualByComparingTo(sum);
                    assertThat(first.get("tax_invoice_no")).isNotEmpty();
                    assertThat(text).contains(first.get("tax_invoice_no")).doesNotContain(first.get("document_no"));
                }
                case Expectation.MULTIPLE_INVOICES -> {
                    assertThat(docs).hasSizeBetween(2, 3);
                    assertThat(e.amount()).isEqualByComparingTo(sum);
                    assertThat(docs).allSatisfy(d -> assertThat(
                            text.contains(d.get("document_no")) || text.contains(d.get("tax_invoice_no"))).isTrue());
                }
                case Expectation.COMBINED_NO_REFERENCE -> {
                    assertThat(docs).hasSize(2);
                    assertThat(e.amount()).isEqualByComparingTo(sum);
                    assertThat(text).doesNotContainPattern("\\d{4}");
                    assertThat(ownerOfAccount.get(e.partyAccount())).isEqualTo(payer);
                    assertNoOtherWayToMake(p, payer, e.amount(), docs);
                }
                case Expectation.PARTIAL -> {
                    assertThat(e.amount()).isLessThan(sum).isPositive();
                    assertThat(text).contains(first.get("document_no"));
                }
                case Expectation.SHORT_BY_BANK_CHARGE -> {
                    assertThat(sum.subtract(e.amount())).isIn(new BigDecimal("15.00"), new BigDecimal("25.00"));
                    assertThat(text).contains(first.get("document_no"));
                }
                case Expectation.OVERPAYMENT -> {
                    assertThat(e.amount()).isGreaterThan(sum);
                    assertThat(text).contains(first.get("document_no"));
                }
                case Expectation.NET_OF_CREDIT_NOTE -> {
                    assertThat(docs).extracting(d -> d.get("type")).containsExactly("INVOICE", "CREDIT_NOTE");
                    assertThat(docs.get(1).get("reference")).isEqualTo(first.get("document_no"));
                    assertThat(e.amount()).isEqualByComparingTo(
                            sum.subtract(new BigDecimal(docs.get(1).get("amount"))));
                    assertThat(text).contains(first.get("document_no"));
                }
                case Expectation.PAYER_NAME_VARIANT -> {
                    assertThat(e.amount()).isEqualByComparingTo(sum);
                    assertThat(e.partyName()).isNotEqualTo(p.customerByCode().get(payer).get("name"));
                    assertThat(ownerOfAccount).doesNotContainKey(e.partyAccount());
                    assertThat(text).doesNotContainPattern("\\d{4}");
                    assertNoOtherWayToMake(p, payer, e.amount(), docs);
                }
                case Expectation.TYPO_REFERENCE -> {
                    assertThat(e.amount()).isEqualByComparingTo(sum);
                    String no = first.get("document_no");
                    assertThat(text).doesNotContain(no);
                    String typo = text.replaceAll(".*?([A-Z]+-\\d{4}-\\d{6}).*", "$1");
                    assertThat(typo).hasSameSizeAs(no).isNotEqualTo(no);
                    assertThat(sorted(typo)).isEqualTo(sorted(no));
                    CSVRecord other = p.documentByNo().get(typo);
                    if (other != null) {
                        assertThat(new BigDecimal(other.get("amount"))).isNotEqualByComparingTo(e.amount());
                    }
                }
                case Expectation.AMBIGUOUS_TWIN -> {
                    assertThat(e.amount()).isEqualByComparingTo(sum);
                    assertThat(text).doesNotContainPattern("\\d{4}");
                    long twins = p.documents().stream().filter(d -> d.get("customer_code").equals(payer)
                            && new BigDecimal(d.get("amount")).compareTo(sum) == 0
                            && LocalDate.parse(d.get("issue_date")).isBefore(e.bookingDate())).count();
                    assertThat(twins).isGreaterThanOrEqualTo(2);
                }
                case Expectation.ACCOUNT_AND_AMOUNT -> {
                    assertThat(e.amount()).isEqualByComparingTo(sum);
                    assertThat(text).doesNotContainPattern("\\d{4}");
                    assertThat(ownerOfAccount.get(e.partyAccount())).isEqualTo(payer);
                    assertNoOtherWayToMake(p, payer, e.amount(), docs);
                }
                case Expectation.BANK_INTEREST -> {
                    assertThat(docs).isEmpty();
                    assertThat(text).contains("利息");
                }
                case Expectation.UNKNOWN_PAYER -> {
                    assertThat(docs).isEmpty();
                    assertThat(ownerOfAccount).doesNotContainKey(e.partyAccount());
                    assertThat(p.customers()).noneMatch(c -> c.get("name").equals(e.partyName()));
                }
                case Expectation.BANK_FEE -> assertThat(docs).isEmpty();
                case Expectation.REFUND -> {
                    assertThat(docs).isEmpty();
                    assertThat(ownerOfAccount).containsKey(e.partyAccount());
                }
                default -> throw new AssertionError("unknown pattern " + x.pattern());
            }
        }
    }

    /** No single receivable of the customer other than those paid, and no other pair, has this amount. */
    private static void assertNoOtherWayToMake(Parsed p, String customer, BigDecimal amount, List<CSVRecord> paid) {
        List<BigDecimal> others = new ArrayList<>();
        List<BigDecimal> all = new ArrayList<>();
        for (CSVRecord d : p.documents()) {
            if (d.get("customer_code").equals(customer) && List.of("INVOICE", "DEBIT_NOTE").contains(d.get("type"))) {
                all.add(new BigDecimal(d.get("amount")));
                if (!paid.contains(d)) {
                    others.add(new BigDecimal(d.get("amount")));
                }
            }
        }
        assertThat(others).noneMatch(a -> a.compareTo(amount) == 0);
        if (paid.size() == 2) {
            int pairs = 0;
            for (int i = 0; i < all.size(); i++) {
                for (int j = i + 1; j < all.size(); j++) {
                    if (all.get(i).add(all.get(j)).compareTo(amount) == 0) {
                        pairs++;
                    }
                }
            }
            assertThat(pairs).as("pairs adding up to %s", amount).isEqualTo(1);
        }
    }

    private static List<String> accounts(CSVRecord c) {
        return c.get("bank_accounts").isEmpty() ? List.of() : List.of(c.get("bank_accounts").split(";"));
    }

    private static String sorted(String s) {
        char[] chars = s.toCharArray();
        java.util.Arrays.sort(chars);
        return new String(chars);
    }

    @Test
    void creditCodesHaveValidCheckCharacters() {
        // published examples of the check character rule
        assertThat(CreditCodes.isValid("91350100M000100Y43")).isTrue();
        assertThat(CreditCodes.isValid("91350100M000100Y44")).isFalse();
        Rng rng = new Rng(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(CreditCodes.isValid(Identifiers.creditCode(rng, "310115"))).isTrue();
        }
    }
}
