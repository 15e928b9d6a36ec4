package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.IntegrationTest;
import io.crmrecon.ProcessJobs;
import io.crmrecon.customer.CustomerBalances;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * From a customer's "this is wrong" to money in the bank, on PostgreSQL with the real processes, mail server and
 * matching: the dispute, the clerk's credit note and the manager's approval, the new version confirmed, the
 * settlement's payment request, a bank file that pays it, matching, SETTLED — the ledger checked at each step. Then
 * the two other ends of a settlement: netting a customer's bills, and refunding a credit.
 */
class DisputeToSettlementIT extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    StatementRepository statements;
    @Autowired
    CustomerBalances balances;
    @Autowired
    io.crmrecon.ledger.LedgerHistory ledgerHistory;
    @Autowired
    Clock clock;

    Api clerk;
    Api manager;
    StatementFixture f;
    StatementJourney journey;
    LocalDate inPeriod;

    @BeforeEach
    void ledger() {
        clerk = new Api(rest, "clerk");
        manager = new Api(rest, "manager");
        f = new StatementFixture(clerk, jdbc, clock);
        journey = new StatementJourney(rest, jdbc, runtime, management, clerk, f);
        inPeriod = f.period.first().plusDays(3);
        StatementFixture.ok(clerk.upload("/api/customers/import", "c.csv",
                "customer_code,name,email,language,bank_accounts,netting_allowed\n"
                        + f.p + "S,Suzhou " + f.p + " Tools Ltd,s@example.cn,en,62220200" + Math.abs(f.p.hashCode() % 100000)
                        + ",false\n"
                        + f.p + "N,宁波" + f.p + "互供有限公司,n@example.cn,zh-CN,,true\n"
                        + f.p + "R,Rizhao " + f.p + " Trading Ltd,r@example.cn,en,,false\n"
                        + f.p + "P,Putian " + f.p + " Foods Ltd,p@example.cn,en,62220300" + Math.abs(f.p.hashCode() % 100000)
                        + ",false\n"));
        StatementFixture.ok(clerk.upload("/api/documents/import", "d.csv",
                "document_no,customer_code,type,issue_date,currency,amount\n"
                        + f.p + "-S1," + f.p + "S,INVOICE," + inPeriod + ",CNY,20000.00\n"
                        + f.p + "-S2," + f.p + "S,INVOICE," + inPeriod + ",CNY,12000.00\n"
                        + f.p + "-N1," + f.p + "N,INVOICE," + inPeriod + ",CNY,8000.00\n"
                        + f.p + "-NB1," + f.p + "N,BILL," + inPeriod + ",CNY,3000.00\n"
                        + f.p + "-R1," + f.p + "R,INVOICE," + inPeriod + ",CNY,1000.00\n"
                        + f.p + "-R2," + f.p + "R,CREDIT_NOTE," + inPeriod + ",CNY,1500.00\n"
                        + f.p + "-P1," + f.p + "P,INVOICE," + inPeriod + ",CNY,4000.00\n"));
    }

    BigDecimal receivable(String customer) {
        long id = f.customerId(customer);
        return balances.receivableBalances(List.of(id)).getOrDefault(id, BigDecimal.ZERO);
    }

    Map<String, Object> settlement(String settlementNo) {
        return jdbc.queryForMap("SELECT status, receivables, netted, net_amount, due_date, process_instance_id "
                + "FROM settlement WHERE settlement_no = ?", settlementNo);
    }

    String confirmedAndSettling(String customer, String address) throws Exception {
        String statementNo = journey.runAndSend(customer);
        String token = StatementJourney.token(StatementJourney.onlyMailTo(address, statementNo));
        ResponseEntity<String> confirmed = journey.post("/s/" + token + "/confirm", new LinkedMultiValueMap<>());
        assertThat(confirmed.getStatusCode().value()).isIn(200, 302, 303);
        ProcessJobs.runAll(runtime, management, statementNo);
        ProcessJobs.runAll(runtime, management, "SET-" + statementNo);
        return statementNo;
    }

    @Test
    void aDisputedStatementIsAdjustedConfirmedRequestedPaidMatchedAndSettled() throws Exception {
        String statementNo = journey.runAndSend("S");
        Statement first = statements.findFirstByStatementNoOrderByVersionDesc(statementNo).orElseThrow();
        assertThat(first.closingBalance()).isEqualByComparingTo("32000.00").isEqualByComparingTo(receivable("S"));

        // the customer disputes S1: it ordered less
        String oldToken = StatementJourney.token(StatementJourney.onlyMailTo("s@example.cn", statementNo));
        MultiValueMap<String, String> dispute = new LinkedMultiValueMap<>();
        dispute.add("documentNo", f.p + "-S1");
        dispute.add("reason", "AMOUNT_WRONG");
        dispute.add("comment", "Only 70 of the 100 units arrived.");
        dispute.add("claimedAmount_" + f.p + "-S1", "14000.00");
        assertThat(journey.post("/s/" + oldToken + "/dispute", dispute).getStatusCode().value()).isIn(200, 302, 303);
        ProcessJobs.runAll(runtime, management, statementNo);
        String disputeNo = statementNo + "-D1";

        // the clerk accepts with a credit note above the clerks' limit: a manager approves
        String investigate = journey.taskOf(disputeNo, "investigateDispute");
        Api.Response proposed = clerk.postJson("/engine-rest/task/" + investigate + "/submit-form",
                "{\"variables\":{\"resolution\":{\"value\":\"ACCEPT\"},\"adjustmentAmount\":{\"value\":\"6000.00\"},"
                        + "\"resolutionNote\":{\"value\":\"30 units short on delivery note 4471.\"}}}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(204);
        String approve = journey.taskOf(disputeNo, "approveAdjustment");
        Api.Response approved = manager.postJson("/engine-rest/task/" + approve + "/submit-form",
                "{\"variables\":{\"approved\":{\"value\":true}}}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);
        ProcessJobs.runAll(runtime, management, disputeNo);
        ProcessJobs.runAll(runtime, management, statementNo);
        assertThat(receivable("S")).isEqualByComparingTo("26000.00");

        // the new version carries the note, and the customer confirms it
        Statement second = statements.findFirstByStatementNoOrderByVersionDesc(statementNo).orElseThrow();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.closingBalance()).isEqualByComparingTo(receivable("S"));
        List<MimeMessage> mails = StatementJourney.mailsAbout("s@example.cn", statementNo);
        assertThat(mails).hasSize(2);
        String newToken = StatementJourney.token(mails.get(1));
        // the new version's page says what it replaces and why, before the customer answers
        assertThat(jdbc.queryForList("SELECT a.close_note FROM statement_answer a JOIN statement s ON s.id = a.statement_id "
                + "WHERE s.statement_no = ? AND s.version = 1", String.class, statementNo))
                .containsExactly("30 units short on delivery note 4471.");
        assertThat(rest.getForEntity("/s/" + newToken, String.class).getBody())
                .contains("This statement replaces version 1", "30 units short on delivery note 4471.");
        assertThat(journey.post("/s/" + newToken + "/confirm", new LinkedMultiValueMap<>()).getStatusCode().value())
                .isIn(200, 302, 303);
        ProcessJobs.runAll(runtime, management, statementNo);

        // settlement: what the confirmed version says is owed, a payment request with its PDF
        String settlementNo = "SET-" + statementNo;
        ProcessJobs.runAll(runtime, management, settlementNo);
        Map<String, Object> opened = settlement(settlementNo);
        assertThat(opened.get("status")).isEqualTo("OPEN");
        assertThat((BigDecimal) opened.get("net_amount")).isEqualByComparingTo(second.closingBalance());
        assertThat(LocalDate.parse(opened.get("due_date").toString())).isAfterOrEqualTo(LocalDate.now(clock)
                .plusDays(7));
        List<MimeMessage> requests = StatementJourney.mailsAbout("s@example.cn", settlementNo);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).getSubject()).contains(settlementNo).contains("26,000.00");
        String text = String.join("\n", StatementJourney.texts(requests.get(0)));
        assertThat(text).contains(f.p + "-S1", f.p + "-S2", "CN-" + disputeNo, statementNo);
        assertThat(attachmentNames(requests.get(0))).containsExactly(statementNo + "-v2.pdf");
        String instance = (String) opened.get("process_instance_id");
        assertThat(runtime.createEventSubscriptionQuery().processInstanceId(instance).eventName("settlementPaid")
                .count()).isOne();

        // the money arrives: a bank file, matched like any other
        String account = jdbc.queryForObject("SELECT account_no FROM customer_bank_account b JOIN customer c "
                + "ON c.id = b.customer_id WHERE c.customer_code = ?", String.class, f.p + "S");
        Api.Response imported = clerk.upload("/api/bank-statements", "bank-" + f.p + ".csv",
                "transaction_id,account,booking_date,value_date,amount,currency,counterparty_name,"
                        + "counterparty_account,remittance_info\n"
                        + "PAY-" + f.p + ",31000001," + LocalDate.now(clock) + "," + LocalDate.now(clock)
                        + ",26000.00,CNY,Suzhou " + f.p + " Tools Ltd," + account + ",Payment " + statementNo + " "
                        + f.p + "-S1 " + f.p + "-S2\n");
        StatementFixture.ok(imported);
        String bankStatementId = imported.json().get("bankStatementId").asText();
        ProcessJobs.runAll(runtime, management, bankStatementId);

        // the matching side told the settlement in the same commit; closing it is one job
        ProcessJobs.runAll(runtime, management, settlementNo);
        assertThat(settlement(settlementNo).get("status")).isEqualTo("SETTLED");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
                .getEndActivityId()).isEqualTo("settled");
        assertThat(receivable("S")).isEqualByComparingTo("0.00");
        assertThat(journey.status("S")).isEqualTo("SETTLED");
        // matching found the payment by itself: the statement number and the invoices the customer quoted
        assertThat(jdbc.queryForList("SELECT a.method FROM allocation a JOIN bank_transaction t "
                + "ON t.id = a.transaction_id WHERE t.bank_reference = ?", String.class, "PAY-" + f.p))
                .isNotEmpty().containsOnly("AUTO");
        assertThat(jdbc.queryForList("SELECT e.action FROM settlement_event e JOIN settlement s "
                + "ON s.id = e.settlement_id WHERE s.settlement_no = ? ORDER BY e.id", String.class, settlementNo))
                .containsExactly("OPENED", "REQUESTED", "SETTLED");

        // the statement's staff page tells the whole story: who decided what on the dispute, and the settlement
        Api.Response page = manager.language("en").get("/statements/" + statementNo);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(disputeNo, "Proposed: accept", "Adjustment approved", "Note posted",
                "CN-" + disputeNo, "30 units short on delivery note 4471.", settlementNo, "Payment requested",
                "Settled", "CNY 26,000.00");
        assertThat(manager.language("zh-CN").get("/statements/" + statementNo).body())
                .contains("异议与结算", "调整已批准", "已结清");
    }

    @Test
    void aCustomerThatAllowsItHasItsBillsNettedAndIsAskedForTheRest() throws Exception {
        String statementNo = confirmedAndSettling("N", "n@example.cn");
        String settlementNo = "SET-" + statementNo;
        Map<String, Object> s = settlement(settlementNo);
        assertThat((BigDecimal) s.get("receivables")).isEqualByComparingTo("8000.00");
        assertThat((BigDecimal) s.get("netted")).isEqualByComparingTo("3000.00");
        assertThat((BigDecimal) s.get("net_amount")).isEqualByComparingTo("5000.00");
        // the netting is a pair of allocations the ledger shows: receivables and payables both down by 3,000
        assertThat(jdbc.queryForList("SELECT d.document_no FROM allocation a JOIN document d ON d.id = a.document_id "
                + "WHERE a.rule = 'NETTING' AND d.customer_id = ? ORDER BY d.document_no", String.class,
                f.customerId("N"))).containsExactly(f.p + "-N1", f.p + "-NB1");
        long id = f.customerId("N");
        // the allocations export is cash applied: a netting shows only when asked for
        assertThat(clerk.get("/api/allocations").body()).doesNotContain(f.p + "-NB1");
        assertThat(clerk.get("/api/allocations?includeNettings=true").body()).contains(f.p + "-NB1", "NETTING");
        assertThat(receivable("N")).isEqualByComparingTo("5000.00");
        assertThat(balances.payableBalances(List.of(id)).get(id)).isEqualByComparingTo("0.00");
        MimeMessage request = StatementJourney.onlyMailTo("n@example.cn", settlementNo);
        assertThat(String.join("\n", StatementJourney.texts(request))).contains("3,000.00", "5,000.00", "抵销");

        // this month's statement shows the netting on both sides and closes where the ledger stands
        StatementSnapshot netted = thisMonthsStatement(id);
        assertThat(netted.lines()).extracting(StatementSnapshot.Line::kind).contains(StatementSnapshot.LineKind.NETTING);
        assertThat(netted.closingBalance()).isEqualByComparingTo(receivable("N"));
        assertThat(netted.payablesBalance()).isEqualByComparingTo("0.00");

        // undoing the netting undoes both sides: receivables and payables are back where they were
        long receivableSide = jdbc.queryForObject("SELECT a.id FROM allocation a JOIN document d ON d.id = a.document_id "
                + "WHERE a.rule = 'NETTING' AND d.document_no = ?", Long.class, f.p + "-N1");
        Api.Response reversed = clerk.postJson("/api/allocations/" + receivableSide + "/reversal",
                "{\"note\":\"netted by mistake\"}");
        assertThat(reversed.status()).as(reversed.body()).isIn(200, 201);
        assertThat(receivable("N")).isEqualByComparingTo("8000.00");
        assertThat(balances.payableBalances(List.of(id)).get(id)).isEqualByComparingTo("3000.00");
        StatementSnapshot undone = thisMonthsStatement(id);
        assertThat(undone.closingBalance()).isEqualByComparingTo("8000.00");
        assertThat(undone.payablesBalance()).isEqualByComparingTo("3000.00");
        assertThat(undone.payables()).extracting(StatementSnapshot.Line::kind)
                .contains(StatementSnapshot.LineKind.NETTING, StatementSnapshot.LineKind.NETTING_REVERSAL);
    }

    private StatementSnapshot thisMonthsStatement(long customerId) {
        StatementPeriod period = new StatementPeriod(java.time.YearMonth.from(LocalDate.now(clock)));
        StatementSnapshot s = StatementCalculator.snapshot(period, "CNY",
                LedgerFacts.from(ledgerHistory.of(customerId, "CNY", period.last()), java.util.Set.of()), null,
                clock.instant());
        StatementCalculatorTest.assertBalances(s);
        return s;
    }

    /** The customer pays as soon as it confirms, before the settlement has asked: it is asked for nothing. */
    @Test
    void moneyThatCameBeforeTheSettlementWaitedForItClosesItWithoutARequest() throws Exception {
        String statementNo = journey.runAndSend("P");
        String token = StatementJourney.token(StatementJourney.onlyMailTo("p@example.cn", statementNo));
        journey.post("/s/" + token + "/confirm", new LinkedMultiValueMap<>());
        ProcessJobs.runAll(runtime, management, statementNo);
        String settlementNo = "SET-" + statementNo;
        // the settlement is open (its first job ran), its request not yet queued, when the bank file comes
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(settlementNo).singleResult()
                .getId();
        management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
        assertThat(settlement(settlementNo).get("status")).isEqualTo("OPEN");
        String account = jdbc.queryForObject("SELECT account_no FROM customer_bank_account b JOIN customer c "
                + "ON c.id = b.customer_id WHERE c.customer_code = ?", String.class, f.p + "P");
        Api.Response imported = clerk.upload("/api/bank-statements", "bank-p-" + f.p + ".csv",
                "transaction_id,account,booking_date,value_date,amount,currency,counterparty_name,"
                        + "counterparty_account,remittance_info\n"
                        + "PAYP-" + f.p + ",31000001," + LocalDate.now(clock) + "," + LocalDate.now(clock)
                        + ",4000.00,CNY,Putian " + f.p + " Foods Ltd," + account + "," + f.p + "-P1\n");
        StatementFixture.ok(imported);
        ProcessJobs.runAll(runtime, management, imported.json().get("bankStatementId").asText());
        ProcessJobs.runAll(runtime, management, settlementNo);
        Map<String, Object> s = settlement(settlementNo);
        assertThat(s.get("status")).isEqualTo("SETTLED");
        assertThat((BigDecimal) s.get("net_amount")).isEqualByComparingTo("4000.00");
        assertThat(StatementJourney.mailsAbout("p@example.cn", settlementNo)).isEmpty();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("awaitPayment").count()).isZero();
        assertThat(journey.status("P")).isEqualTo("SETTLED");
    }

    @Test
    void aCreditBalanceGoesToAClerkToRefund() throws Exception {
        String statementNo = confirmedAndSettling("R", "r@example.cn");
        String settlementNo = "SET-" + statementNo;
        assertThat(settlement(settlementNo).get("status")).isEqualTo("REFUND_DUE");
        assertThat(StatementJourney.mailsAbout("r@example.cn", settlementNo)).isEmpty();
        String task = journey.taskOf(settlementNo, "refundCustomer");
        Api.Response form = clerk.get("/engine-rest/task/" + task + "/form-variables");
        assertThat(form.body()).contains("-500.00");
        Api.Response noReason = clerk.postJson("/engine-rest/task/" + task + "/submit-form",
                "{\"variables\":{\"refunded\":{\"value\":false}}}");
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
        assertThat(manager.postJson("/engine-rest/task/" + task + "/submit-form",
                "{\"variables\":{\"refunded\":{\"value\":true}}}").status()).isEqualTo(403);
        Api.Response done = clerk.postJson("/engine-rest/task/" + task + "/submit-form",
                "{\"variables\":{\"refunded\":{\"value\":true},\"note\":{\"value\":\"Wired back, ref 88121.\"}}}");
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        ProcessJobs.runAll(runtime, management, settlementNo);
        assertThat(settlement(settlementNo).get("status")).isEqualTo("REFUNDED");
    }

    private static List<String> attachmentNames(MimeMessage mail) throws Exception {
        Multipart mixed = (Multipart) mail.getContent();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < mixed.getCount(); i++) {
            BodyPart part = mixed.getBodyPart(i);
            if (part.getFileName() != null) {
                names.add(part.getFileName());
            }
        }
        return names;
    }
}
