package io.crmrecon.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmrecon.Api;
import io.crmrecon.IntegrationTest;
import io.crmrecon.ProcessJobs;
import io.crmrecon.ledger.Adjustments;
import io.crmrecon.ledger.Allocations;
import io.crmrecon.ledger.DocumentType;
import io.crmrecon.ledger.NewAllocation;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reports over a ledger whose figures are worked out by hand below, made once for the class. The test's
 * customers are in a currency nobody else's documents use in this database (New Zealand dollars, unless an earlier
 * run took them), so the totals per currency are theirs alone.
 *
 * <pre>
 * A  INV-1  issued 2026-08-01  due 2026-08-31  1,000.00
 * A  INV-2  issued 2026-10-01  due 2026-10-31    500.00
 * A  CN-1   issued 2026-10-10  due 2026-10-10    100.00 credit note
 * B  INV-3  issued 2026-07-01  due 2026-07-15  2,000.00, of which 800.00 paid, booked 2026-09-10
 * </pre>
 */
class ReportsIT extends IntegrationTest {

    private static final List<String> RARE = List.of("NZD", "SEK", "NOK", "DKK", "PLN", "CZK", "ZAR", "MXN", "BRL",
            "INR", "THB", "MYR", "PHP", "SGD", "ILS", "TRY", "AED", "SAR", "QAR", "EGP");
    private static String currency;
    private static String p;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Allocations allocations;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    Adjustments adjustments;
    @Autowired
    DashboardFigures figures;
    @Autowired
    MatchingReport matchingReport;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    Api manager;

    @BeforeEach
    void ledger() {
        manager = new Api(rest, "manager").language("en");
        if (p != null) {
            return;
        }
        currency = RARE.stream().filter(c -> jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE currency = ?",
                Integer.class, c) == 0).findFirst().orElseThrow();
        Api clerk = new Api(rest, "clerk");
        StringBuilder prefix = new StringBuilder("R");
        ThreadLocalRandom.current().ints(6, 'A', 'Z' + 1).forEach(c -> prefix.append((char) c));
        String p = prefix.toString();
        String accountB = "6229" + Math.abs(p.hashCode());
        ok(clerk.upload("/api/customers/import", "c.csv",
                "customer_code,name,email,currency,bank_accounts,credit_limit\n"
                + p + "A,奥克兰" + p + "贸易,a@example.nz," + currency + ",,1000.00\n"
                + p + "B,惠灵顿" + p + "物流,b@example.nz," + currency + "," + accountB + ",\n"));
        ok(clerk.upload("/api/documents/import", "d.csv",
                "document_no,customer_code,type,issue_date,due_date,currency,amount\n"
                        + p + "-INV-1," + p + "A,INVOICE,2026-08-01,2026-08-31," + currency + ",1000.00\n"
                        + p + "-INV-2," + p + "A,INVOICE,2026-10-01,2026-10-31," + currency + ",500.00\n"
                        + p + "-CN-1," + p + "A,CREDIT_NOTE,2026-10-10,2026-10-10," + currency + ",100.00\n"
                        + p + "-INV-3," + p + "B,INVOICE,2026-07-01,2026-07-15," + currency + ",2000.00\n"));
        var bank = clerk.upload("/api/bank-statements", "b.csv", "transaction_id,account,booking_date,value_date,"
                + "amount,currency,counterparty_name,counterparty_account,remittance_info\n"
                + p + "-P1,NZ0100,2026-09-10,2026-09-10,800.00," + currency + ",惠灵顿" + p + "物流," + accountB
                + ",part of " + p + "-INV-3\n");
        ok(bank);
        ProcessJobs.runWaitingRuns(management);
        ProcessJobs.runAll(runtime, management, bank.json().get("bankStatementId").asText());
        Long transaction = jdbc.queryForObject("SELECT id FROM bank_transaction WHERE bank_reference = ?", Long.class,
                p + "-P1");
        Integer applied = jdbc.queryForObject("SELECT COUNT(*) FROM allocation WHERE transaction_id = ?",
                Integer.class, transaction);
        if (applied == 0) {
            // the engine left it to a clerk: applied as the clerk would
            long invoice = jdbc.queryForObject("SELECT id FROM document WHERE document_no = ?", Long.class,
                    p + "-INV-3");
            long customer = jdbc.queryForObject("SELECT id FROM customer WHERE customer_code = ?", Long.class,
                    p + "B");
            allocations.record(List.of(new NewAllocation(transaction, invoice, customer, currency,
                    new BigDecimal("800.00"), BigDecimal.ZERO, NewAllocation.Method.MANUAL, null, null, null, null,
                    "clerk", null)));
        }
        ReportsIT.p = p;
    }

    @Test
    void ageingAsOfADayPlacesWhatWasOpenThatDayByDaysPastDue() {
        JsonNode report = ok(manager.get("/api/reports/aging?asOf=2026-10-31&currency=" + currency));
        assertThat(report.get("buckets").toString()).isEqualTo(
                "[\"current\",\"d1_30\",\"d31_60\",\"d61_90\",\"d90_plus\"]");
        assertThat(line(report.get("customers"), p + "A")).isEqualTo("500.00 -100.00 0.00 1000.00 0.00 = 1400.00");
        assertThat(line(report.get("customers"), p + "B")).isEqualTo("0.00 0.00 0.00 0.00 1200.00 = 1200.00");
        assertThat(report.get("total")).hasSize(1);
        assertThat(buckets(report.get("total").get(0))).isEqualTo("500.00 -100.00 0.00 1000.00 1200.00 = 2600.00");

        // before the payment, the credit note and INV-2: what the books said on 5 September (INV-3 52 days late)
        JsonNode early = ok(manager.get("/api/reports/aging?asOf=2026-09-05&currency=" + currency));
        assertThat(line(early.get("customers"), p + "A")).isEqualTo("0.00 1000.00 0.00 0.00 0.00 = 1000.00");
        assertThat(line(early.get("customers"), p + "B")).isEqualTo("0.00 0.00 2000.00 0.00 0.00 = 2000.00");

        JsonNode longer = ok(manager.get("/api/reports/aging?asOf=2026-10-31&buckets=30,60,90,180&currency="
                + currency));
        assertThat(longer.get("customers").get(0).has("d91_180")).isTrue();
        JsonNode b = find(longer.get("customers"), p + "B");
        assertThat(b.get("d91_180").asText()).isEqualTo("1200.00");
        assertThat(b.get("d180_plus").asText()).isEqualTo("0.00");
    }

    /**
     * The narrow table the reports sum says what the documents and their allocations say, for every customer in this
     * database (whatever the other tests wrote through the application), on any day: computed here independently,
     * from the ledger's own tables.
     */
    @Test
    void theMovementsTheReportsSumAgreeWithTheLedgerOnAnyDay() {
        // a note granted on a dispute, correcting an earlier period, of a customer of its own
        String code = p + "N" + ThreadLocalRandom.current().nextInt(1_000_000);
        ok(new Api(rest, "clerk").upload("/api/customers/import", "c.csv",
                "customer_code,name,email,currency\n" + code + ",基督城" + code + ",n@example.nz," + currency + "\n"));
        long customer = jdbc.queryForObject("SELECT id FROM customer WHERE customer_code = ?", Long.class, code);
        adjustments.post(new Adjustments.Note(code + "-CN", customer, currency, DocumentType.CREDIT_NOTE,
                new BigDecimal("12.34"), java.time.LocalDate.of(2026, 11, 3), java.time.YearMonth.of(2026, 9), null,
                "dispute"));
        String onBooks = "d.type <> 'BILL' AND (d.issue_date <= CAST(? AS DATE) OR d.adjusts_period <= CAST(? AS DATE))";
        String ledger = "SELECT x.customer_id, x.currency, x.due_date, CAST(SUM(x.amount) * 10000 AS BIGINT) AS units "
                + "FROM ("
                + "SELECT d.customer_id, d.currency, d.due_date, CASE d.type WHEN 'CREDIT_NOTE' THEN -d.amount "
                + "ELSE d.amount END AS amount FROM document d WHERE " + onBooks
                + " UNION ALL SELECT d.customer_id, d.currency, d.due_date, -(a.amount + a.writeoff) FROM allocation a "
                + "JOIN document d ON d.id = a.document_id LEFT JOIN bank_transaction t ON t.id = a.transaction_id "
                + "WHERE " + onBooks + " AND COALESCE(t.booking_date, a.value_date) <= CAST(? AS DATE)) x "
                + "GROUP BY x.customer_id, x.currency, x.due_date";
        String kept = "SELECT m.customer_id, m.currency, m.due_date, SUM(m.units) AS units FROM receivable_movement m "
                + "WHERE m.booked_on <= CAST(? AS DATE) GROUP BY m.customer_id, m.currency, m.due_date";
        for (String day : new String[] {"2026-07-15", "2026-09-05", "2026-10-31", java.time.LocalDate.now().toString(),
                "2999-12-31"}) {
            Integer missing = jdbc.queryForObject("SELECT COUNT(*) FROM ((" + ledger + ") EXCEPT (" + kept + ")) z",
                    Integer.class, day, day, day, day, day, day);
            Integer extra = jdbc.queryForObject("SELECT COUNT(*) FROM ((" + kept + ") EXCEPT (" + ledger + ")) z",
                    Integer.class, day, day, day, day, day, day);
            assertThat(missing).as("sums the movements lack on " + day).isZero();
            assertThat(extra).as("sums only the movements have on " + day).isZero();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM receivable_movement", Integer.class)).isPositive();
        // and the sums by day the DSO's trend reads are the movements' own
        String byDay = "SELECT currency, booked_on, issued, SUM(units) AS units FROM %s GROUP BY currency, "
                + "booked_on, issued HAVING SUM(units) <> 0";
        String movements = byDay.formatted("receivable_movement");
        String days = byDay.formatted("receivable_day");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ((" + movements + ") EXCEPT (" + days + ")) z",
                Integer.class)).as("day sums missing").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ((" + days + ") EXCEPT (" + movements + ")) z",
                Integer.class)).as("day sums of no movement").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM receivable_day", Integer.class)).isPositive();
    }

    @Test
    void theDashboardSumsTheLedgerAgainOnlyWhenItChanged() {
        // jobs of other tests may post meanwhile: a pair of refreshes over the same ledger is looked for
        boolean kept = false;
        for (int attempt = 0; attempt < 10 && !kept; attempt++) {
            DashboardFigures.Snapshot first = figures.workOut();
            DashboardFigures.Snapshot second = figures.workOut();
            if (first.ledger().equals(second.ledger())) {
                assertThat(second.receivables()).as("not summed again").isSameAs(first.receivables());
                assertThat(second.dso()).isSameAs(first.dso());
                kept = true;
            }
        }
        assertThat(kept).as("two refreshes over one state of the ledger").isTrue();

        // a customer of its own, so that the other tests' customers keep their figures
        String code = p + "D" + ThreadLocalRandom.current().nextInt(1_000_000);
        ok(new Api(rest, "clerk").upload("/api/customers/import", "c.csv",
                "customer_code,name,email,currency\n" + code + ",惠灵顿" + code + ",d@example.nz," + currency + "\n"));
        long customer = jdbc.queryForObject("SELECT id FROM customer WHERE customer_code = ?", Long.class, code);
        DashboardFigures.Snapshot before = figures.workOut();
        adjustments.post(new Adjustments.Note(code + "-DN", customer, currency,
                DocumentType.DEBIT_NOTE, new BigDecimal("10.00"), java.time.LocalDate.now().minusDays(3), null, null,
                "dashboard"));
        DashboardFigures.Snapshot after = figures.workOut();

        assertThat(after.ledger()).isNotEqualTo(before.ledger());
        assertThat(total(after)).as("the new debit note counts at once")
                .isEqualByComparingTo(total(before).add(new BigDecimal("10.00")));
    }

    private static BigDecimal total(DashboardFigures.Snapshot figures) {
        return figures.receivables().stream().filter(r -> r.currency().equals(currency))
                .map(DashboardFigures.CurrencyAgeing::total).findFirst().orElse(BigDecimal.ZERO);
    }

    @Test
    void theDrillDownShowsTheItemsBehindACustomersFigures() {
        JsonNode items = ok(manager.get("/api/reports/aging/" + p + "A?asOf=2026-10-31")).get("items");
        List<String> seen = new ArrayList<>();
        items.forEach(i -> seen.add(i.get("documentNo").asText() + " " + i.get("open").asText() + " "
                + i.get("daysOverdue").asInt() + " " + i.get("bucket").asText()));
        assertThat(seen).containsExactly(p + "-INV-1 1000.00 61 d61_90", p + "-CN-1 -100.00 21 d1_30",
                p + "-INV-2 500.00 0 current");
        assertThat(manager.get("/api/reports/aging/NO-SUCH-" + p).status()).isEqualTo(404);
    }

    @Test
    void dsoCountsBackThroughTheMonthsSalesPerCustomerAndPerCurrencyByMonth() {
        JsonNode report = ok(manager.get("/api/reports/dso?from=2026-08-01&to=2026-10-31"));
        JsonNode a = find(report.get("customers"), p + "A");
        // October's net 400 used up (31 days), September sold nothing (30), August covers the last 1,000 (31)
        assertThat(a.get("balance").asText()).isEqualTo("1400.00");
        assertThat(decimal(a, "dso")).isEqualByComparingTo("92.0");
        // August to October (92 days), then 1,200 of July's 2,000: 18.6 of its 31 days
        assertThat(decimal(find(report.get("customers"), p + "B"), "dso")).isEqualByComparingTo("110.6");

        List<String> months = new ArrayList<>();
        report.get("byMonth").forEach(m -> {
            if (m.get("currency").asText().equals(currency)) {
                months.add(m.get("month").asText() + " " + m.get("balance").asText() + " " + m.get("dso").asText());
            }
        });
        assertThat(months).containsExactly("2026-08 3000.00 62.0", "2026-09 2200.00 79.6", "2026-10 2600.00 110.6");
        JsonNode overall = null;
        for (JsonNode o : report.get("overall")) {
            if (o.get("currency").asText().equals(currency)) {
                overall = o;
            }
        }
        assertThat(overall).isNotNull();
        assertThat(decimal(overall, "dso")).isEqualByComparingTo("110.6");
    }

    @Test
    void theCustomersReportShowsWhatWasInvoicedPaidAndOpenAndWhoIsOverTheLimit() {
        JsonNode rows = ok(manager.get("/api/reports/customers?from=2026-07-01&to=2026-10-31")).get("customers");
        JsonNode a = find(rows, p + "A");
        assertThat(a.get("invoiced").asText()).isEqualTo("1500.00");
        assertThat(a.get("credited").asText()).isEqualTo("100.00");
        assertThat(a.get("open").asText()).isEqualTo("1400.00");
        assertThat(a.get("creditLimit").asText()).isEqualTo("1000.00");
        assertThat(a.get("atRisk").asText()).isEqualTo("true");
        assertThat(a.get("riskReasons").asText()).isEqualTo("OVER_CREDIT_LIMIT");
        JsonNode b = find(rows, p + "B");
        assertThat(b.get("invoiced").asText()).isEqualTo("2000.00");
        assertThat(b.get("paid").asText()).isEqualTo("800.00");
        assertThat(b.get("open").asText()).isEqualTo("1200.00");
        assertThat(b.get("invoicesPaid").asInt()).isZero();
        assertThat(b.get("atRisk").asText()).isEqualTo("false");
    }

    @Test
    void theMatchingReportCountsThePaymentInItsBookingMonth() {
        JsonNode report = ok(manager.get("/api/reports/matching?from=2026-09-01&to=2026-09-30"));
        JsonNode september = report.get("byMonth").get(0);
        assertThat(september.get("month").asText()).isEqualTo("2026-09");
        assertThat(september.get("transactions").asLong()).isPositive();
        assertThat(september.get("autoMatched").asLong() + september.get("matchedByClerk").asLong()).isPositive();
        // the tasks waiting, counted here from the table by whole days of waiting: under 1, 1-6, 7-29, 30 and more
        java.time.Instant now = java.time.Instant.now();
        long[] bands = new long[4];
        for (java.sql.Timestamp created : jdbc.queryForList("SELECT created_at FROM manual_match_task",
                java.sql.Timestamp.class)) {
            long days = java.time.Duration.between(created.toInstant(), now).toDays();
            bands[days < 1 ? 0 : days < 7 ? 1 : days < 30 ? 2 : 3]++;
        }
        JsonNode waiting = report.get("exceptionsWaiting").get(0);
        assertThat(List.of(waiting.get("waiting").asLong(), waiting.get("underOneDay").asLong(),
                waiting.get("oneToSevenDays").asLong(), waiting.get("sevenToThirtyDays").asLong(),
                waiting.get("overThirtyDays").asLong()))
                .containsExactly(bands[0] + bands[1] + bands[2] + bands[3], bands[0], bands[1], bands[2], bands[3]);
    }

    @Test
    void theExceptionsWaitingAreCountedByWholeDaysOfWaiting() {
        // tasks of four ages on payments of their own, in a transaction that is rolled back
        var template = new org.springframework.transaction.support.TransactionTemplate(transactions);
        template.executeWithoutResult(tx -> {
            java.time.Instant now = java.time.Instant.now();
            jdbc.update("INSERT INTO bank_statement (format, file_sha256, transactions, duplicates, imported_at) "
                    + "VALUES ('CSV', 'waiting', 4, 0, ?)", java.sql.Timestamp.from(now));
            long statement = jdbc.queryForObject("SELECT MAX(id) FROM bank_statement", Long.class);
            List<Long> free = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                jdbc.update("INSERT INTO bank_transaction (bank_statement_id, account, booking_date, amount, currency, "
                        + "dedup_key) VALUES (?, 'WAITING', DATE '2026-11-01', 1, 'CNY', ?)", statement,
                        "WAITING-" + p + "-" + i);
                free.add(jdbc.queryForObject("SELECT MAX(id) FROM bank_transaction", Long.class));
            }
            java.time.Duration[] ages = {java.time.Duration.ofHours(2), java.time.Duration.ofDays(3),
                    java.time.Duration.ofDays(10), java.time.Duration.ofDays(45)};
            for (int i = 0; i < free.size(); i++) {
                jdbc.update("INSERT INTO manual_match_task (transaction_id, process_instance_id, created_at) "
                        + "VALUES (?, 'test', ?)", free.get(i), java.sql.Timestamp.from(now.minus(ages[i])));
            }
            long[] bands = new long[4];
            for (java.sql.Timestamp created : jdbc.queryForList("SELECT created_at FROM manual_match_task",
                    java.sql.Timestamp.class)) {
                long days = java.time.Duration.between(created.toInstant(), now).toDays();
                bands[days < 1 ? 0 : days < 7 ? 1 : days < 30 ? 2 : 3]++;
            }
            MatchingReport.Waiting waiting = matchingReport.waiting();
            assertThat(List.of(waiting.waiting(), waiting.underOneDay(), waiting.oneToSevenDays(),
                    waiting.sevenToThirtyDays(), waiting.overThirtyDays()))
                    .containsExactly(bands[0] + bands[1] + bands[2] + bands[3], bands[0], bands[1], bands[2],
                            bands[3]);
            assertThat(bands[1]).as("the 3-day-old task at least").isPositive();
            assertThat(bands[2]).as("the 10-day-old task at least").isPositive();
            assertThat(waiting.oldestDays()).isGreaterThanOrEqualTo(new BigDecimal("45"));
            tx.setRollbackOnly();
        });
    }

    @Test
    void thePostingsCarryThePaymentAsTwoLinesAndEveryEntryBalances() {
        JsonNode lines = ok(manager.get("/api/postings?from=2026-09-01&to=2026-09-30")).get("lines");
        List<String> ours = new ArrayList<>();
        java.util.Map<String, BigDecimal> balance = new java.util.HashMap<>();
        for (JsonNode line : lines) {
            BigDecimal debit = line.get("debit").isNull() ? BigDecimal.ZERO : decimal(line, "debit");
            BigDecimal credit = line.get("credit").isNull() ? BigDecimal.ZERO : decimal(line, "credit");
            balance.merge(line.get("entry").asText(), debit.subtract(credit), BigDecimal::add);
            if ((p + "-INV-3").equals(line.get("documentNo").asText())) {
                ours.add(line.get("date").asText() + " " + line.get("kind").asText() + " " + line.get("account").asText()
                        + " " + line.get("debit").asText() + " " + line.get("credit").asText() + " "
                        + line.get("customerCode").asText());
            }
        }
        assertThat(ours).containsExactly("2026-09-10 PAYMENT 1002 800.00 null " + p + "B",
                "2026-09-10 PAYMENT 1122 null 800.00 " + p + "B");
        assertThat(balance.values()).allSatisfy(b -> assertThat(b).isEqualByComparingTo("0"));
    }

    @Test
    void aPeriodWithoutStatementsHasNoneAndNoRates() {
        JsonNode summary = ok(manager.get("/api/reports/reconciliation?period=1999-01")).get("summary").get(0);
        assertThat(summary.get("generated").asLong()).isZero();
        assertThat(summary.get("confirmationRate").isNull()).isTrue();
        JsonNode disputes = ok(manager.get("/api/reports/disputes?from=1999-01-01&to=1999-12-31"));
        assertThat(disputes.get("summary").get(0).get("disputes").asLong()).isZero();
    }

    @Test
    void csvAndXlsxCarryTheSameFiguresAndTheTotalRow() throws Exception {
        String csv = exchange("/api/reports/aging?asOf=2026-10-31&currency=" + currency, "text/csv", String.class)
                .getBody();
        assertThat(csv).startsWith("customerCode,customerName,currency,current,d1_30,d31_60,d61_90,d90_plus,total\r\n");
        assertThat(csv).contains(p + "A,奥克兰" + p + "贸易," + currency
                + ",500.00,-100.00,0.00,1000.00,0.00,1400.00\r\n");
        assertThat(csv).endsWith("Total,," + currency + ",500.00,-100.00,0.00,1000.00,1200.00,2600.00\r\n");
        // a download link gets a byte order mark, so that Excel reads the Chinese
        byte[] download = exchange("/api/reports/aging?asOf=2026-10-31&currency=" + currency + "&format=csv", "*/*",
                byte[].class).getBody();
        assertThat(new String(download, StandardCharsets.UTF_8)).startsWith("\uFEFFcustomerCode,");
        String months = exchange("/api/reports/dso?from=2026-08-01&to=2026-10-31&table=byMonth", "text/csv",
                String.class).getBody();
        assertThat(months).startsWith("month,currency,balance,sales,dso\r\n")
                .contains("2026-09," + currency + ",2200.00,0.00,79.6");

        ResponseEntity<byte[]> xlsx = exchange("/api/reports/aging?asOf=2026-10-31&currency=" + currency,
                ReportController.XLSX, byte[].class);
        assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).isEqualTo("aging-2026-10-31.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            var sheet = book.getSheet("customers");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Not yet due");
            int last = sheet.getLastRowNum();
            assertThat(sheet.getRow(last).getCell(0).getStringCellValue()).isEqualTo("Total");
            assertThat(sheet.getRow(last).getCell(8).getNumericCellValue()).isEqualTo(2600.0);
        }
    }

    @Test
    void wrongParametersAre400NamingTheParameterAndStrangersAreAskedToLogIn() {
        for (String[] wrong : new String[][] {{"/api/reports/aging?asOf=31.10.2026", "asOf"},
                {"/api/reports/aging?buckets=60,30", "buckets"}, {"/api/reports/aging?currency=XX", "currency"},
                {"/api/reports/aging?format=pdf", "format"}, {"/api/reports/dso?table=nope&format=csv", "table"},
                {"/api/reports/dso?from=2026-10-01&to=2026-01-01", "from"},
                {"/api/reports/reconciliation?period=2026-13", "period"}}) {
            var answer = manager.get(wrong[0]);
            assertThat(answer.status()).as(wrong[0]).isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("column").asText()).as(wrong[0]).isEqualTo(wrong[1]);
        }
        assertThat(new Api(rest, null).get("/api/reports/aging").status()).isEqualTo(401);
        assertThat(new Api(rest, "clerk").get("/api/reports/aging?currency=" + currency).status()).isEqualTo(200);
    }

    private <T> ResponseEntity<T> exchange(String path, String accept, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, accept);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        ResponseEntity<T> answer = rest.withBasicAuth("manager", "manager").exchange(path, HttpMethod.GET,
                new HttpEntity<>(headers), type);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return answer;
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Figures with decimals are strings in the API's JSON, as amounts are. */
    private static BigDecimal decimal(JsonNode row, String field) {
        return new BigDecimal(row.get(field).asText());
    }

    private static JsonNode find(JsonNode rows, String customerCode) {
        for (JsonNode row : rows) {
            if (row.get("customerCode").asText().equals(customerCode)) {
                return row;
            }
        }
        throw new AssertionError("no row of " + customerCode + " in " + rows);
    }

    private static String line(JsonNode rows, String customerCode) {
        return buckets(find(rows, customerCode));
    }

    private static String buckets(JsonNode row) {
        return row.get("current").asText() + " " + row.get("d1_30").asText() + " " + row.get("d31_60").asText() + " "
                + row.get("d61_90").asText() + " " + row.get("d90_plus").asText() + " = " + row.get("total").asText();
    }
}
