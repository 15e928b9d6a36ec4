package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.IntegrationTest;
import io.crmrecon.customer.CustomerBalances;
import io.crmrecon.receipts.ReceiptsFixture;
import io.crmrecon.statement.StatementSnapshot.Line;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Statements generated and stored on PostgreSQL from a ledger that imports, matching and a clerk wrote: each month
 * opens at the closing of the stored statement before it, the last closes at the balance the ledger reports itself,
 * and the PDF's hash is that of the stored PDF.
 */
class StatementGenerationIT extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    CustomerBalances balances;
    @Autowired
    StatementGeneration generation;
    @Autowired
    StatementRepository repository;
    @Autowired
    StatementPdfs pdfs;
    @Autowired
    Clock clock;

    static String number(YearMonth month) {
        return StatementNumbers.of(month, ThreadLocalRandom.current().nextLong(10_000_000, 99_999_999));
    }

    @Test
    void eachMonthContinuesTheStoredStatementBeforeItAndTheLastClosesAtTheLedger() {
        ReceiptsFixture f = new ReceiptsFixture(rest, jdbc, runtime, management, tasks);
        f.ledger();
        f.standardPayments();
        long customer = jdbc.queryForObject("SELECT id FROM customer WHERE customer_code = ?", Long.class, f.p + "A");
        LocalDate today = LocalDate.now(clock);
        YearMonth first = YearMonth.from(today.minusDays(60));
        YearMonth current = YearMonth.from(today);

        List<Statement> chain = new ArrayList<>();
        for (YearMonth m = first; m.isBefore(current); m = m.plusMonths(1)) {
            chain.add(generation.generate(request(customer, m, number(m), 1)));
        }
        // booked now with a date in a month already stated: the next statement shows it as an adjustment
        String late = f.p + "-INV-LATE";
        Api.Response posted = new Api(rest, "clerk").upload("/api/documents/import", "d.csv",
                "document_no,customer_code,type,issue_date,currency,amount\n" + late + "," + f.p
                        + "A,INVOICE," + first.atDay(1) + ",CNY,33.30\n");
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        chain.add(generation.generate(request(customer, current, number(current), 1)));

        for (int i = 0; i < chain.size(); i++) {
            Statement s = repository.findById(chain.get(i).id()).orElseThrow();
            assertThat(s.status()).isEqualTo(StatementStatus.GENERATED);
            byte[] pdf = pdfs.of(s.id()).orElseThrow();
            assertThat(pdf).startsWith("%PDF".getBytes());
            assertThat(s.pdfSha256()).isEqualTo(StatementGeneration.sha256(pdf));
            assertThat(s.processInstanceId()).isEqualTo("pi-" + s.statementNo());
            StatementSnapshot snapshot = SnapshotJson.read(s.snapshotJson());
            StatementCalculatorTest.assertBalances(snapshot);
            assertThat(s.closingBalance()).isEqualByComparingTo(snapshot.closingBalance());
            if (i > 0) {
                assertThat(s.openingBalance()).as("opening of " + s.period())
                        .isEqualByComparingTo(chain.get(i - 1).closingBalance());
            }
            assertThat(jdbc.queryForList("SELECT status FROM statement_event WHERE statement_id = ?", String.class,
                    s.id())).containsExactly("GENERATED");
        }
        Statement last = chain.get(chain.size() - 1);
        assertThat(SnapshotJson.read(last.snapshotJson()).adjustments()).extracting(Line::documentNo)
                .containsExactly(late);
        BigDecimal ledger = balances.receivableBalances(List.of(customer)).get(customer);
        assertThat(last.closingBalance()).isEqualByComparingTo(ledger).isEqualByComparingTo("2033.30");
    }

    @Test
    void aRetriedJobGetsTheStoredVersionAndAReissueSupersedesIt() {
        ReceiptsFixture f = new ReceiptsFixture(rest, jdbc, runtime, management, tasks);
        f.ledger();
        long customer = jdbc.queryForObject("SELECT id FROM customer WHERE customer_code = ?", Long.class, f.p + "B");
        YearMonth month = YearMonth.from(LocalDate.now(clock));
        String no = number(month);
        Statement v1 = generation.generate(request(customer, month, no, 1));
        Statement again = generation.generate(request(customer, month, no, 1));
        assertThat(again.id()).isEqualTo(v1.id());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM statement WHERE statement_no = ?", Integer.class, no))
                .isOne();

        Statement v2 = generation.reissue(v1.id(), "pi-" + no, null);
        assertThat(v2.statementNo()).isEqualTo(no);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(repository.findById(v1.id()).orElseThrow().status()).isEqualTo(StatementStatus.SUPERSEDED);
        assertThat(generation.reissue(v1.id(), "pi-" + no, null).id()).as("a retried reissue").isEqualTo(v2.id());
        assertThat(v2.closingBalance()).isEqualByComparingTo(balances.receivableBalances(List.of(customer))
                .get(customer));
    }

    static StatementGeneration.Request request(long customer, YearMonth month, String no, int version) {
        return new StatementGeneration.Request(null, customer, "CNY", new StatementPeriod(month), no, version,
                "pi-" + no);
    }
}
