package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.ledger.LedgerHistory;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small ledger of its own (codes carry a random prefix) for statement runs, and statements stored as the
 * customerStatement process would store them; runs start a stub of that process ({@link #deployStub}), removed
 * again afterwards.
 */
final class StatementFixture {

    final String p;
    final LocalDate today;
    /** The month of the 20-day-old invoice: A has activity and a balance, B activity, D only a balance. */
    final StatementPeriod period;
    private final Api clerk;
    private final JdbcTemplate jdbc;

    StatementFixture(Api clerk, JdbcTemplate jdbc, Clock clock) {
        this.clerk = clerk;
        this.jdbc = jdbc;
        this.today = LocalDate.now(clock);
        StringBuilder letters = new StringBuilder("T");
        ThreadLocalRandom.current().ints(6, 'A', 'Z' + 1).forEach(c -> letters.append((char) c));
        p = letters.toString();
        period = new StatementPeriod(YearMonth.from(today.minusDays(20)));
    }

    /**
     * A: invoices in the period and before; B: an invoice in the period, paid by a credit note; C: nothing;
     * D: an invoice 200 days old still open (300.00 + 450.00); E: an old invoice fully credited (nothing open).
     */
    void ledger() {
        ok(clerk.upload("/api/customers/import", "c.csv", "customer_code,name,email,language\n"
                + p + "A,上海" + p + "机电设备有限公司,a@example.cn,zh-CN\n"
                + p + "B,Shenzhen " + p + " Electronics Ltd,b@example.cn,en\n"
                + p + "C,北京" + p + "无往来有限公司,c@example.cn,zh-CN\n"
                + p + "D,广州" + p + "老客户有限公司,d@example.cn,zh-CN\n"
                + p + "E,杭州" + p + "已结清有限公司,e@example.cn,zh-CN\n"));
        LocalDate inPeriod = period.first().plusDays(3);
        ok(clerk.upload("/api/documents/import", "d.csv", "document_no,customer_code,type,issue_date,currency,amount\n"
                + p + "-A1," + p + "A,INVOICE," + today.minusDays(200) + ",CNY,1000.00\n"
                + p + "-A2," + p + "A,INVOICE," + inPeriod + ",CNY,2000.00\n"
                + p + "-B1," + p + "B,INVOICE," + inPeriod + ",CNY,500.00\n"
                + p + "-B2," + p + "B,CREDIT_NOTE," + inPeriod + ",CNY,500.00\n"
                + p + "-D1," + p + "D,INVOICE," + today.minusDays(200) + ",CNY,300.00\n"
                + p + "-D2," + p + "D,INVOICE," + today.minusDays(190) + ",CNY,450.00\n"
                + p + "-E1," + p + "E,INVOICE," + today.minusDays(200) + ",CNY,80.00\n"
                + p + "-E2," + p + "E,CREDIT_NOTE," + today.minusDays(200) + ",CNY,80.00\n"));
    }

    List<String> codes() {
        return List.of(p + "A", p + "B", p + "C", p + "D", p + "E");
    }

    long customerId(String suffix) {
        return jdbc.queryForObject("SELECT id FROM customer WHERE customer_code = ?", Long.class, p + suffix);
    }

    /** A version stored as generation stores it (snapshot from the ledger, its PDF), GENERATED. */
    static Statement store(StatementRepository repository, Statements statements, StatementDocuments documents,
            StatementPdfs pdfs, LedgerHistory history, Clock clock, String statementNo, int version, long customerId, String code,
            String name, StatementPeriod period, Long runId, Locale language) {
        LedgerFacts facts = LedgerFacts.from(history.of(customerId, "CNY", period.last()), Set.of());
        StatementSnapshot snapshot = StatementCalculator.snapshot(period, "CNY", facts, null, clock.instant());
        byte[] pdf = documents.pdf(documents.view(snapshot, new StatementView.Header(statementNo, version, code, name,
                language)), language);
        Statement statement = repository.save(new Statement(statementNo, version, customerId, "CNY", period, runId,
                language, snapshot.openingBalance(), snapshot.closingBalance(), SnapshotJson.write(snapshot),
                sha256(pdf), clock.instant()));
        pdfs.store(statement.id(), pdf);
        statements.recordGenerated(statement, "system");
        return statement;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Deploys the stub customerStatement as the latest version of that key, so that the test stores the statements
     * itself whether or not the real model is deployed; {@link #removeStub} deletes it with its instances.
     */
    static String deployStub(RepositoryService repository) {
        return repository.createDeployment().name("customerStatement test stub")
                .addClasspathResource("bpmn/customerStatementStub.bpmn").deploy().getId();
    }

    static void removeStub(RepositoryService repository, String deploymentId) {
        if (deploymentId != null) {
            repository.deleteDeployment(deploymentId, true);
        }
    }

    static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
