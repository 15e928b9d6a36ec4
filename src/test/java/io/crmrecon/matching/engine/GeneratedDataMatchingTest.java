package io.crmrecon.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.bankfile.BankFileReader;
import io.crmrecon.bankfile.ParsedTransaction;
import io.crmrecon.demo.BenchmarkFiles;
import io.crmrecon.demo.DemoData;
import io.crmrecon.demo.Expectation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The engine over the project's own generated data, read from the files a user would import: the demo data set
 * (every pattern, with its ground truth) and the load-test files (entry k pays the k-th invoice).
 */
class GeneratedDataMatchingTest {

    /** The ledger read from customers.csv and documents.csv. */
    record Ledger(List<Payer> payers, List<OpenItem> items, Map<String, OpenItem> byNo) {
    }

    static Ledger ledger(byte[] customersCsv, byte[] documentsCsv) throws IOException {
        Map<String, Long> ids = new HashMap<>();
        List<Payer> payers = new ArrayList<>();
        for (CSVRecord r : csv(customersCsv)) {
            long id = ids.size() + 1;
            ids.put(r.get("customer_code"), id);
            String accounts = r.get("bank_accounts");
            payers.add(new Payer(id, r.get("customer_code"), r.get("name"),
                    accounts.isBlank() ? List.of() : List.of(accounts.split(";"))));
        }
        List<OpenItem> items = new ArrayList<>();
        Map<String, OpenItem> byNo = new HashMap<>();
        long documentId = 0;
        for (CSVRecord r : csv(documentsCsv)) {
            documentId++;
            String type = r.get("type");
            if (type.equals("BILL")) {
                continue;
            }
            BigDecimal amount = new BigDecimal(r.get("amount"));
            LocalDate issue = LocalDate.parse(r.get("issue_date"));
            String due = r.get("due_date");
            OpenItem item = new OpenItem(documentId, r.get("document_no"),
                    r.get("tax_invoice_no").isBlank() ? null : r.get("tax_invoice_no"), ids.get(r.get("customer_code")),
                    OpenItem.ItemKind.valueOf(type), r.get("currency"),
                    type.equals("CREDIT_NOTE") ? amount.negate() : amount, issue,
                    due.isBlank() ? null : LocalDate.parse(due));
            items.add(item);
            byNo.put(item.documentNo(), item);
        }
        return new Ledger(payers, items, byNo);
    }

    private static List<CSVRecord> csv(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }

    static List<IncomingPayment> payments(List<ParsedTransaction> transactions) {
        List<IncomingPayment> out = new ArrayList<>();
        for (int i = 0; i < transactions.size(); i++) {
            ParsedTransaction t = transactions.get(i);
            if (t.amount().signum() > 0) {
                out.add(new IncomingPayment(i + 1, t.amount(), t.currency(), t.bookingDate(), t.counterpartyName(),
                        t.counterpartyAccount(), t.remittanceInfo(), t.structuredReference()));
            }
        }
        return out;
    }

    static Set<String> appliedNumbers(MatchOutcome o, Map<Long, OpenItem> byId) {
        return o.applications().stream().map(a -> byId.get(a.documentId()).documentNo()).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @CsvSource({"42, 2026-11-27", "7, 2027-01-01", "2026, 2026-03-31", "-5, 2026-02-01", "1, 2026-06-15",
            "99, 2026-09-30"})
    void demoDataEveryPatternAndNoWrongMatch(long seed, LocalDate today) throws IOException {
        DemoData data = DemoData.generate(seed, today);
        Ledger ledger = ledger(data.customersCsv(), data.documentsCsv());
        List<ParsedTransaction> transactions = BankFileReader.read(data.bankStatementCamt053()).transactions();
        List<IncomingPayment> payments = payments(transactions);
        Map<Long, ParsedTransaction> byTx = new HashMap<>();
        for (int i = 0; i < transactions.size(); i++) {
            byTx.put((long) i + 1, transactions.get(i));
        }
        Map<String, Expectation> expected = data.expectations().stream()
                .collect(Collectors.toMap(Expectation::bankReference, e -> e));
        Map<Long, OpenItem> byId = ledger.items().stream().collect(Collectors.toMap(OpenItem::documentId, i -> i));

        List<MatchOutcome> outcomes = MatchingEngine.create(ledger.items(), ledger.payers(), List.of(),
                MatchingPolicy.defaults()).matchAll(payments);

        Map<String, int[]> byPattern = new TreeMap<>(); // pattern → {payments, auto right, wrong}
        List<String> wrong = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < payments.size(); i++) {
            IncomingPayment p = payments.get(i);
            MatchOutcome o = outcomes.get(i);
            Expectation e = expected.get(byTx.get(p.transactionId()).bankReference());
            int[] counts = byPattern.computeIfAbsent(e.pattern(), k -> new int[3]);
            counts[0]++;
            boolean auto = o.status() == MatchOutcome.Status.AUTO;
            boolean right = auto && appliedNumbers(o, byId).equals(Set.copyOf(e.documentNos()));
            if (right) {
                counts[1]++;
            } else if (auto) {
                counts[2]++;
                wrong.add(e.pattern() + " " + p.remittanceInfo() + " " + p.amount() + " → " + o.rule() + " "
                        + appliedNumbers(o, byId) + " expected " + e.documentNos());
            } else if (!e.documentNos().isEmpty() && !e.pattern().equals(Expectation.AMBIGUOUS_TWIN)) {
                missed.add(e.pattern() + " '" + p.remittanceInfo() + "' " + p.counterpartyName() + " " + p.amount()
                        + " → " + o.status() + " " + o.suggestions().stream().limit(2)
                        .map(MatchOutcome.Suggestion::reason).toList());
            }
        }
        assertThat(wrong).as("wrong automatic matches").isEmpty();
        assertThat(missed).as("payments the engine should have matched, by pattern " + summary(byPattern)).isEmpty();
    }

    private static String summary(Map<String, int[]> byPattern) {
        return byPattern.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[1] + "/" + e.getValue()[0])
                .collect(Collectors.joining(", "));
    }

    @Test
    void loadTestFilesMostlyMatchedAndNeverWrongly() throws IOException {
        int entries = 4000;
        int customers = 400;
        long seed = 11;
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        BenchmarkFiles.writeCustomersCsv(c, customers, seed);
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        BenchmarkFiles.writeDocumentsCsv(d, entries * 2, customers, seed);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        BenchmarkFiles.writeCamt053(b, entries, seed, LocalDate.of(2026, 11, 2), customers);
        Ledger ledger = ledger(c.toByteArray(), d.toByteArray());
        List<ParsedTransaction> transactions = BankFileReader.read(b.toByteArray()).transactions();
        List<IncomingPayment> payments = payments(transactions);
        List<OpenItem> invoices = ledger.items().stream().filter(i -> i.kind() == OpenItem.ItemKind.INVOICE)
                .toList();
        Map<Long, OpenItem> byId = ledger.items().stream().collect(Collectors.toMap(OpenItem::documentId, i -> i));

        List<MatchOutcome> outcomes = MatchingEngine.create(ledger.items(), ledger.payers(), List.of(),
                MatchingPolicy.defaults()).matchAll(payments);

        int auto = 0;
        List<String> wrong = new ArrayList<>();
        for (int k = 0; k < payments.size(); k++) {
            MatchOutcome o = outcomes.get(k);
            String meant = invoices.get(k).documentNo(); // the k-th money-in entry pays the k-th invoice
            if (o.status() == MatchOutcome.Status.AUTO) {
                auto++;
                if (!appliedNumbers(o, byId).equals(Set.of(meant))) {
                    wrong.add(payments.get(k).remittanceInfo() + " " + payments.get(k).amount() + " → " + o.rule()
                            + " " + appliedNumbers(o, byId) + " meant " + meant);
                }
            }
        }
        assertThat(wrong).as("wrong automatic matches").isEmpty();
        assertThat(auto).as("automatic matches of " + payments.size())
                .isGreaterThanOrEqualTo(payments.size() * 95 / 100);
    }
}
