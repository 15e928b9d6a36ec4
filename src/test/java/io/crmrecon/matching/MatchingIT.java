package io.crmrecon.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.Browser;
import io.crmrecon.IntegrationTest;
import io.crmrecon.ProcessJobs;
import io.crmrecon.TwoCustomers;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/** paymentMatching end to end on PostgreSQL: import, auto-match, tasks for the exceptions, clerks decide. */
class MatchingIT extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    org.camunda.bpm.engine.HistoryService history;

    Api clerk;
    String p;
    String accountA;
    String accountB;

    @BeforeEach
    void ledger() {
        clerk = new Api(rest, "clerk");
        TwoCustomers ledger = TwoCustomers.imported(clerk, 'M', 6, WorkbenchFixture.SHANGHAI,
                WorkbenchFixture.SHENZHEN, WorkbenchFixture.INVOICES);
        p = ledger.p;
        accountA = ledger.accountA;
        accountB = ledger.accountB;
    }

    @Test
    void autoMatchesWhatIsClearAndGivesClerksOneTaskPerException() throws Exception {
        long statement = importBank("T1," + accountA + ",2026-11-02,2026-11-02,1000.00,CNY,上海" + p + "机电,"
                + accountA + ",支付" + p + "-INV-1货款\n"
                // twins without a reference: for a clerk
                + "T2," + accountB + ",2026-11-03,2026-11-03,500.00,CNY,深圳" + p + "," + accountB + ",货款\n"
                // nobody we know
                + "T3,X,2026-11-03,2026-11-03,77.77,CNY,无名氏,999999,\n");
        ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey("paymentMatching")
                .processInstanceBusinessKey(Long.toString(statement)).singleResult();
        assertThat(pi).as("paymentMatching started by the import").isNotNull();
        runJobs(pi);

        String csv = csv("/api/allocations");
        assertThat(csv.lines().findFirst().orElseThrow())
                .startsWith("transaction_id,document_no,amount,writeoff,method,rule,confidence");
        assertThat(csv).containsPattern("T1-" + p + "," + p + "-INV-1,1000\\.00,0\\.00,AUTO,REFERENCE,0\\.\\d+");
        assertThat(clerk.get("/api/customers/" + p + "A").json().get("balance").asText()).isEqualTo("2000.00");

        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey()).taskDefinitionKey("manualMatch")
                .list();
        assertThat(open).hasSize(2);
        assertThat(open).allSatisfy(t -> assertThat(tasks.getIdentityLinksForTask(t.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("clerks")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM manual_match_task m JOIN bank_transaction t "
                + "ON t.id = m.transaction_id WHERE t.bank_statement_id = ?", Integer.class, statement)).isEqualTo(2);

        Task twins = taskFor(open, "T2-" + p);
        String suggestions = (String) tasks.getVariableLocal(twins.getId(), "suggestionsText");
        assertThat(suggestions).contains(p + "-INV-3").contains(p + "-INV-4");

        // a choice the rules forbid: 400, the task stays open
        var refused = completeViaRest("clerk", twins.getId(), "{\"documentNos\":{\"value\":\"" + p + "-NOPE\"}}");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("单据 " + p + "-NOPE 不存在", "Document " + p + "-NOPE does not exist");
        assertThat(tasks.createTaskQuery().taskId(twins.getId()).count()).isOne();
        // a manager is no candidate of a clerks' task
        assertThat(completeViaRest("manager", twins.getId(), "{}").getStatusCode().value()).isIn(403, 404);

        var done = completeViaRest("clerk", twins.getId(), "{\"documentNos\":{\"value\":\"" + p + "-INV-3\"}}");
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
        assertThat(csv("/api/allocations")).containsPattern("T2-" + p + "," + p + "-INV-3,500\\.00,0\\.00,MANUAL,,");

        // the workbench: part of a payment to a document of a customer the clerk names
        Task unknown = taskFor(open, "T3-" + p);
        var page = workbench("GET", unknown.getId(), "?customer=" + p + "A", null);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("77.77", p + "-INV-2");
        var tooMuch = workbench("POST", unknown.getId(), "", form(p + "A", p + "-INV-2", "80.00", page));
        assertThat(tooMuch.getStatusCode().value()).isEqualTo(400);
        assertThat(tooMuch.getBody()).contains("more than the payment");
        var submitted = workbench("POST", unknown.getId(), "", form(p + "A", p + "-INV-2", "70.00", page));
        // redirected back to Tasklist (followed or not, depending on the client)
        assertThat(submitted.getStatusCode().value()).isIn(302, 200);
        assertThat(tasks.createTaskQuery().taskId(unknown.getId()).count()).isZero();
        String after = csv("/api/allocations");
        assertThat(after).containsPattern("T3-" + p + "," + p + "-INV-2,70\\.00,0\\.00,MANUAL,,");
        // the rest of the payment stays on the customer's account
        assertThat(after).containsPattern("T3-" + p + ",,7\\.77,0\\.00,MANUAL,,");

        runJobs(pi);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void aReversalUndoesAnAllocationAndTheAuditTrailKeepsBoth() throws Exception {
        long statement = importBank("R1," + accountA + ",2026-11-02,2026-11-02,2000.00,CNY,上海" + p + "机电,"
                + accountA + "," + p + "-INV-2\n");
        runJobs(runtime.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(statement))
                .singleResult());
        Long id = jdbc.queryForObject("SELECT a.id FROM allocation a JOIN document d ON d.id = a.document_id "
                + "WHERE d.document_no = ?", Long.class, p + "-INV-2");
        var reversal = clerk.postJson("/api/allocations/" + id + "/reversal", "{\"note\":\"wrong customer\"}");
        assertThat(reversal.status()).isEqualTo(201);
        assertThat(clerk.postJson("/api/allocations/" + id + "/reversal", "{}").status()).isEqualTo(409);
        assertThat(csv("/api/allocations")).doesNotContain(p + "-INV-2");
        String all = csv("/api/allocations?includeReversed=true");
        assertThat(all).contains("R1-" + p + "," + p + "-INV-2,2000.00,").contains("R1-" + p + "," + p + "-INV-2,-2000.00,");
        assertThat(clerk.get("/api/customers/" + p + "A").json().get("balance").asText()).isEqualTo("3000.00");

        // the machine does not repeat what a clerk undid: the payment goes to a clerk with the match suggested
        runWaitingRuns();
        assertThat(awaitRun(clerk.postJson("/api/matching/runs", "{}"))).isEqualTo("COMPLETED");
        assertThat(csv("/api/allocations")).doesNotContain(p + "-INV-2");
        assertThat(jdbc.queryForObject("SELECT o.status FROM matching_outcome o JOIN bank_transaction t "
                + "ON t.id = o.transaction_id WHERE t.bank_reference = ? ORDER BY o.id DESC FETCH FIRST 1 ROWS ONLY",
                String.class, "R1-" + p)).isEqualTo("SUGGESTED");
    }

    private String awaitRun(Api.Response started) throws InterruptedException {
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = started.headers().getLocation().toString();
        // the run is paymentMatching's auto-match job (the job executor is off here)
        ProcessJobs.runAll(runtime, management, "run-" + started.json().get("id").asLong());
        String status = "RUNNING";
        for (int i = 0; i < 300 && status.equals("RUNNING"); i++) {
            Thread.sleep(100);
            status = clerk.get(location).json().get("status").asText();
        }
        return status;
    }

    @Test
    void aPaymentNamingAnInvoiceThatIsAlreadySettledGoesToAClerkAsAPossibleDuplicate() throws Exception {
        // one digit more than INV-1, the same amount: without knowing INV-1 is settled, a typo reading would fit
        ok(clerk.upload("/api/documents/import", "d2.csv", "document_no,customer_code,type,issue_date,currency,amount\n"
                + p + "-INV-12," + p + "A,INVOICE,2026-10-05,CNY,1000.00\n"));
        String payment = ",2026-11-02,2026-11-02,1000.00,CNY,上海" + p + "机电," + accountA + ",支付" + p + "-INV-1货款\n";
        runJobs(processOf(importBank("F1," + accountA + payment)));
        assertThat(csv("/api/allocations")).containsPattern("F1-" + p + "," + p + "-INV-1,1000\\.00,");

        runJobs(processOf(importBank("F2," + accountA + payment.replace("2026-11-02", "2026-11-09"))));
        String allocations = csv("/api/allocations");
        assertThat(allocations).doesNotContain("F2-" + p).doesNotContain(p + "-INV-12");
        assertThat(jdbc.queryForObject("SELECT o.suggestions FROM matching_outcome o JOIN bank_transaction t "
                + "ON t.id = o.transaction_id WHERE t.bank_reference = ? ORDER BY o.id DESC FETCH FIRST 1 ROWS ONLY",
                String.class, "F2-" + p)).contains(p + "-INV-1", "already settled");
    }

    @Test
    void leavingAPaymentOnTheAccountOfACustomerThatDoesNotExistIsRefused() throws Exception {
        long statement = importBank("W1,X,2026-11-03,2026-11-03,66.00,CNY,无名氏,999998,\n");
        ProcessInstance pi = processOf(statement);
        runJobs(pi);
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey()).taskDefinitionKey("manualMatch").singleResult();
        var refused = completeViaRest("clerk", task.getId(), "{\"documentNos\":{\"value\":\"\"},"
                + "\"onAccountCustomerId\":{\"value\":987654321,\"type\":\"Long\"}}");
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        // no user locale in the engine: the message in both languages
        assertThat(refused.getBody()).contains("no customer 987654321", "客户 987654321 不存在");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(csv("/api/allocations?includeReversed=true")).doesNotContain("W1-" + p);
    }

    private ProcessInstance processOf(long statement) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("paymentMatching")
                .processInstanceBusinessKey(Long.toString(statement)).singleResult();
    }

    private void runWaitingRuns() {
        ProcessJobs.runWaitingRuns(management);
    }

    @Test
    void twoRunsAskedForAtTheSameMomentStartOneTheOtherGets409WithItsLocation() throws Exception {
        runWaitingRuns();
        var ready = new java.util.concurrent.CyclicBarrier(2);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Api.Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    ready.await();
                    return clerk.postJson("/api/matching/runs", "{}");
                }));
            }
            Api.Response first = answers.get(0).get();
            Api.Response second = answers.get(1).get();
            Api.Response started = first.status() == 202 ? first : second;
            Api.Response refused = started == first ? second : first;
            assertThat(List.of(first.status(), second.status())).containsExactlyInAnyOrder(202, 409);
            assertThat(started.json().get("status").asText()).isEqualTo("RUNNING");
            String location = started.headers().getLocation().toString();
            assertThat(location).endsWith("/api/matching/runs/" + started.json().get("id").asLong());
            assertThat(refused.headers().getLocation().toString()).isEqualTo(location);
            assertThat(refused.json().get("runId").asLong()).isEqualTo(started.json().get("id").asLong());

            // an import's run waiting for its turn is a run that is going too
            long statement = importBank("T9,X,2026-11-03,2026-11-03,12.34,CNY,某某,555555,\n");
            var whileQueued = clerk.postJson("/api/matching/runs", "{}");
            assertThat(whileQueued.status()).isEqualTo(409);
            assertThat(awaitRun(started)).isEqualTo("COMPLETED");
            var body = clerk.get(location).json();
            assertThat(body.has("transactions") && body.has("autoMatched") && body.has("suggested")
                    && body.has("unmatched")).isTrue();
            ProcessJobs.runAll(runtime, management, Long.toString(statement));
            assertThat(awaitRun(clerk.postJson("/api/matching/runs", "{}"))).isEqualTo("COMPLETED");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRunWhoseJobFailsStaysRunningWhileRetriedAndIsFailedOnlyWithTheIncident() throws Exception {
        runWaitingRuns();
        var started = clerk.postJson("/api/matching/runs", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long runId = started.json().get("id").asLong();
        String location = started.headers().getLocation().toString();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey("run-" + runId)
                .singleResult();
        var job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
        // the run cannot complete: whatever it did is rolled back with its job
        jdbc.execute("ALTER TABLE matching_run ADD CONSTRAINT ck_test_no_completion CHECK (status <> 'COMPLETED' "
                + "OR id <> " + runId + ") NOT VALID");
        try {
            for (int attempt = 1; attempt <= 3; attempt++) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException expected) {
                    // the job executor's retry (R3)
                }
                if (attempt < 3) {
                    assertThat(clerk.get(location).json().get("status").asText()).isEqualTo("RUNNING");
                }
            }
            assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isOne();
            // Cockpit shows what to do first, in both languages, then the error itself
            String incident = runtime.createIncidentQuery().processInstanceId(pi.getId()).singleResult()
                    .getIncidentMessage();
            String error = management.createJobQuery().jobId(job.getId()).singleResult().getExceptionMessage();
            assertThat(incident).startsWith("核销运行中断").contains(" / The matching run stopped")
                    .contains("then Retry").contains(error.substring(0, Math.min(120, error.length())));
            var failed = clerk.get(location).json();
            assertThat(failed.get("status").asText()).isEqualTo("FAILED");
            assertThat(failed.get("error").asText()).isNotBlank();
        } finally {
            jdbc.execute("ALTER TABLE matching_run DROP CONSTRAINT ck_test_no_completion");
        }
        // retried in Cockpit: going again, and it completes
        management.setJobRetries(job.getId(), 1);
        assertThat(clerk.get(location).json().get("status").asText()).isEqualTo("RUNNING");
        management.executeJob(job.getId());
        assertThat(clerk.get(location).json().get("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void aPaymentBeforeItsInvoiceIsMatchedWhenTheInvoiceIsImportedAndItsTaskEndsByItself() throws Exception {
        runWaitingRuns();
        // the customer pays an invoice that is not in the ledger yet: a clerk's task
        var bank = importBankResponse("L1," + accountA + ",2026-11-05,2026-11-05,880.00,CNY,上海" + p + "机电,"
                + accountA + ",支付" + p + "-INV-9货款\n");
        long statement = bank.json().get("bankStatementId").asLong();
        long bankRun = bank.json().get("matchingRunId").asLong();
        assertThat(bank.json().get("matchingRunUrl").asText()).isEqualTo("/api/matching/runs/" + bankRun);
        runJobs(processOf(statement));
        assertThat(clerk.get("/api/matching/runs/" + bankRun).json().get("status").asText()).isEqualTo("COMPLETED");
        Long transactionId = jdbc.queryForObject("SELECT id FROM bank_transaction WHERE bank_reference = ?",
                Long.class, "L1-" + p);
        String taskId = jdbc.queryForObject("SELECT task_id FROM manual_match_task WHERE transaction_id = ?",
                String.class, transactionId);
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task).as("the task id stored with the transaction's task").isNotNull();
        assertThat(((Number) tasks.getVariable(taskId, "transactionId")).longValue()).isEqualTo(transactionId);

        // the invoice arrives: the import starts a run, names it, and the run settles the payment
        var documents = clerk.upload("/api/documents/import", "late.csv",
                "document_no,customer_code,type,issue_date,currency,amount\n"
                        + p + "-INV-9," + p + "A,INVOICE,2026-10-20,CNY,880.00\n");
        ok(documents);
        long runId = documents.json().get("matchingRunId").asLong();
        assertThat(documents.json().get("matchingRunUrl").asText()).isEqualTo("/api/matching/runs/" + runId);
        assertThat(clerk.get("/api/matching/runs/" + runId).json().get("status").asText()).isEqualTo("RUNNING");
        // the run's job first: the run is done, the task ends in the step after it, a job of its own
        String runInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("run-" + runId)
                .singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(runInstance).activityId("autoMatch")
                .singleResult().getId());
        assertThat(clerk.get("/api/matching/runs/" + runId).json().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isOne();
        assertThat(management.createJobQuery().processInstanceId(runInstance).activityId("endSettledTasks").count())
                .isOne();
        ProcessJobs.runAll(runtime, management, "run-" + runId);
        assertThat(csv("/api/allocations")).containsPattern("L1-" + p + "," + p + "-INV-9,880\\.00,0\\.00,AUTO,");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(runInstance)
                .variableName("ranTheRun").singleResult().getValue()).isEqualTo(true);

        // the clerk's task ended by itself, and its history says which run matched the payment
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM manual_match_task WHERE transaction_id = ?",
                Integer.class, transactionId)).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(taskId).variableName("settledByRun")
                .singleResult().getValue()).isEqualTo(runId);
        assertThat(history.createHistoricActivityInstanceQuery().activityId("settled")
                .processInstanceId(task.getProcessInstanceId()).count()).isOne();
    }

    @Test
    void documentsPostedOneAtATimeJoinTheRunThatHasNotBegunInsteadOfQueuingOneEach() throws Exception {
        runWaitingRuns();
        var bank = importBankResponse("Q1," + accountA + ",2026-11-06,2026-11-06,310.00,CNY,上海" + p + "机电,"
                + accountA + ",支付" + p + "-INV-31货款\n"
                + "Q2," + accountA + ",2026-11-06,2026-11-06,320.00,CNY,上海" + p + "机电," + accountA + ",支付"
                + p + "-INV-32货款\n");
        runJobs(processOf(bank.json().get("bankStatementId").asLong()));

        var first = clerk.upload("/api/documents/import", "one.csv",
                "document_no,customer_code,type,issue_date,currency,amount\n" + p + "-INV-31," + p
                        + "A,INVOICE,2026-10-21,CNY,310.00\n");
        ok(first);
        long runId = first.json().get("matchingRunId").asLong();
        var second = clerk.upload("/api/documents/import", "two.csv",
                "document_no,customer_code,type,issue_date,currency,amount\n" + p + "-INV-32," + p
                        + "A,INVOICE,2026-10-22,CNY,320.00\n");
        ok(second);
        assertThat(second.json().get("matchingRunId").asLong()).as("joined the run that has not begun")
                .isEqualTo(runId);

        ProcessJobs.runAll(runtime, management, "run-" + runId);
        assertThat(clerk.get("/api/matching/runs/" + runId).json().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(csv("/api/allocations")).containsPattern("Q1-" + p + "," + p + "-INV-31,310\\.00,0\\.00,AUTO,")
                .containsPattern("Q2-" + p + "," + p + "-INV-32,320\\.00,0\\.00,AUTO,");

        // once a run has begun, the next import queues a run of its own
        importBankResponse("Q3," + accountA + ",2026-11-07,2026-11-07,330.00,CNY,某" + p + ",000,货款\n");
        var third = clerk.upload("/api/documents/import", "three.csv",
                "document_no,customer_code,type,issue_date,currency,amount\n" + p + "-INV-33," + p
                        + "A,INVOICE,2026-10-23,CNY,330.00\n");
        ok(third);
        assertThat(third.json().get("matchingRunId").asLong()).isNotEqualTo(runId);
        runWaitingRuns();
    }

    @Test
    void twoRunsHandingOutTheSameExceptionsAtOnceGiveEachTransactionOneTask() throws Exception {
        runWaitingRuns();
        long statement = importBank("H1,X,2026-11-03,2026-11-03,41.00,CNY,某甲,444441,\n"
                + "H2,X,2026-11-03,2026-11-03,42.00,CNY,某乙,444442,\n");
        ProcessInstance pi = processOf(statement);
        // the statement's run; its batch is not handed out yet
        management.executeJob(management.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
        // a run over everything finds the same exceptions without a task and hands them out too
        var started = clerk.postJson("/api/matching/runs", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        ProcessJobs.runAll(runtime, management, "run-" + started.json().get("id").asLong());
        var handOuts = runtime.createProcessInstanceQuery().processDefinitionKey("paymentMatching")
                .processInstanceBusinessKey(Long.toString(statement)).count();
        assertThat(handOuts).isEqualTo(2);
        // both hand-outs' jobs up to their batches, then the batches side by side
        for (int round = 0; round < 3; round++) {
            jobsOf(statement).stream().filter(j -> !isBatchStart(j)).forEach(j -> management.executeJob(j.getId()));
        }
        var batches = jobsOf(statement);
        assertThat(batches).hasSize(2).allSatisfy(j -> assertThat(isBatchStart(j)).isTrue());
        var ready = new java.util.concurrent.CyclicBarrier(2);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (var job : batches) {
                done.add(pool.submit(() -> {
                    ready.await();
                    management.executeJob(job.getId());
                    return null;
                }));
            }
            for (var each : done) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (String ref : List.of("H1-" + p, "H2-" + p)) {
            Long transactionId = jdbc.queryForObject("SELECT id FROM bank_transaction WHERE bank_reference = ?",
                    Long.class, ref);
            long open = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(statement))
                    .taskDefinitionKey("manualMatch").list().stream()
                    .filter(t -> transactionId.equals(((Number) tasks.getVariable(t.getId(), "transactionId"))
                            .longValue())).count();
            assertThat(open).as(ref).isOne();
        }
        assertThat(jobsOf(statement)).allSatisfy(j -> assertThat(j.getExceptionMessage()).isNull());
    }

    private List<org.camunda.bpm.engine.runtime.Job> jobsOf(long statement) {
        List<org.camunda.bpm.engine.runtime.Job> jobs = new java.util.ArrayList<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(Long.toString(statement)).list()) {
            jobs.addAll(management.createJobQuery().processInstanceId(instance.getId()).executable().list());
        }
        return jobs;
    }

    private boolean isBatchStart(org.camunda.bpm.engine.runtime.Job job) {
        return management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
                .getActivityId().startsWith("clerkBatch");
    }

    @Test
    void twoReversalsOfOneAllocationAtTheSameMomentReverseItOnceTheOtherGets409() throws Exception {
        long statement = importBank("R2," + accountB + ",2026-11-02,2026-11-02,500.00,CNY,深圳" + p + ","
                + accountB + "," + p + "-INV-3\n");
        runJobs(processOf(statement));
        Long id = jdbc.queryForObject("SELECT a.id FROM allocation a JOIN document d ON d.id = a.document_id "
                + "WHERE d.document_no = ?", Long.class, p + "-INV-3");
        var ready = new java.util.concurrent.CyclicBarrier(2);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Api.Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    ready.await();
                    return clerk.postJson("/api/allocations/" + id + "/reversal", "{}");
                }));
            }
            assertThat(List.of(answers.get(0).get().status(), answers.get(1).get().status()))
                    .containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM allocation WHERE reverses_id = ?", Integer.class, id))
                .isOne();
    }

    @Test
    void aClerkAllocatesPartOfAPaymentInTheWorkbenchInARealBrowser() throws Exception {
        WebDriver browser = Browser.start();
        try {
            long statement = importBank("W1,X,2026-11-03,2026-11-03,150.00,CNY,某贸易公司,888888,转账\n");
            ProcessInstance pi = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(Long.toString(statement)).singleResult();
            runJobs(pi);
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey()).singleResult();

            Browser.logIn(browser, "http://localhost:" + port, "clerk");
            browser.get("http://localhost:" + port + "/matching/workbench/" + task.getId() + "?customer=" + p + "A");
            assertThat(browser.findElement(By.id("amount")).getText()).isEqualTo("150.00");

            List<WebElement> amounts = browser.findElements(By.cssSelector("input[name=amount]"));
            assertThat(amounts).hasSize(2);
            amounts.get(0).sendKeys("100.00");
            // the running remainder follows what the clerk types
            assertThat(browser.findElement(By.id("remainder")).getText()).isEqualTo("50.00");
            Browser.screenshot(browser, "matching-workbench");
            browser.findElement(By.cssSelector("#allocate button[type=submit]")).click();
            try {
                new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                        .until(d -> d.getCurrentUrl().contains("/camunda/app/"));
            } catch (org.openqa.selenium.TimeoutException e) {
                Browser.screenshot(browser, "matching-workbench-after-submit");
                throw new AssertionError("still at " + browser.getCurrentUrl() + ": " + browser.getPageSource(), e);
            }

            assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
            String csv = csv("/api/allocations");
            assertThat(csv).containsPattern("W1-" + p + "," + p + "-INV-1,100\\.00,0\\.00,MANUAL,,")
                    .containsPattern("W1-" + p + ",,50\\.00,0\\.00,MANUAL,,");
        } finally {
            browser.quit();
        }
    }

    @Test
    void tasklistShowsTheManualMatchFormWithTheTransactionAndTheWorkbenchLink() throws Exception {
        WebDriver browser = Browser.start("zh-CN,zh");
        try {
            long statement = importBank("F1,X,2026-11-03,2026-11-03,321.09,CNY,表单测试商贸公司,777777,转账\n");
            ProcessInstance pi = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(Long.toString(statement)).singleResult();
            runJobs(pi);
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey()).singleResult();

            browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
            var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(30));
            wait.until(d -> !d.findElements(By.cssSelector("input[type=password]")).isEmpty());
            browser.findElement(By.cssSelector("input[type=text], input:not([type])")).sendKeys("clerk");
            browser.findElement(By.cssSelector("input[type=password]")).sendKeys("clerk");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            try {
                // the form itself, not only the task's name: it says to claim first and links onwards
                wait.until(d -> d.findElement(By.tagName("body")).getText().contains("先认领任务"));
            } catch (org.openqa.selenium.TimeoutException e) {
                Browser.screenshot(browser, "tasklist-manual-match-timeout");
                throw new AssertionError(browser.findElement(By.tagName("body")).getText(), e);
            }
            Browser.screenshot(browser, "tasklist-manual-match");
            String text = browser.findElement(By.tagName("body")).getText();
            assertThat(text).contains("表单测试商贸公司", "单据号 Document numbers", "Claim the task first",
                    "非客户款项 Not a customer's payment", "客户未识别 · customer not identified");
            assertThat(browser.findElements(By.cssSelector("a[href$='/receipts/unapplied']"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("a[href*='/matching/workbench/" + task.getId() + "']")))
                    .isNotEmpty();
        } finally {
            browser.quit();
        }
    }

    private long importBank(String lines) {
        return importBankResponse(lines).json().get("bankStatementId").asLong();
    }

    private Api.Response importBankResponse(String lines) {
        String header = "transaction_id,account,booking_date,value_date,amount,currency,counterparty_name,"
                + "counterparty_account,remittance_info\n";
        // bank references unique per test
        String body = lines.replaceAll("(?m)^([TRWFLHQ]\\d),", "$1-" + p + ",");
        var response = clerk.upload("/api/bank-statements", "bank.csv", header + body);
        ok(response);
        return response;
    }

    /** Runs the jobs of the statement's paymentMatching and of the batches it called, until none is left. */
    private void runJobs(ProcessInstance pi) {
        ProcessJobs.runAll(runtime, management, pi.getBusinessKey());
    }

    private Task taskFor(List<Task> candidates, String bankReference) {
        Long transactionId = jdbc.queryForObject("SELECT id FROM bank_transaction WHERE bank_reference = ?",
                Long.class, bankReference);
        List<Task> open = tasks.createTaskQuery().taskIdIn(candidates.stream().map(Task::getId).toArray(String[]::new))
                .list();
        return open.stream().filter(t -> transactionId.equals(
                ((Number) tasks.getVariable(t.getId(), "transactionId")).longValue())).findFirst().orElseThrow();
    }

    private ResponseEntity<String> completeViaRest(String user, String taskId, String variables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).exchange("/engine-rest/task/" + taskId + "/complete", HttpMethod.POST,
                new HttpEntity<>("{\"variables\":" + variables + "}", headers), String.class);
    }

    private String csv(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        var response = rest.withBasicAuth("clerk", "clerk").exchange(path, HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    /** A browser's form post: the session cookie and CSRF token of the page it came from. */
    private LinkedMultiValueMap<String, String> form(String customer, String documentNo, String amount,
            ResponseEntity<String> page) {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(token.find()).isTrue();
        form.add("_csrf", token.group(1));
        form.add("customer", customer);
        form.add("documentNo", documentNo);
        form.add("amount", amount);
        form.add("writeOff", "");
        form.add("__cookie", page.getHeaders().getFirst(HttpHeaders.SET_COOKIE));
        return form;
    }

    private String cookie;

    private ResponseEntity<String> workbench(String method, String taskId, String query,
            LinkedMultiValueMap<String, String> form) {
        HttpHeaders headers = new HttpHeaders();
        // the page speaks the browser's language: English here, so the assertions read the English texts
        headers.add(HttpHeaders.ACCEPT_LANGUAGE, "en");
        if (form != null) {
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            form.remove("__cookie");
        }
        if (cookie != null) {
            headers.add(HttpHeaders.COOKIE, cookie);
        }
        ResponseEntity<String> response = rest.withBasicAuth("clerk", "clerk").exchange(
                "/matching/workbench/" + taskId + query, HttpMethod.valueOf(method), new HttpEntity<>(form, headers),
                String.class);
        String set = response.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
        if (set != null) {
            cookie = set.split(";", 2)[0];
        }
        return response;
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
