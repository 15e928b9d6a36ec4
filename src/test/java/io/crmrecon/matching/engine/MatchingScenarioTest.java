package io.crmrecon.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.demo.CompanyNames;
import io.crmrecon.matching.engine.MatchingScenario.Pattern;
import io.crmrecon.matching.engine.MatchingScenario.Truth;
import io.crmrecon.matching.engine.OpenItem.ItemKind;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MatchingScenarioTest {

    private static final int TRANSACTIONS = 10_000;
    private static final int OPEN_ITEMS = 100_000;
    private static final MatchingScenario SCENARIO =
            MatchingScenario.generate(MatchingScenario.DEVELOPMENT_SEED, TRANSACTIONS, OPEN_ITEMS);

    /** a document number as written in a payment: series, separators, year, separators, serial */
    private static final java.util.regex.Pattern DOCUMENT =
            java.util.regex.Pattern.compile("(INV|DN|CN)[^A-Z0-9]{0,2}(\\d{4})[^A-Z0-9]{0,2}(\\d+)");
    private static final java.util.regex.Pattern EIGHT_DIGITS = java.util.regex.Pattern.compile("(?<!\\d)\\d{8}(?!\\d)");

    private static final Set<Pattern> REFERENCED = EnumSet.of(Pattern.EXACT_REFERENCE,
            Pattern.REFORMATTED_REFERENCE, Pattern.COMBINED_WITH_REFERENCES, Pattern.PARTIAL, Pattern.BANK_CHARGES,
            Pattern.OVERPAYMENT, Pattern.NET_OF_CREDIT_NOTE);
    private static final Set<Pattern> WITHOUT_REFERENCE = EnumSet.of(Pattern.AMOUNT_ONLY,
            Pattern.COMBINED_WITHOUT_REFERENCE, Pattern.TOLERANT_NAME, Pattern.NOISE, Pattern.AMBIGUOUS_TWINS);

    private static final java.util.regex.Pattern STATEMENT_NO = java.util.regex.Pattern.compile("ST\\d{6}C\\d{5,}");

    private static final Map<String, OpenItem> BY_CANONICAL_NUMBER = new HashMap<>();
    private static final Map<String, StatementRef> STATEMENTS = new HashMap<>();
    private static final Map<Long, List<OpenItem>> BY_CUSTOMER = new HashMap<>();
    private static final Map<String, Long> ACCOUNT_OWNER = new HashMap<>();

    static {
        for (OpenItem item : SCENARIO.openItems()) {
            BY_CANONICAL_NUMBER.put(canonical(item.documentNo()), item);
            BY_CUSTOMER.computeIfAbsent(item.customerId(), k -> new ArrayList<>()).add(item);
        }
        for (Payer payer : SCENARIO.payers()) {
            payer.accounts().forEach(a -> ACCOUNT_OWNER.put(a, payer.customerId()));
        }
        for (StatementRef statement : SCENARIO.statements()) {
            STATEMENTS.put(alphanumeric(statement.statementNo()), statement);
        }
    }

    @Test
    void theSameSeedGivesTheSameScenarioAndAnotherSeedAnother() {
        MatchingScenario again = MatchingScenario.generate(MatchingScenario.DEVELOPMENT_SEED, TRANSACTIONS,
                OPEN_ITEMS);
        assertThat(again.payers()).isEqualTo(SCENARIO.payers());
        assertThat(again.openItems()).isEqualTo(SCENARIO.openItems());
        assertThat(again.statements()).isEqualTo(SCENARIO.statements());
        assertThat(again.payments()).isEqualTo(SCENARIO.payments());
        assertThat(again.truths()).isEqualTo(SCENARIO.truths());

        MatchingScenario other = MatchingScenario.generate(MatchingScenario.UNTUNED_SEED, TRANSACTIONS, OPEN_ITEMS);
        assertThat(other.payments()).isNotEqualTo(SCENARIO.payments());
        assertThat(other.openItems()).isNotEqualTo(SCENARIO.openItems());
    }

    @Test
    void theMixIsTheFixedOneWithinOnePoint() {
        assertThat(Arrays.stream(Pattern.values()).mapToInt(Pattern::percent).sum()).isEqualTo(100);
        Map<Pattern, Long> counts = SCENARIO.truths().stream()
                .collect(Collectors.groupingBy(Truth::pattern, Collectors.counting()));
        for (Pattern p : Pattern.values()) {
            double share = 100.0 * counts.getOrDefault(p, 0L) / TRANSACTIONS;
            assertThat(share).as(p.name()).isBetween(p.percent() - 1.0, p.percent() + 1.0);
        }
        for (Truth t : SCENARIO.truths()) {
            assertThat(t.shouldAutoMatch()).isEqualTo(t.pattern().shouldAutoMatch());
        }
    }

    @Test
    void sizesNumbersAndDatesAreAsDescribed() {
        assertThat(SCENARIO.payments()).hasSize(TRANSACTIONS);
        assertThat(SCENARIO.truths()).hasSize(TRANSACTIONS);
        assertThat(SCENARIO.openItems()).hasSize(OPEN_ITEMS);
        assertThat(SCENARIO.payers()).hasSize(OPEN_ITEMS / 100);
        for (int i = 0; i < TRANSACTIONS; i++) {
            IncomingPayment p = SCENARIO.payments().get(i);
            assertThat(p.transactionId()).isEqualTo(i + 1L);
            assertThat(p.amount().signum()).isPositive();
            assertThat(p.amount().scale()).isEqualTo(2);
            assertThat(p.currency()).isEqualTo("CNY");
            assertThat(p.bookingDate()).isBefore(SCENARIO.runDate());
        }
        Set<String> numbers = new HashSet<>();
        Set<String> taxNumbers = new HashSet<>();
        List<OpenItem> wrong = new ArrayList<>();
        java.util.regex.Pattern documentNo = java.util.regex.Pattern.compile("(INV|DN|CN)-202[56]-\\d{6,7}");
        BigDecimal hundred = new BigDecimal("100.00");
        BigDecimal max = new BigDecimal("500000.00");
        int invoices = 0;
        for (int i = 0; i < OPEN_ITEMS; i++) {
            OpenItem item = SCENARIO.openItems().get(i);
            BigDecimal magnitude = item.open().abs();
            long terms = ChronoUnit.DAYS.between(item.issueDate(), item.dueDate());
            boolean ok = item.documentId() == i + 1L && documentNo.matcher(item.documentNo()).matches()
                    && numbers.add(item.documentNo()) && magnitude.compareTo(BigDecimal.ONE) >= 0
                    && magnitude.compareTo(max) <= 0 && item.open().scale() == 2
                    && item.open().signum() == (item.kind() == ItemKind.CREDIT_NOTE ? -1 : 1)
                    && (terms == 30 || terms == 60) && !item.issueDate().isBefore(ScenarioGenerator.FIRST_DAY)
                    && item.issueDate().isBefore(SCENARIO.runDate()) && "CNY".equals(item.currency())
                    && (item.kind() != ItemKind.INVOICE || item.open().compareTo(hundred) >= 0)
                    && (item.taxInvoiceNo() == null || (item.kind() == ItemKind.INVOICE
                            && item.taxInvoiceNo().matches("\\d{8}") && taxNumbers.add(item.taxInvoiceNo())));
            if (!ok) {
                wrong.add(item);
            }
            invoices += item.kind() == ItemKind.INVOICE ? 1 : 0;
        }
        assertThat(wrong).isEmpty();
        assertThat(100.0 * taxNumbers.size() / invoices).isBetween(78.0, 82.0);
        assertThat(taxNumbers.stream().filter(t -> t.startsWith("0")).count()).isPositive();
        Map<ItemKind, Long> kinds = SCENARIO.openItems().stream()
                .collect(Collectors.groupingBy(OpenItem::kind, Collectors.counting()));
        assertThat(kinds.get(ItemKind.INVOICE)).isGreaterThan(OPEN_ITEMS * 8L / 10);
        assertThat(kinds.get(ItemKind.DEBIT_NOTE)).isPositive();
        assertThat(kinds.get(ItemKind.CREDIT_NOTE)).isPositive();
        assertThat(SCENARIO.payers().stream().map(Payer::name).distinct()).hasSize(SCENARIO.payers().size());
        assertThat(SCENARIO.payers().stream().filter(p -> p.accounts().isEmpty())).isNotEmpty();
        assertThat(SCENARIO.payers().stream().filter(p -> p.name().matches("[\\x20-\\x7e]+"))).isNotEmpty();
        assertThat(ACCOUNT_OWNER).hasSize((int) SCENARIO.payers().stream().mapToLong(p -> p.accounts().size()).sum());
    }

    @Test
    void theTruthIsConsistent() {
        Map<Long, Long> settledBy = new HashMap<>();
        for (int i = 0; i < TRANSACTIONS; i++) {
            IncomingPayment payment = SCENARIO.payments().get(i);
            Truth truth = SCENARIO.truths().get(i);
            String what = truth.pattern() + " " + payment;
            if (!truth.shouldAutoMatch()) {
                assertThat(truth.cash()).as(what).isEmpty();
                assertThat(truth.writeOff()).as(what).isEmpty();
                assertThat(truth.onAccount().signum()).as(what).isZero();
                assertThat(truth.customerId() == null).as(what).isEqualTo(truth.pattern() == Pattern.NOISE);
                continue;
            }
            assertThat(truth.cash()).as(what).isNotEmpty();
            BigDecimal sum = truth.onAccount();
            for (Map.Entry<Long, BigDecimal> e : truth.cash().entrySet()) {
                OpenItem item = SCENARIO.openItem(e.getKey());
                assertThat(item.customerId()).as(what).isEqualTo(truth.customerId());
                assertThat(settledBy.put(item.documentId(), payment.transactionId()) == null)
                        .as("settled twice: " + what).isTrue();
                BigDecimal settled = e.getValue().add(truth.writeOff().getOrDefault(e.getKey(), BigDecimal.ZERO));
                assertThat(settled.signum()).as(what).isEqualTo(item.open().signum());
                assertThat(settled.abs()).as(what).isLessThanOrEqualTo(item.open().abs());
                sum = sum.add(e.getValue());
            }
            assertThat(sum).as(what).isEqualByComparingTo(payment.amount());
            assertThat(truth.cash().keySet()).as(what).containsAll(truth.writeOff().keySet());
            for (Map.Entry<Long, BigDecimal> e : truth.writeOff().entrySet()) {
                BigDecimal open = SCENARIO.openItem(e.getKey()).open();
                assertThat(e.getValue()).as(what).isBetween(new BigDecimal("5.00"), new BigDecimal("50.00"));
                assertThat(e.getValue()).as(what).isLessThanOrEqualTo(open.multiply(new BigDecimal("0.005")));
                assertThat(truth.cash().get(e.getKey()).add(e.getValue())).as(what).isEqualByComparingTo(open);
            }
            boolean settledInFull = truth.pattern().shape() != Pattern.PARTIAL && truth.pattern().shape() != Pattern.BANK_CHARGES;
            for (Map.Entry<Long, BigDecimal> e : truth.cash().entrySet()) {
                BigDecimal open = SCENARIO.openItem(e.getKey()).open();
                if (settledInFull) {
                    assertThat(e.getValue()).as(what).isEqualByComparingTo(open);
                } else if (truth.pattern().shape() == Pattern.PARTIAL) {
                    // well outside the bank-charge tolerance
                    assertThat(open.subtract(e.getValue())).as(what).isGreaterThan(new BigDecimal("50.00"));
                }
            }
            assertThat(truth.onAccount().signum()).as(what)
                    .isEqualTo(truth.pattern().shape() == Pattern.OVERPAYMENT ? 1 : 0);
            assertThat(truth.writeOff().isEmpty()).as(what).isEqualTo(truth.pattern().shape() != Pattern.BANK_CHARGES);
            if (truth.pattern().shape() == Pattern.NET_OF_CREDIT_NOTE) {
                assertThat(truth.cash().keySet().stream().map(id -> SCENARIO.openItem(id).kind()))
                        .containsExactlyInAnyOrder(ItemKind.INVOICE, ItemKind.CREDIT_NOTE);
            }
            for (Long id : truth.cash().keySet()) {
                assertThat(payment.bookingDate()).as(what).isAfterOrEqualTo(SCENARIO.openItem(id).issueDate());
            }
        }
        // twins' items are not settled by anyone
        for (int i = 0; i < TRANSACTIONS; i++) {
            Truth truth = SCENARIO.truths().get(i);
            if (truth.pattern() == Pattern.AMBIGUOUS_TWINS) {
                for (OpenItem twin : twins(SCENARIO.payments().get(i), truth)) {
                    assertThat(settledBy.containsKey(twin.documentId())).as("twin settled: " + twin).isFalse();
                }
            }
        }
    }

    @Test
    void amountOnlyAndCombinationPaymentsAreUniqueByBruteForce() {
        int combinations = 0;
        for (int i = 0; i < TRANSACTIONS; i++) {
            IncomingPayment payment = SCENARIO.payments().get(i);
            Truth truth = SCENARIO.truths().get(i);
            String what = truth.pattern() + " " + payment;
            long amount = cents(payment.amount());
            List<OpenItem> items = BY_CUSTOMER.get(truth.customerId());
            switch (truth.pattern()) {
                case AMOUNT_ONLY, TOLERANT_NAME -> assertThat(items.stream()
                        .filter(it -> cents(it.open()) == amount).map(OpenItem::documentId).toList()).as(what)
                        .containsExactlyElementsOf(truth.cash().keySet());
                case COMBINED_WITHOUT_REFERENCE -> {
                    combinations++;
                    int k = truth.cash().size();
                    assertThat(k).isBetween(2, 4);
                    long[] values = items.stream().mapToLong(it -> cents(it.open())).toArray();
                    for (int size = 1; size < k; size++) {
                        assertThat(bruteForce(values, amount, size, null)).as(what + " size " + size).isZero();
                    }
                    List<int[]> found = new ArrayList<>();
                    assertThat(bruteForce(values, amount, k, found)).as(what).isEqualTo(1);
                    assertThat(Arrays.stream(found.get(0)).mapToObj(x -> items.get(x).documentId()).toList())
                            .as(what).containsExactlyInAnyOrderElementsOf(truth.cash().keySet());
                }
                case PARTIAL, BANK_CHARGES, OVERPAYMENT, NET_OF_CREDIT_NOTE -> assertThat(items.stream()
                        .filter(it -> cents(it.open()) == amount)).as(what + ": no item has the amount").isEmpty();
                default -> {
                }
            }
        }
        assertThat(combinations).isEqualTo(TRANSACTIONS * Pattern.COMBINED_WITHOUT_REFERENCE.percent() / 100);
    }

    /** counts the index combinations i1 < i2 < … of the given size whose values sum to target, by nested loops */
    private static int bruteForce(long[] v, long target, int size, List<int[]> found) {
        int n = v.length;
        int count = 0;
        for (int a = 0; a < n; a++) {
            if (size == 1) {
                if (v[a] == target) {
                    count++;
                    record(found, a);
                }
                continue;
            }
            for (int b = a + 1; b < n; b++) {
                if (size == 2) {
                    if (v[a] + v[b] == target) {
                        count++;
                        record(found, a, b);
                    }
                    continue;
                }
                for (int c = b + 1; c < n; c++) {
                    if (size == 3) {
                        if (v[a] + v[b] + v[c] == target) {
                            count++;
                            record(found, a, b, c);
                        }
                        continue;
                    }
                    long abc = v[a] + v[b] + v[c];
                    for (int d = c + 1; d < n; d++) {
                        if (abc + v[d] == target) {
                            count++;
                            record(found, a, b, c, d);
                        }
                    }
                }
            }
        }
        return count;
    }

    private static void record(List<int[]> found, int... indexes) {
        if (found != null) {
            found.add(indexes);
        }
    }

    @Test
    void payersAreAsThePatternSays() {
        for (int i = 0; i < TRANSACTIONS; i++) {
            IncomingPayment payment = SCENARIO.payments().get(i);
            Truth truth = SCENARIO.truths().get(i);
            String what = truth.pattern() + " " + payment;
            Long owner = payment.counterpartyAccount() == null ? null : ACCOUNT_OWNER.get(payment.counterpartyAccount());
            switch (truth.pattern()) {
                case AMOUNT_ONLY, COMBINED_WITHOUT_REFERENCE, AMBIGUOUS_TWINS ->
                        assertThat(owner).as(what).isEqualTo(truth.customerId());
                case TOLERANT_NAME, NOISE -> assertThat(owner).as(what).isNull();
                default -> assertThat(owner == null || owner.equals(truth.customerId())).as(what).isTrue();
            }
        }
    }

    @Test
    void tolerantNamesAreWrittenDifferentlyButNameOneCustomer() {
        Map<String, List<Long>> byKey = new HashMap<>();
        for (Payer payer : SCENARIO.payers()) {
            byKey.computeIfAbsent(nameKey(payer.name()), k -> new ArrayList<>()).add(payer.customerId());
        }
        Set<String> legalNames = SCENARIO.payers().stream().map(Payer::name).collect(Collectors.toSet());
        int tolerant = 0;
        for (int i = 0; i < TRANSACTIONS; i++) {
            IncomingPayment payment = SCENARIO.payments().get(i);
            Truth truth = SCENARIO.truths().get(i);
            if (truth.pattern() == Pattern.TOLERANT_NAME) {
                tolerant++;
                assertThat(legalNames).as(payment.counterpartyName()).doesNotContain(payment.counterpartyName());
                assertThat(byKey.get(nameKey(payment.counterpartyName()))).as(payment.counterpartyName())
                        .containsExactly(truth.customerId());
            } else if (truth.pattern() == Pattern.NOISE && !payment.counterpartyName().isEmpty()) {
                assertThat(byKey).as(payment.counterpartyName()).doesNotContainKey(nameKey(payment.counterpartyName()));
            }
        }
        assertThat(tolerant).isPositive();
    }

    /** a name without city, legal form, case and punctuation */
    private static String nameKey(String name) {
        String s = name.toUpperCase(Locale.ROOT).replaceAll("[.,()]", "").replaceAll("\\s+", " ").trim();
        List<String> forms = new ArrayList<>(CompanyNames.LEGAL_FORMS);
        for (String form : CompanyNames.EN_LEGAL_FORMS) {
            forms.add(form.toUpperCase(Locale.ROOT).replaceAll("[.,]", "").replaceAll("\\s+", " ").trim());
        }
        forms.sort(Comparator.comparingInt(String::length).reversed());
        for (String form : forms) {
            if (s.endsWith(" " + form) || (!form.matches("[A-Z ]+") && s.endsWith(form))) {
                s = s.substring(0, s.length() - form.length()).trim();
                break;
            }
        }
        for (String city : CompanyNames.CITIES) {
            String base = city.endsWith("市") ? city.substring(0, city.length() - 1) : city;
            if (s.startsWith(base + "市")) {
                s = s.substring(base.length() + 1);
                break;
            }
            if (s.startsWith(base)) {
                s = s.substring(base.length());
                break;
            }
        }
        return s.replace(" ", "");
    }

    @Test
    void referenceTextsReallyContainTheReference() {
        for (int i = 0; i < TRANSACTIONS; i++) {
            IncomingPayment payment = SCENARIO.payments().get(i);
            Truth truth = SCENARIO.truths().get(i);
            String what = truth.pattern() + " " + payment;
            String text = upper(payment.remittanceInfo()) + " " + upper(payment.structuredReference());
            List<OpenItem> written = documentsIn(text);
            Set<Long> paidDocuments = truth.cash().keySet();
            switch (truth.pattern()) {
                case EXACT_REFERENCE -> {
                    String no = SCENARIO.openItem(paidDocuments.iterator().next()).documentNo();
                    assertThat(no.equals(payment.remittanceInfo()) || no.equals(payment.structuredReference()))
                            .as(what).isTrue();
                }
                case REFORMATTED_REFERENCE -> {
                    assertThat(written.stream().map(OpenItem::documentId)).as(what)
                            .containsExactlyElementsOf(paidDocuments);
                    String no = SCENARIO.openItem(paidDocuments.iterator().next()).documentNo();
                    assertThat(payment.remittanceInfo()).as(what).isNotEqualTo(no);
                    assertThat(payment.structuredReference()).as(what).isNull();
                }
                case COMBINED_WITH_REFERENCES -> assertThat(written.stream().map(OpenItem::documentId)).as(what)
                        .containsExactlyInAnyOrderElementsOf(paidDocuments);
                case PARTIAL, BANK_CHARGES, OVERPAYMENT, NET_OF_CREDIT_NOTE -> assertThat(written).as(what)
                        .singleElement().satisfies(item -> {
                            assertThat(item.kind()).isEqualTo(ItemKind.INVOICE);
                            assertThat(paidDocuments).contains(item.documentId());
                        });
                case TAX_INVOICE_NUMBER -> {
                    String tax = SCENARIO.openItem(paidDocuments.iterator().next()).taxInvoiceNo();
                    assertThat(tax).as(what).isNotNull();
                    assertThat(eightDigitNumbers(text)).as(what).containsExactly(tax);
                    assertThat(written).as(what).isEmpty();
                }
                case STATEMENT_NUMBER -> {
                    Matcher m = STATEMENT_NO.matcher(alphanumeric(text));
                    assertThat(m.find()).as(what).isTrue();
                    StatementRef statement = STATEMENTS.get(m.group());
                    assertThat(statement).as(what).isNotNull();
                    assertThat(statement.customerId()).isEqualTo(truth.customerId());
                    assertThat(statement.documentIds()).as(what).containsExactlyInAnyOrderElementsOf(paidDocuments);
                    assertThat(written).as(what).isEmpty();
                }
                case REFERENCE_TYPO, KEYING_ERROR -> {
                    assertThat(written).as(what).isEmpty();
                    assertThat(DOCUMENT.matcher(text).find()).as(what).isTrue();
                }
                case SHORTENED_REFERENCE -> {
                    assertThat(written).as(what).isEmpty();
                    OpenItem paid = SCENARIO.openItem(paidDocuments.iterator().next());
                    String serial = paid.documentNo().substring(paid.documentNo().lastIndexOf('-') + 1)
                            .replaceFirst("^0+", "");
                    String tail = paid.taxInvoiceNo() == null ? serial : paid.taxInvoiceNo().substring(4);
                    assertThat(text.contains(serial) || text.contains(tail)).as(what).isTrue();
                }
                case DECORATED_SHORT, DECORATED_OVERPAID -> {
                    OpenItem paid = SCENARIO.openItem(paidDocuments.iterator().next());
                    assertThat(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)).as(what)
                            .contains(paid.documentNo());
                }
                default -> {
                    assertThat(WITHOUT_REFERENCE).contains(truth.pattern());
                    assertThat(DOCUMENT.matcher(text).find()).as(what).isFalse();
                    assertThat(eightDigitNumbers(text)).as(what).isEmpty();
                    assertThat(text).as(what).doesNotContain("ST-").doesNotContain("对账单");
                }
            }
            if (REFERENCED.contains(truth.pattern()) && truth.pattern() != Pattern.EXACT_REFERENCE) {
                assertThat(written).as(what).isNotEmpty();
            }
        }
    }

    @Test
    void typoTokensMatchNoDocumentAndAreOneTypoAwayFromTheirs() {
        int typos = 0;
        for (int i = 0; i < TRANSACTIONS; i++) {
            Truth truth = SCENARIO.truths().get(i);
            if (truth.pattern() != Pattern.REFERENCE_TYPO) {
                continue;
            }
            typos++;
            IncomingPayment payment = SCENARIO.payments().get(i);
            OpenItem intended = SCENARIO.openItem(truth.cash().keySet().iterator().next());
            assertThat(payment.amount()).isEqualByComparingTo(intended.open());
            Matcher m = DOCUMENT.matcher(upper(payment.remittanceInfo()));
            assertThat(m.find()).as(payment.toString()).isTrue();
            String series = m.group(1);
            String year = m.group(2);
            String serial = m.group(3);
            assertThat(BY_CANONICAL_NUMBER).as(payment.toString())
                    .doesNotContainKey(series + "-" + year + "-" + Long.parseLong(serial));
            String[] parts = intended.documentNo().split("-");
            assertThat(series).isEqualTo(parts[0]);
            boolean yearTypo = !year.equals(parts[1]);
            if (yearTypo) {
                assertThat(oneTypoAway(parts[1], year)).as(payment.toString()).isTrue();
                assertThat(serial).isEqualTo(parts[2]);
            } else {
                assertThat(oneTypoAway(parts[2], serial)).as(payment.toString()).isTrue();
            }
            assertThat(m.find()).as("one token only: " + payment).isFalse();
        }
        assertThat(typos).isPositive();
    }

    /** b is a with two adjacent different digits swapped, or with one digit left out */
    private static boolean oneTypoAway(String a, String b) {
        if (b.length() == a.length() - 1) {
            for (int p = 0; p < a.length(); p++) {
                if ((a.substring(0, p) + a.substring(p + 1)).equals(b)) {
                    return Long.parseLong(b) != Long.parseLong(a);
                }
            }
            return false;
        }
        if (b.length() != a.length()) {
            return false;
        }
        for (int p = 0; p + 1 < a.length(); p++) {
            if (a.charAt(p) != a.charAt(p + 1) && (a.substring(0, p) + a.charAt(p + 1) + a.charAt(p)
                    + a.substring(p + 2)).equals(b)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void twinsAreIdenticalOpenItemsOfTheCustomer() {
        int twinPayments = 0;
        for (int i = 0; i < TRANSACTIONS; i++) {
            Truth truth = SCENARIO.truths().get(i);
            if (truth.pattern() != Pattern.AMBIGUOUS_TWINS) {
                continue;
            }
            twinPayments++;
            IncomingPayment payment = SCENARIO.payments().get(i);
            List<OpenItem> twins = twins(payment, truth);
            assertThat(twins).as(payment.toString()).hasSizeGreaterThanOrEqualTo(2);
            OpenItem first = twins.get(0);
            for (OpenItem twin : twins) {
                assertThat(twin.kind()).isEqualTo(first.kind());
                assertThat(twin.currency()).isEqualTo(first.currency());
                assertThat(twin.open()).isEqualTo(first.open());
                assertThat(twin.customerId()).isEqualTo(first.customerId());
            }
            assertThat(twins.stream().map(OpenItem::documentNo).distinct()).hasSameSizeAs(twins);
            assertThat(twins.stream().map(OpenItem::issueDate).distinct()).hasSameSizeAs(twins);
            assertThat(DOCUMENT.matcher(upper(payment.remittanceInfo())).find()).isFalse();
        }
        assertThat(twinPayments).isEqualTo(TRANSACTIONS * Pattern.AMBIGUOUS_TWINS.percent() / 100);
    }

    private static List<OpenItem> twins(IncomingPayment payment, Truth truth) {
        return BY_CUSTOMER.get(truth.customerId()).stream()
                .filter(it -> it.open().compareTo(payment.amount()) == 0).toList();
    }

    @Test
    void statementsCoverACustomersItemsOfAMonth() {
        Map<String, Set<Long>> byCustomerMonth = new HashMap<>();
        for (OpenItem item : SCENARIO.openItems()) {
            byCustomerMonth.computeIfAbsent(item.customerId() + "/" + item.issueDate().withDayOfMonth(1),
                    k -> new HashSet<>()).add(item.documentId());
        }
        Map<Long, String> codes = SCENARIO.payers().stream()
                .collect(Collectors.toMap(Payer::customerId, Payer::customerCode));
        assertThat(SCENARIO.statements()).isNotEmpty();
        Set<String> numbers = new HashSet<>();
        for (StatementRef statement : SCENARIO.statements()) {
            assertThat(numbers.add(statement.statementNo())).isTrue();
            assertThat(statement.statementNo()).matches("ST-2026-\\d\\d-" + codes.get(statement.customerId()));
            String month = statement.statementNo().substring(3, 10) + "-01";
            assertThat(new HashSet<>(statement.documentIds()))
                    .isEqualTo(byCustomerMonth.get(statement.customerId() + "/" + month));
        }
    }

    @Test
    void moreOpenItemsThanAskedForWhenThePaymentsNeedThem() {
        MatchingScenario tight = MatchingScenario.generate(1, 2_000, 1_000);
        assertThat(tight.openItems().size()).isGreaterThanOrEqualTo(MatchingScenario.openItemsNeeded(2_000));
        assertThat(tight.requestedOpenItems()).isEqualTo(1_000);
        assertThat(tight.payments()).hasSize(2_000);
    }

    private static List<OpenItem> documentsIn(String upperText) {
        List<OpenItem> out = new ArrayList<>();
        Matcher m = DOCUMENT.matcher(upperText);
        while (m.find()) {
            OpenItem item = BY_CANONICAL_NUMBER.get(m.group(1) + "-" + m.group(2) + "-" + Long.parseLong(m.group(3)));
            if (item != null) {
                out.add(item);
            }
        }
        return out;
    }

    private static List<String> eightDigitNumbers(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = EIGHT_DIGITS.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String canonical(String documentNo) {
        String[] parts = documentNo.split("-");
        return parts[0] + "-" + parts[1] + "-" + Long.parseLong(parts[2]);
    }

    private static String upper(String s) {
        return s == null ? "" : s.toUpperCase(Locale.ROOT);
    }

    private static String alphanumeric(String s) {
        return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    private static long cents(BigDecimal value) {
        return value.movePointRight(2).longValueExact();
    }
}
