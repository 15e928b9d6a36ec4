package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.IntegrationTest;
import io.crmrecon.ProcessJobs;
import io.crmrecon.ledger.LedgerHistory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
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
 * Statement runs on PostgreSQL: who is selected (activity or a balance, the codes asked for), numbers, batches
 * started, the counts read from the statements, a second run that skips what is still open; the API's errors; the
 * statements list and its PDF and Excel; matching that learns statement numbers.
 */
class StatementRunIT extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;
    @Autowired
    StatementRepository statementRepository;
    @Autowired
    Statements statements;
    @Autowired
    StatementDocuments documents;
    @Autowired
    StatementPdfs pdfs;
    @Autowired
    LedgerHistory history;
    @Autowired
    Clock clock;

    Api clerk;
    StatementFixture f;
    String stub;

    @BeforeEach
    void ledger() {
        clerk = new Api(rest, "clerk");
        f = new StatementFixture(clerk, jdbc, clock);
        f.ledger();
        stub = StatementFixture.deployStub(repository);
    }

    @AfterEach
    void removeStub() {
        StatementFixture.removeStub(repository, stub);
    }

    private long startRun(List<String> codes) {
        String json = "{\"period\":\"" + f.period + "\",\"customerCodes\":[\"" + String.join("\",\"", codes) + "\"]}";
        Api.Response started = clerk.postJson("/api/statement-runs", json);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long id = started.json().get("id").asLong();
        assertThat(started.headers().getLocation().toString()).endsWith("/api/statement-runs/" + id);
        assertThat(started.json().get("status").asText()).isEqualTo("RUNNING");
        ProcessJobs.runAll(runtime, management, Long.toString(id));
        return id;
    }

    private com.fasterxml.jackson.databind.JsonNode run(long id) {
        Api.Response status = clerk.get("/api/statement-runs/" + id);
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        return status.json();
    }

    private Map<String, String> numbersOf(long runId) {
        Map<String, String> numbers = new java.util.TreeMap<>();
        jdbc.query("SELECT c.customer_code, rc.statement_no FROM statement_run_customer rc JOIN customer c "
                + "ON c.id = rc.customer_id WHERE rc.statement_run_id = ? AND rc.started_at IS NOT NULL", rs -> {
                    numbers.put(rs.getString(1).substring(f.p.length()), rs.getString(2));
                }, runId);
        return numbers;
    }

    private Statement store(String suffix, String statementNo, long runId) {
        return StatementFixture.store(statementRepository, statements, documents, pdfs, history, clock, statementNo, 1,
                f.customerId(suffix), f.p + suffix, "客户" + suffix, f.period, runId,
                Locale.forLanguageTag(suffix.equals("B") ? "en" : "zh-CN"));
    }

    @Test
    void aRunSelectsWhoHasSomethingToStateStartsTheirStatementsAndCountsThemAndASecondRunSkipsWhatIsOpen() {
        long runId = startRun(f.codes());

        Map<String, String> numbers = numbersOf(runId);
        // C has nothing, E's balance is nil and it had nothing in the period
        assertThat(numbers).containsOnlyKeys("A", "B", "D");
        assertThat(new HashSet<>(numbers.values())).hasSize(3);
        numbers.values().forEach(no -> assertThat(StatementNumbers.find(no)).contains(no));
        for (var e : numbers.entrySet()) {
            ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("customerStatement")
                    .processInstanceBusinessKey(e.getValue()).singleResult();
            assertThat(runtime.getVariables(instance.getId())).containsEntry("statementRunId", runId)
                    .containsEntry("customerId", f.customerId(e.getKey())).containsEntry("currency", "CNY")
                    .containsEntry("period", f.period.toString()).containsEntry("statementNo", e.getValue());
        }
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("statementRun")
                .processInstanceBusinessKey(Long.toString(runId)).count()).as("the run does not wait").isZero();
        var counts = run(runId);
        assertThat(counts.get("status").asText()).isEqualTo("RUNNING");
        assertThat(counts.get("total").asInt()).isEqualTo(3);
        assertThat(counts.get("generated").asInt()).isZero();

        Statement a = store("A", numbers.get("A"), runId);
        Statement b = store("B", numbers.get("B"), runId);
        Statement d = store("D", numbers.get("D"), runId);
        statements.move(a.id(), StatementStatus.SENT, "system", null);
        statements.move(b.id(), StatementStatus.SENT, "system", null);
        counts = run(runId);
        assertThat(counts.get("status").asText()).isEqualTo("RUNNING");
        assertThat(counts.get("generated").asInt()).isEqualTo(3);
        assertThat(counts.get("sent").asInt()).isEqualTo(2);

        statements.move(d.id(), StatementStatus.FAILED, "system", "mail server refused");
        statements.move(a.id(), StatementStatus.CONFIRMED, "customer", null);
        counts = run(runId);
        assertThat(counts.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(counts.get("sent").asInt()).isEqualTo(2);
        assertThat(counts.get("confirmed").asInt()).isEqualTo(1);
        assertThat(counts.get("failed").asInt()).isEqualTo(1);
        assertThat(counts.get("disputed").asInt()).isZero();

        // B's statement is still open and D's failed one too: only A, whose answer is in, gets a new one
        long second = startRun(f.codes());
        var again = run(second);
        assertThat(again.get("total").asInt()).isEqualTo(1);
        assertThat(again.get("skipped").asInt()).isEqualTo(2);
        assertThat(numbersOf(second)).containsOnlyKeys("A");
        assertThat(numbersOf(second).get("A")).isNotEqualTo(numbers.get("A"));
    }

    @Test
    void aBadPeriodOrAnUnknownCustomerIsRefusedNamingTheFieldAndNothingIsStored() {
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM statement_run", Integer.class);
        Api.Response notAMonth = clerk.postJson("/api/statement-runs", "{\"period\":\"2026-13\"}");
        assertThat(notAMonth.status()).isEqualTo(400);
        assertThat(notAMonth.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(notAMonth.json().get("errors").get(0).get("column").asText()).isEqualTo("period");

        Api.Response missing = clerk.postJson("/api/statement-runs", "{}");
        assertThat(missing.status()).isEqualTo(400);

        Api.Response future = clerk.postJson("/api/statement-runs", "{\"period\":\""
                + java.time.YearMonth.from(f.today).plusMonths(2) + "\"}");
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.json().get("errors").get(0).get("column").asText()).isEqualTo("period");

        Api.Response unknown = clerk.postJson("/api/statement-runs", "{\"period\":\"" + f.period
                + "\",\"customerCodes\":[\"" + f.p + "A\",\"" + f.p + "NOBODY\"]}");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("column").asText()).isEqualTo("customerCodes");
        assertThat(unknown.json().get("errors").get(0).get("message").asText()).contains(f.p + "NOBODY");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM statement_run", Integer.class)).isEqualTo(before);
        assertThat(clerk.get("/api/statement-runs/999999999").status()).isEqualTo(404);
        assertThat(new Api(rest, "manager").postJson("/api/statement-runs", "{\"period\":\"" + f.period + "\"}")
                .status()).isEqualTo(403);
    }

    @Test
    void aClerkStartsARunFromTasklistsStartFormAndAManagerCannot() throws Exception {
        String form = "{\"variables\":{\"period\":{\"value\":\"" + f.period + "\"},\"customerCodes\":{\"value\":\""
                + f.p + "A, " + f.p + "D\"}}}";
        ResponseEntity<String> started = submit("clerk", form);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        String businessKey = new com.fasterxml.jackson.databind.ObjectMapper().readTree(started.getBody())
                .get("businessKey").asText();
        long runId = Long.parseLong(businessKey);
        assertThat(jdbc.queryForObject("SELECT requested_by FROM statement_run WHERE id = ?", String.class, runId))
                .isEqualTo("clerk");
        ProcessJobs.runAll(runtime, management, businessKey);
        assertThat(numbersOf(runId)).containsOnlyKeys("A", "D");
        assertThat(run(runId).get("total").asInt()).isEqualTo(2);

        ResponseEntity<String> wrong = submit("clerk", "{\"variables\":{\"period\":{\"value\":\"" + f.period
                + "\"},\"customerCodes\":{\"value\":\"" + f.p + "NOBODY\"}}}");
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(wrong.getBody()).contains(f.p + "NOBODY");
        assertThat(submit("manager", form).getStatusCode().value()).isEqualTo(403);
    }

    private ResponseEntity<String> submit(String user, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange("/engine-rest/process-definition/key/statementRun/submit-form",
                HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
    }

    @Test
    void statementsAreListedNewestFirstAndDownloadedAsPdfOrExcel() throws Exception {
        long runId = startRun(List.of(f.p + "A"));
        String no = numbersOf(runId).get("A");
        Statement a = store("A", no, runId);

        Api.Response list = clerk.get("/api/statements?customerCode=" + f.p + "A&period=" + f.period);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        var first = list.json().get("content").get(0);
        assertThat(first.get("statementNo").asText()).isEqualTo(no);
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("customerCode").asText()).isEqualTo(f.p + "A");
        assertThat(first.get("status").asText()).isEqualTo("GENERATED");
        assertThat(first.get("closingBalance").asText()).isEqualTo(a.closingBalance().setScale(2).toPlainString());
        assertThat(list.json().get("page").get("totalElements").asInt()).isEqualTo(1);
        // the API takes a code as it is; the staff's list also a part of the name
        String namePart = f.p + "机电"; // the client encodes it
        assertThat(clerk.get("/api/statements?customerCode=" + namePart).json().get("page").get("totalElements")
                .asInt()).isZero();
        Api.Response page = clerk.get("/statements?customer=" + namePart + "&period=" + f.period);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-statement-no=\"" + no + "\"").contains(f.p + "机电设备有限公司");
        assertThat(clerk.get("/statements?customer=" + f.p + "无此客户").body()).doesNotContain("data-statement-no=");
        assertThat(page.body()).doesNotContain("id=\"customers-cut\"");
        // a name part more customers share than the list takes: it says so instead of leaving some out unsaid
        StringBuilder many = new StringBuilder("customer_code,name,email,language\n");
        for (int i = 0; i <= StatementQueries.MAX_CUSTOMERS_BY_NAME; i++) {
            many.append(f.p).append("M").append(i).append(",杭州").append(f.p).append("连锁门店").append(i)
                    .append(",m@example.cn,zh-CN\n");
        }
        assertThat(clerk.upload("/api/customers/import", "many.csv", many.toString()).status()).isEqualTo(200);
        assertThat(clerk.get("/statements?customer=" + f.p + "连锁门店").body()).contains("id=\"customers-cut\"");
        assertThat(clerk.get("/statements?customer=" + f.p + "连锁门店1").body()).doesNotContain("id=\"customers-cut\"");

        ResponseEntity<byte[]> pdf = download(no, "application/pdf");
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
            String text = Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFKC);
            assertThat(text).contains(no).contains("对账单");
        }
        assertThat(StatementFixture.sha256(pdf.getBody())).isEqualTo(a.pdfSha256());

        ResponseEntity<byte[]> xlsx = download(no, StatementRenditions.XLSX);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = book.getSheetAt(0);
            List<String> texts = new ArrayList<>();
            BigDecimal closing = null;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING) {
                        texts.add(cell.getStringCellValue());
                    }
                }
                Cell label = row.getCell(1);
                if (label != null && label.getCellType() == CellType.STRING
                        && label.getStringCellValue().startsWith("期末余额")) {
                    closing = BigDecimal.valueOf(row.getCell(7).getNumericCellValue());
                    assertThat(row.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
                }
            }
            assertThat(texts).contains(no, "对账单");
            assertThat(closing).isEqualByComparingTo(a.closingBalance());
        }

        assertThat(download(no, "application/json").getStatusCode().value()).isEqualTo(406);
        assertThat(download("S0000-00000", "application/pdf").getStatusCode().value()).isEqualTo(404);
        assertThat(rest.withBasicAuth("clerk", "clerk").exchange("/api/statements/" + no + "?version=2",
                HttpMethod.GET, accept("application/pdf"), byte[].class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aPaymentQuotingOnlyAStatementNumberPaysThatStatementsOpenItems() {
        long runId = startRun(List.of(f.p + "D"));
        String no = numbersOf(runId).get("D");
        Statement d = store("D", no, runId);
        statements.move(d.id(), StatementStatus.SENT, "system", null);

        ProcessJobs.runWaitingRuns(management);
        String header = "transaction_id,account,booking_date,value_date,amount,currency,counterparty_name,"
                + "counterparty_account,remittance_info\n";
        Api.Response imported = clerk.upload("/api/bank-statements", "bank-" + f.p + ".csv", header
                + "ST-" + f.p + ",ACC-" + f.p + "," + f.today + "," + f.today + ",750.00,CNY,某某贸易" + f.p
                + ",99887766" + Math.abs(f.p.hashCode()) + ",对账单 " + no + "\n");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        ProcessJobs.runAll(runtime, management, imported.json().get("bankStatementId").asText());

        List<Map<String, Object>> allocations = jdbc.queryForList("SELECT d.document_no, a.amount, a.method, a.rule "
                + "FROM allocation a JOIN document d ON d.id = a.document_id JOIN bank_transaction t "
                + "ON t.id = a.transaction_id WHERE t.bank_reference = ? ORDER BY d.document_no", "ST-" + f.p);
        assertThat(allocations).extracting(m -> m.get("document_no")).containsExactly(f.p + "-D1", f.p + "-D2");
        assertThat(allocations).allSatisfy(m -> assertThat(m.get("method")).isEqualTo("AUTO"));
        assertThat(allocations).allSatisfy(m -> assertThat(m.get("rule")).isEqualTo("REFERENCE"));
    }

    private ResponseEntity<byte[]> download(String statementNo, String type) {
        return rest.withBasicAuth("clerk", "clerk").exchange("/api/statements/" + statementNo, HttpMethod.GET,
                accept(type), byte[].class);
    }

    private static HttpEntity<Void> accept(String type) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, type);
        return new HttpEntity<>(headers);
    }
}
