package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.Browser;
import io.crmrecon.IntegrationTest;
import io.crmrecon.ProcessJobs;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A settlement's tasks as the clerk handles them, in a real browser, in Chinese and in English. A customer that
 * agreed its statement does not pay: the morning after the due date (the engine's clock moved there) the reminder
 * goes out and collectionFollowUp appears; the clerk finds it under "催收与退款 / Collections and refunds", reads
 * what is outstanding, the items and what happened so far, says the customer promised to pay without a date (the
 * form says what is missing, the task stays), then with a date, typed as the date field asks for it. A customer
 * with a credit: refundCustomer, "not refunded" refused without a reason, accepted with one, the credit kept.
 * Screenshots: target/screenshots/settlement-{zh|en}-NN-*.png.
 */
class SettlementTasksBrowserIT extends IntegrationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
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
    Clock clock;

    StatementFixture f;
    StatementJourney journey;

    @BeforeEach
    void ledger() {
        Api clerk = new Api(rest, "clerk");
        f = new StatementFixture(clerk, jdbc, clock);
        journey = new StatementJourney(rest, jdbc, runtime, management, clerk, f);
        LocalDate inPeriod = f.period.first().plusDays(3);
        // P pays late (collectionFollowUp), R has a credit (refundCustomer); each in the language of the run's
        // browser, so that the mails are too
        StatementFixture.ok(clerk.upload("/api/customers/import", "c.csv",
                "customer_code,name,email,language,contact_name\n"
                        + f.p + "P,青岛" + f.p + "精密机械有限公司,p@example.cn,zh-CN,王丽\n"
                        + f.p + "Q,Qingdao " + f.p + " Machinery Ltd,q@example.cn,en,Chen Wei\n"
                        + f.p + "R,日照" + f.p + "贸易有限公司,r@example.cn,zh-CN,\n"
                        + f.p + "T,Rizhao " + f.p + " Trading Ltd,t@example.cn,en,\n"));
        StatementFixture.ok(clerk.upload("/api/documents/import", "d.csv",
                "document_no,customer_code,type,issue_date,currency,amount\n"
                        + f.p + "-P1," + f.p + "P,INVOICE," + inPeriod + ",CNY,12800.00\n"
                        + f.p + "-P2," + f.p + "P,INVOICE," + inPeriod + ",CNY,3450.50\n"
                        + f.p + "-Q1," + f.p + "Q,INVOICE," + inPeriod + ",CNY,12800.00\n"
                        + f.p + "-Q2," + f.p + "Q,INVOICE," + inPeriod + ",CNY,3450.50\n"
                        + f.p + "-R1," + f.p + "R,INVOICE," + inPeriod + ",CNY,1000.00\n"
                        + f.p + "-R2," + f.p + "R,CREDIT_NOTE," + inPeriod + ",CNY,1500.00\n"
                        + f.p + "-T1," + f.p + "T,INVOICE," + inPeriod + ",CNY,1000.00\n"
                        + f.p + "-T2," + f.p + "T,CREDIT_NOTE," + inPeriod + ",CNY,1500.00\n"));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh", "en"})
    void aClerkFollowsUpAnUnpaidSettlementAndRecordsThePromisedDate(String language) throws Exception {
        boolean zh = language.equals("zh");
        String customer = zh ? "P" : "Q";
        String address = zh ? "p@example.cn" : "q@example.cn";
        String statementNo = confirmedAndSettling(customer, address);
        String settlementNo = "SET-" + statementNo;
        Map<String, Object> opened = settlement(settlementNo);
        assertThat(opened.get("status")).isEqualTo("OPEN");
        assertThat((BigDecimal) opened.get("net_amount")).isEqualByComparingTo("16250.50");
        assertThat(StatementJourney.mailsAbout(address, settlementNo)).hasSize(1);
        String instance = (String) opened.get("process_instance_id");
        String shot = "settlement-" + language + "-";

        WebDriver browser = null;
        try {
            // nothing came: the morning after the due date the timer finds it unpaid
            Job due = management.createJobQuery().processInstanceId(instance).timers().singleResult();
            assertThat(due.getDuedate().toInstant()).isEqualTo(LocalDate.parse(opened.get("due_date").toString())
                    .plusDays(1).atTime(9, 0).atZone(ZONE).toInstant());
            moveClockTo(due.getDuedate().toInstant().plus(Duration.ofMinutes(5)));
            ProcessJobs.runAll(runtime, management, settlementNo);
            List<MimeMessage> mails = StatementJourney.mailsAbout(address, settlementNo);
            assertThat(mails).hasSize(2);
            assertThat(mails.get(1).getSubject()).contains(zh ? "付款提醒" : "Payment reminder");
            String followUp = journey.taskOf(settlementNo, "collectionFollowUp");
            LocalDate today = LocalDate.now(clock);

            browser = Browser.start(zh ? "zh-CN,zh" : "en-US,en");
            WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(60));
            login(browser, wait, "clerk", shot + "clerk-login");

            // 1. the filter for collections lists the task with the customer and what is outstanding
            openFilter(browser, wait, shot + "01-filter");
            WebElement listed = listedTask(browser, wait, settlementNo, shot + "01-filter");
            assertThat(listed.getText()).contains(zh ? "青岛" + f.p + "精密机械有限公司" : "Qingdao " + f.p + " Machinery Ltd",
                    "16,250.50");
            // the pointer off the filter, whose description it would show over the list
            new Actions(browser).moveToElement(listed).perform();
            Browser.screenshot(browser, shot + "01-filter");

            // 2. the task: what is outstanding, since when, the items and what happened so far
            listed.click();
            Browser.awaitText(browser, wait, "催收跟进 · Follow up the payment", shot + "02-summary");
            Browser.awaitText(browser, wait, "What happened so far", shot + "02-summary");
            String form = browser.findElement(By.tagName("body")).getText();
            assertThat(form).contains(settlementNo, "现欠 Outstanding now", "CNY 16,250.50",
                    "逾期 1 天", "催款级别 Dunning level", f.p + "-" + customer + "1",
                    f.p + "-" + customer + "2", "CNY 12,800.00", "CNY 3,450.50", "1 day overdue", "Payment requested", "已发催款函 · Dunning letter sent");
            wait.until(d -> !d.findElements(By.cssSelector("button.claim")).isEmpty());
            browser.findElement(By.cssSelector("button.claim")).click();
            wait.until(d -> "clerk".equals(tasks.createTaskQuery().taskId(followUp).singleResult().getAssignee()));
            Browser.screenshot(browser, shot + "02-summary");
            Browser.scrollTo(browser, browser.findElement(By.xpath("//*[contains(text(), 'What happened so far')]")));
            Browser.screenshot(browser, shot + "03-items-history");

            // 3. a promise without a date: refused, the task stays
            choose(browser, wait, "Promised to pay by a date");
            WebElement date = field(browser, wait, "promisedDate");
            complete(browser);
            Browser.awaitText(browser, wait, "Give the date the customer promised to pay by.", shot + "04-no-date");
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("请填写客户承诺的付款日期。");
            Browser.screenshot(browser, shot + "04-no-date");
            assertThat(tasks.createTaskQuery().taskId(followUp).count()).isOne();

            // 4. the date as the field says (ISO: no browser's date order can turn it into another day)
            closeNotifications(browser, wait);
            LocalDate promised = today.plusDays(14);
            Browser.scrollTo(browser, date).click();
            date.sendKeys(promised.toString());
            WebElement note = field(browser, wait, "note");
            Browser.scrollTo(browser, note).click();
            note.sendKeys(zh ? "客户财务电话确认，月中付款。" : "Their accounts payable promised it by phone.");
            Browser.scrollTo(browser, date);
            Browser.screenshot(browser, shot + "05-promised-date");
            complete(browser);
            wait.until(d -> tasks.createTaskQuery().taskId(followUp).count() == 0);
            wait.until(d -> d.findElements(By.cssSelector(".tasks-list")).stream()
                    .noneMatch(l -> l.getText().contains(settlementNo)));
            Browser.screenshot(browser, shot + "06-done");

            // the settlement has the promise; it waits for the money until the morning after the promised day
            Map<String, Object> after = jdbc.queryForMap("SELECT status, promised_date FROM settlement "
                    + "WHERE settlement_no = ?", settlementNo);
            assertThat(after.get("status")).isEqualTo("OPEN");
            assertThat(LocalDate.parse(after.get("promised_date").toString())).isEqualTo(promised);
            assertThat(events(settlementNo)).extracting(e -> e.get("action"))
                    .containsExactly("OPENED", "REQUESTED", "DUNNED", "PROMISED");
            Map<String, Object> promise = events(settlementNo).get(3);
            assertThat(promise.get("actor")).isEqualTo("clerk");
            assertThat((String) promise.get("note")).startsWith(promised.toString());
            Job next = management.createJobQuery().processInstanceId(instance).timers().singleResult();
            assertThat(next.getDuedate().toInstant())
                    .isEqualTo(promised.plusDays(1).atTime(9, 0).atZone(ZONE).toInstant());
        } finally {
            if (browser != null) {
                browser.quit();
            }
            ClockUtil.reset();
        }
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh", "en"})
    void aClerkKeepsACreditOnTheAccountOnlyWithAReason(String language) throws Exception {
        boolean zh = language.equals("zh");
        String customer = zh ? "R" : "T";
        String address = zh ? "r@example.cn" : "t@example.cn";
        String statementNo = confirmedAndSettling(customer, address);
        String settlementNo = "SET-" + statementNo;
        assertThat(settlement(settlementNo).get("status")).isEqualTo("REFUND_DUE");
        assertThat(StatementJourney.mailsAbout(address, settlementNo)).isEmpty();
        String refund = journey.taskOf(settlementNo, "refundCustomer");
        String shot = "settlement-" + language + "-";

        WebDriver browser = Browser.start(zh ? "zh-CN,zh" : "en-US,en");
        WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(60));
        try {
            login(browser, wait, "clerk", shot + "clerk-login-refund");

            // 5. the refund task, under the same filter: the credit and where it comes from
            openFilter(browser, wait, shot + "07-refund");
            listedTask(browser, wait, settlementNo, shot + "07-refund").click();
            Browser.awaitText(browser, wait, "退款给客户 · Refund the customer", shot + "07-refund");
            Browser.awaitText(browser, wait, "What happened so far", shot + "07-refund");
            assertThat(browser.findElement(By.tagName("body")).getText()).contains(settlementNo,
                    "我司欠客户的余额 / we owe the customer the balance below.", "CNY -500.00",
                    f.p + "-" + customer + "1", f.p + "-" + customer + "2", "应退客户 To refund", "CNY 500.00",
                    "Opened: receivables")
                    // a credit is not dunned: no due date, no dunning level
                    .doesNotContain("催款级别 Dunning level");
            wait.until(d -> !d.findElements(By.cssSelector("button.claim")).isEmpty());
            browser.findElement(By.cssSelector("button.claim")).click();
            wait.until(d -> "clerk".equals(tasks.createTaskQuery().taskId(refund).singleResult().getAssignee()));
            Browser.screenshot(browser, shot + "07-refund");

            // 6. the credit stays, without a reason: refused
            choose(browser, wait, "Not refunded: the credit stays on the account");
            complete(browser);
            Browser.awaitText(browser, wait, "Say why the credit stays on the account", shot + "08-no-note");
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("请说明为何余额留在账户上");
            Browser.screenshot(browser, shot + "08-no-note");
            assertThat(tasks.createTaskQuery().taskId(refund).count()).isOne();

            // 7. with the reason: done, the credit kept
            closeNotifications(browser, wait);
            WebElement note = field(browser, wait, "note");
            Browser.scrollTo(browser, note).click();
            note.sendKeys(reason(zh));
            Browser.screenshot(browser, shot + "09-note");
            complete(browser);
            wait.until(d -> tasks.createTaskQuery().taskId(refund).count() == 0);
            wait.until(d -> d.findElements(By.cssSelector(".tasks-list")).stream()
                    .noneMatch(l -> l.getText().contains(settlementNo)));
            Browser.screenshot(browser, shot + "10-done");
        } finally {
            browser.quit();
        }
        ProcessJobs.runAll(runtime, management, settlementNo);
        assertThat(settlement(settlementNo).get("status")).isEqualTo("CREDIT_KEPT");
        Map<String, Object> kept = events(settlementNo).get(events(settlementNo).size() - 1);
        assertThat(kept).containsEntry("action", "CREDIT_KEPT").containsEntry("actor", "clerk")
                .containsEntry("note", reason(zh));
    }

    private static String reason(boolean zh) {
        return zh ? "客户要求抵扣下月发票。" : "Set against next month's invoice, as the customer asked.";
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

    Map<String, Object> settlement(String settlementNo) {
        return jdbc.queryForMap("SELECT status, net_amount, due_date, process_instance_id FROM settlement "
                + "WHERE settlement_no = ?", settlementNo);
    }

    List<Map<String, Object>> events(String settlementNo) {
        return jdbc.queryForList("SELECT e.action, e.actor, e.note FROM settlement_event e JOIN settlement s "
                + "ON s.id = e.settlement_id WHERE s.settlement_no = ? ORDER BY e.id", settlementNo);
    }

    /** The engine's clock, and with it the application's, runs on from that moment (reset after the test). */
    private static void moveClockTo(Instant at) {
        ClockUtil.offset(at.toEpochMilli() - System.currentTimeMillis());
    }

    private void login(WebDriver browser, WebDriverWait wait, String user, String shot) throws Exception {
        Browser.logInToCamunda(browser, wait, url("/camunda/app/tasklist/"), user, shot);
    }

    /** Clicks the filter "催收与退款 / Collections and refunds" in Tasklist's list of filters. */
    private static void openFilter(WebDriver browser, WebDriverWait wait, String shot) throws Exception {
        Browser.awaitText(browser, wait, "催收与退款 / Collections and refunds", shot);
        WebElement filter = wait.until(d -> d.findElements(By.cssSelector(".task-filter")).stream()
                .filter(e -> e.getText().contains("Collections and refunds")).findFirst().orElse(null));
        filter.findElement(By.cssSelector("h4.name a")).click();
        wait.until(d -> d.findElements(By.cssSelector(".task-filter.active")).stream()
                .anyMatch(e -> e.getText().contains("Collections and refunds")));
    }

    /** The task of that settlement as the filter lists it (its name says which settlement). */
    private static WebElement listedTask(WebDriver browser, WebDriverWait wait, String settlementNo, String shot)
            throws Exception {
        try {
            return wait.until(d -> d.findElements(By.cssSelector(".tasks-list li.task h4.task a")).stream()
                    .filter(a -> a.getText().contains(settlementNo)).findFirst().orElse(null));
        } catch (TimeoutException e) {
            Browser.screenshot(browser, shot + "-timeout");
            throw new AssertionError(settlementNo + " not listed:\n" + browser.findElement(By.tagName("body"))
                    .getText(), e);
        }
    }

    /** Clicks the radio option whose (bilingual) label contains the text. */
    private static void choose(WebDriver browser, WebDriverWait wait, String label) {
        WebElement option = wait.until(d -> d.findElements(By.tagName("label")).stream()
                .filter(l -> l.getText().contains(label)).findFirst().orElse(null));
        Browser.scrollTo(browser, option).click();
    }

    private static WebElement field(WebDriver browser, WebDriverWait wait, String key) {
        return wait.until(d -> d.findElements(By.cssSelector("input[id$='" + key + "'], textarea[id$='" + key + "']"))
                .stream().filter(WebElement::isDisplayed).filter(WebElement::isEnabled).findFirst().orElse(null));
    }

    private static void complete(WebDriver browser) {
        Browser.scrollTo(browser, browser.findElement(By.cssSelector("button[ng-click='complete()']"))).click();
    }

    /** The refusal covers the form's buttons: closed as a person would. */
    private static void closeNotifications(WebDriver browser, WebDriverWait wait) {
        browser.findElements(By.cssSelector(".notifications .close, .notification .close")).stream()
                .filter(WebElement::isDisplayed).forEach(WebElement::click);
        wait.until(d -> d.findElements(By.cssSelector(".notifications .close, .notification .close")).stream()
                .noneMatch(WebElement::isDisplayed));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
