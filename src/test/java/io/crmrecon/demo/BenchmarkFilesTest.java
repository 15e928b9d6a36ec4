package io.crmrecon.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class BenchmarkFilesTest {

    private static final LocalDate BOOKING = LocalDate.of(2026, 11, 20);

    /** Counts bytes, lines and occurrences of one ASCII marker; remembers the largest single write. */
    static final class CountingOutputStream extends OutputStream {
        private final byte[] marker;
        private int matched;
        long bytes;
        long lines;
        long markers;
        long writes;
        int largestWrite;

        CountingOutputStream(String marker) {
            this.marker = marker.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public void write(int b) {
            writes++;
            largestWrite = Math.max(largestWrite, 1);
            count((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes++;
            largestWrite = Math.max(largestWrite, len);
            for (int i = off; i < off + len; i++) {
                count(b[i]);
            }
        }

        private void count(byte b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
            // the marker starts with a byte that occurs in it only once, so a mismatch can restart at this byte
            if (b == marker[matched]) {
                matched++;
                if (matched == marker.length) {
                    markers++;
                    matched = 0;
                }
            } else {
                matched = b == marker[0] ? 1 : 0;
            }
        }
    }

    @Test
    void customersFileHasExactlyNRowsWithUniqueCodesAndNames() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BenchmarkFiles.writeCustomersCsv(out, 3_000, 9);
        List<CSVRecord> rows = DemoDataTest.csv(out.toByteArray(), DemoDataTest.CUSTOMER_HEADERS);
        assertThat(rows).hasSize(3_000);
        assertThat(rows).extracting(r -> r.get("customer_code")).doesNotHaveDuplicates()
                .startsWith("BM000001").endsWith("BM003000");
        assertThat(rows).extracting(r -> r.get("name")).doesNotHaveDuplicates();
        assertThat(rows).filteredOn(r -> r.get("language").equals("en")).isNotEmpty();
        assertThat(rows).filteredOn(r -> r.get("bank_accounts").isEmpty()).isNotEmpty();
        assertThat(rows).allSatisfy(r -> assertThat(r.get("email")).matches("bm\\d+@example\\.(cn|com)"));
        assertThat(rows).filteredOn(r -> r.get("language").equals("zh-CN"))
                .allSatisfy(r -> assertThat(CreditCodes.isValid(r.get("tax_id"))).isTrue());

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        BenchmarkFiles.writeCustomersCsv(again, 3_000, 9);
        assertThat(again.toByteArray()).isEqualTo(out.toByteArray());
    }

    @Test
    void documentsFileHasExactlyNRowsOfTheGivenCustomers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BenchmarkFiles.writeDocumentsCsv(out, 5_000, 300, 9);
        List<CSVRecord> rows = DemoDataTest.csv(out.toByteArray(), DemoDataTest.DOCUMENT_HEADERS);
        assertThat(rows).hasSize(5_000);
        Map<String, CSVRecord> byNo = new HashMap<>();
        rows.forEach(r -> byNo.put(r.get("document_no"), r));
        assertThat(byNo).hasSize(5_000);
        Set<String> customers = new HashSet<>();
        for (CSVRecord r : rows) {
            int customer = Integer.parseInt(r.get("customer_code").substring(2));
            assertThat(customer).isBetween(1, 300);
            customers.add(r.get("customer_code"));
            assertThat(r.get("amount")).matches("\\d+\\.\\d{2}");
            assertThat(new BigDecimal(r.get("amount"))).isPositive();
            LocalDate issue = LocalDate.parse(r.get("issue_date"));
            assertThat(issue).isBetween(BenchmarkFiles.DEFAULT_AS_OF.minusDays(365), BenchmarkFiles.DEFAULT_AS_OF);
            if (r.get("type").equals("CREDIT_NOTE")) {
                CSVRecord invoice = byNo.get(r.get("reference"));
                assertThat(invoice.get("type")).isEqualTo("INVOICE");
                assertThat(invoice.get("customer_code")).isEqualTo(r.get("customer_code"));
                assertThat(new BigDecimal(r.get("amount"))).isLessThan(new BigDecimal(invoice.get("amount")));
            }
        }
        assertThat(customers.size()).isGreaterThan(250);
        assertThat(rows).extracting(r -> r.get("type")).contains("INVOICE", "CREDIT_NOTE", "DEBIT_NOTE", "BILL");

        ByteArrayOutputStream other = new ByteArrayOutputStream();
        BenchmarkFiles.writeDocumentsCsv(other, 5_000, 300, 10);
        assertThat(other.toByteArray()).isNotEqualTo(out.toByteArray());
    }

    @Test
    void twoHundredThousandDocumentsAreStreamed() throws IOException {
        CountingOutputStream out = new CountingOutputStream("\r\nINV-BM-");
        BenchmarkFiles.writeDocumentsCsv(out, 200_000, 20_000, 3);
        assertThat(out.lines).isEqualTo(200_001); // header + rows, none with a line break inside
        assertThat(out.bytes).isGreaterThan(200_000L * 60);
        // written in many small pieces as it goes, never as one buffered file
        assertThat(out.writes).isGreaterThan(200);
        assertThat(out.largestWrite).isLessThanOrEqualTo(1 << 17);
    }

    @Test
    void camt053HasExactlyNEntriesThatPayTheBenchmarkDocuments() throws Exception {
        ByteArrayOutputStream docsOut = new ByteArrayOutputStream();
        BenchmarkFiles.writeDocumentsCsv(docsOut, 3_000, 200, 5);
        Map<String, CSVRecord> docs = new HashMap<>();
        DemoDataTest.csv(docsOut.toByteArray(), DemoDataTest.DOCUMENT_HEADERS)
                .forEach(r -> docs.put(r.get("document_no"), r));
        ByteArrayOutputStream custOut = new ByteArrayOutputStream();
        BenchmarkFiles.writeCustomersCsv(custOut, 200, 5);
        Map<String, CSVRecord> customers = new HashMap<>();
        DemoDataTest.csv(custOut.toByteArray(), DemoDataTest.CUSTOMER_HEADERS)
                .forEach(r -> customers.put(r.get("customer_code"), r));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BenchmarkFiles.writeCamt053(out, 2_000, 5, BOOKING, 200);
        CamtTestReader.Statement s = CamtTestReader.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(s.rootNamespace()).isEqualTo(DemoDataTest.CAMT_053_001_02);
        assertThat(s.currency()).isEqualTo("CNY");
        assertThat(s.entries()).hasSize(2_000);
        assertThat(s.summaryCount()).isEqualTo(2_000);
        assertThat(s.entries()).extracting(CamtTestReader.Entry::ref).doesNotHaveDuplicates();
        assertThat(s.entries()).allSatisfy(e -> {
            assertThat(e.bookingDate()).isEqualTo(BOOKING);
            assertThat(e.currency()).isEqualTo("CNY");
        });
        BigDecimal in = s.entries().stream().filter(CamtTestReader.Entry::credit).map(CamtTestReader.Entry::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal outSum = s.entries().stream().filter(e -> !e.credit()).map(CamtTestReader.Entry::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(s.summaryCredits()).isEqualByComparingTo(in);
        assertThat(s.summaryDebits()).isEqualByComparingTo(outSum);
        assertThat(s.balances().get("CLBD")).isEqualByComparingTo(s.balances().get("OPBD").add(in).subtract(outSum));

        // every named document exists and belongs to the payer; a full payment by number pays its amount
        Pattern number = Pattern.compile("INV-BM-\\d{8}");
        int named = 0;
        for (CamtTestReader.Entry e : s.entries()) {
            if (!e.credit() || e.remittance() == null) {
                continue;
            }
            Matcher m = number.matcher(e.remittance());
            if (m.find()) {
                named++;
                CSVRecord d = docs.get(m.group());
                assertThat(d).as(m.group()).isNotNull();
                assertThat(customers.get(d.get("customer_code")).get("name")).isEqualTo(e.partyName());
                if (!e.remittance().contains("部分") && !e.remittance().startsWith("支付")) {
                    assertThat(e.amount()).isEqualByComparingTo(d.get("amount"));
                }
            }
        }
        assertThat(named).isGreaterThan(1_000);

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        BenchmarkFiles.writeCamt053(again, 2_000, 5, BOOKING, 200);
        assertThat(again.toByteArray()).isEqualTo(out.toByteArray());
    }

    @Test
    void aSecondDaysFilesContinueTheFirstAndPayTheirOwnInvoices() throws Exception {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        BenchmarkFiles.writeDocumentsCsv(first, 3_000, 200, 5);
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        BenchmarkFiles.writeDocumentsCsv(second, 3_000, 200, 5, BenchmarkFiles.DEFAULT_AS_OF, 3_001);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        BenchmarkFiles.writeDocumentsCsv(both, 6_000, 200, 5);
        Map<String, CSVRecord> docs = new HashMap<>();
        DemoDataTest.csv(second.toByteArray(), DemoDataTest.DOCUMENT_HEADERS)
                .forEach(r -> docs.put(r.get("document_no"), r));
        assertThat(docs.keySet()).hasSize(3_000).contains("INV-BM-00003001", "CN-BM-00006000");
        DemoDataTest.csv(first.toByteArray(), DemoDataTest.DOCUMENT_HEADERS)
                .forEach(r -> assertThat(docs.keySet()).doesNotContain(r.get("document_no")));

        ByteArrayOutputStream day1 = new ByteArrayOutputStream();
        BenchmarkFiles.writeCamt053(day1, 2_000, 5, BOOKING, 200);
        ByteArrayOutputStream day2 = new ByteArrayOutputStream();
        int next = BenchmarkFiles.documentAfterPaid(2_000, 1);
        assertThat(next).isBetween(2_000, 2_200);
        BenchmarkFiles.writeCamt053(day2, 2_000, 5, BOOKING.plusDays(1), 200, next);
        CamtTestReader.Statement s1 = CamtTestReader.read(new ByteArrayInputStream(day1.toByteArray()));
        CamtTestReader.Statement s2 = CamtTestReader.read(new ByteArrayInputStream(day2.toByteArray()));
        Set<String> refs = new HashSet<>();
        s1.entries().forEach(e -> refs.add(e.ref()));
        // the first day pays invoices before `next`, the second day from there on: none paid twice
        Map<String, CSVRecord> all = new HashMap<>();
        DemoDataTest.csv(both.toByteArray(), DemoDataTest.DOCUMENT_HEADERS).forEach(r -> all.put(r.get("document_no"), r));
        Set<String> paidDay1 = named(s1);
        Set<String> paidDay2 = named(s2);
        assertThat(paidDay1).isNotEmpty().allSatisfy(n -> assertThat(Integer.parseInt(n.substring(7))).isLessThan(next));
        assertThat(paidDay2).isNotEmpty().allSatisfy(n -> assertThat(Integer.parseInt(n.substring(7)))
                .isGreaterThanOrEqualTo(next));
        assertThat(all.keySet()).contains(paidDay2.stream().filter(n -> Integer.parseInt(n.substring(7)) <= 6_000)
                .toArray(String[]::new));
        assertThat(s2.entries()).hasSize(2_000).noneMatch(e -> refs.contains(e.ref()));
        assertThat(paidDay2).hasSizeGreaterThan(1_000);
    }

    private static Set<String> named(CamtTestReader.Statement s) {
        Pattern number = Pattern.compile("INV-BM-\\d{8}");
        Set<String> out = new HashSet<>();
        for (CamtTestReader.Entry e : s.entries()) {
            Matcher m = e.remittance() == null ? null : number.matcher(e.remittance());
            if (e.credit() && m != null && m.find()) {
                out.add(m.group());
            }
        }
        return out;
    }

    @Test
    void largeCamt053IsStreamed() throws IOException {
        CountingOutputStream out = new CountingOutputStream("<Ntry>");
        BenchmarkFiles.writeCamt053(out, 60_000, 1, BOOKING);
        assertThat(out.markers).isEqualTo(60_000);
        assertThat(out.writes).isGreaterThan(200);
        assertThat(out.largestWrite).isLessThanOrEqualTo(1 << 17);
    }
}
