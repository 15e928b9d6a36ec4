package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.Browser;
import io.crmrecon.IntegrationTest;
import io.crmrecon.ProcessJobs;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A dispute as the people who handle it see it, in a real browser, in Chinese and in English: the clerk opens the
 * investigateDispute task in Tasklist, reads the disputed line, the customer's words and the payments, types an
 * amount wrongly (the form says what is wrong and the task stays open), then grants a credit note above what was
 * disputed; a manager opens approveAdjustment, reads the proposal and approves it; the customer opens the corrected
 * version on a phone. Screenshots: target/screenshots/dispute-*.png.
 */
class DisputeTasksBrowserIT extends IntegrationTest {

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
    StatementRepository statements;
    @Autowired
    Clock clock;

    StatementFixture f;
    StatementJourney journey;

    @BeforeEach
    void ledger() {
        Api clerk = new Api(rest, "clerk");
        f = new StatementFixture(clerk, jdbc, clock);
        f.ledger();
        journey = new StatementJourney(rest, jdbc, runtime, management, clerk, f);
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh", "en"})
    void aClerkGrantsACreditNoteAManagerApprovesItAndTheCustomerSeesTheCorrectedStatement(String language)
            throws Exception {
        boolean zh = language.equals("zh");
        String statementNo = journey.runAndSend("B");
        Statement first = statements.findFirstByStatementNoOrderByVersionDesc(statementNo).orElseThrow();
        journey.disputeB1(StatementJourney.token(StatementJourney.onlyMailTo("b@example.cn", statementNo)));
        ProcessJobs.runAll(runtime, management, statementNo);
        String disputeNo = statementNo + "-D1";
        String investigate = journey.taskOf(disputeNo, "investigateDispute");
        String shot = "dispute-" + language + "-";

        WebDriver browser = Browser.start(zh ? "zh-CN,zh" : "en-US,en");
        WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(60));
        try {
            login(browser, wait, "clerk", shot + "clerk-login");
            // 1. the clerk's task: the dispute in the customer's words, without leaving Tasklist
            browser.get(url("/camunda/app/tasklist/default/#/?task=" + investigate));
            Browser.awaitText(browser, wait, "We were invoiced 500.00 but ordered 400.00.", shot + "01-task");
            String form = browser.findElement(By.tagName("body")).getText();
            assertThat(form).contains(disputeNo, f.p + "-B1", "400.00", "100.00");
            wait.until(d -> !d.findElements(By.cssSelector("button.claim")).isEmpty());
            browser.findElement(By.cssSelector("button.claim")).click();
            wait.until(d -> "clerk".equals(tasks.createTaskQuery().taskId(investigate).singleResult().getAssignee()));
            Browser.screenshot(browser, shot + "01-task");

            // 2. an amount typed wrongly: the form says what is wrong, the task stays open
            choose(browser, wait, "Accept: issue an adjustment note");
            WebElement amount = field(browser, wait, "adjustmentAmount");
            amount.sendKeys("6OO");
            field(browser, wait, "resolutionNote").sendKeys("Freight was charged twice; credited with goodwill.");
            complete(browser);
            Browser.awaitText(browser, wait, "6OO", shot + "02-error");
            Browser.screenshot(browser, shot + "02-error");
            assertThat(tasks.createTaskQuery().taskId(investigate).count()).isOne();

            // 3. corrected: more than the 500.00 disputed, so it goes to a manager (the message closed first, as it
            // covers the form's buttons)
            browser.findElements(By.cssSelector(".notifications .close, .notification .close")).stream()
                    .filter(WebElement::isDisplayed).forEach(WebElement::click);
            wait.until(d -> d.findElements(By.cssSelector(".notifications .close, .notification .close")).stream()
                    .noneMatch(WebElement::isDisplayed));
            amount.clear();
            amount.sendKeys("600.00");
            Browser.screenshot(browser, shot + "03-proposal");
            complete(browser);
            wait.until(d -> tasks.createTaskQuery().taskId(investigate).count() == 0);
        } finally {
            browser.quit();
        }

        String approve = journey.taskOf(disputeNo, "approveAdjustment");
        browser = Browser.start(zh ? "zh-CN,zh" : "en-US,en");
        wait = Browser.waiting(browser, Duration.ofSeconds(60));
        try {
            // 4. the manager reads the proposal and approves it
            login(browser, wait, "manager", shot + "manager-login");
            browser.get(url("/camunda/app/tasklist/default/#/?task=" + approve));
            Browser.awaitText(browser, wait, "more than the customer disputed", shot + "04-approval");
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("600.00", "clerk",
                    "Freight was charged twice");
            wait.until(d -> !d.findElements(By.cssSelector("button.claim")).isEmpty());
            browser.findElement(By.cssSelector("button.claim")).click();
            wait.until(d -> "manager".equals(tasks.createTaskQuery().taskId(approve).singleResult().getAssignee()));
            choose(browser, wait, "Approve: post the note");
            Browser.screenshot(browser, shot + "04-approval");
            complete(browser);
            wait.until(d -> tasks.createTaskQuery().taskId(approve).count() == 0);
        } finally {
            browser.quit();
        }
        ProcessJobs.runAll(runtime, management, disputeNo);
        ProcessJobs.runAll(runtime, management, statementNo);

        Statement second = statements.findFirstByStatementNoOrderByVersionDesc(statementNo).orElseThrow();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.closingBalance()).isEqualByComparingTo(first.closingBalance()
                .subtract(new BigDecimal("600.00")));

        // 5. the customer's corrected statement, from the new mail, on a phone
        String token = StatementJourney.token(StatementJourney.mailsAbout("b@example.cn", statementNo).get(1));
        browser = Browser.start(zh ? "zh-CN,zh" : "en-US,en");
        wait = Browser.waiting(browser, Duration.ofSeconds(60));
        try {
            browser.manage().window().setSize(new Dimension(390, 1800));
            browser.get(url("/s/" + token));
            Browser.awaitText(browser, wait, "CN-" + disputeNo, shot + "05-customer-phone");
            Browser.screenshot(browser, shot + "05-customer-phone");
        } finally {
            browser.quit();
        }
    }

    private void login(WebDriver browser, WebDriverWait wait, String user, String shot) throws Exception {
        Browser.logInToCamunda(browser, wait, url("/camunda/app/tasklist/"), user, shot);
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



    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
