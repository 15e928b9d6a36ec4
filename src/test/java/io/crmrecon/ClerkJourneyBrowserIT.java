package io.crmrecon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * A clerk's month-end and a manager's look at it, in a real browser, in Chinese and in English, the way they
 * work: one login in Tasklist, a manualMatch task with suggestions, its workbench without a second login, the
 * customer found by part of its name, "apply oldest first", back in Tasklist at the next task of the same batch
 * (clean) completed in the form, bank interest booked as money that is not a customer's payment, and the
 * unapplied-receipts list shrinking, with its export. (A manager's look at the batch in Cockpit:
 * {@code CockpitBrowserIT}.) Screenshots: target/screenshots/journey-*.png.
 */
class ClerkJourneyBrowserIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    Api clerk;
    String p;
    String accountA;
    String accountB;

    @BeforeEach
    void ledger() {
        clerk = new Api(rest, "clerk");
        TwoCustomers ledger = TwoCustomers.imported(clerk, 'J', 5,
                new TwoCustomers.Customer("天津滨海%s物流有限公司", "6217"),
                new TwoCustomers.Customer("广州%s贸易有限公司", "6226"),
                "A,2026-09-01,5000.00", "A,2026-10-01,8000.00", "B,2026-10-01,8600.00", "B,2026-10-05,8600.00");
        p = ledger.p;
        accountA = ledger.accountA;
        accountB = ledger.accountB;
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh", "en"})
    void aClerkDoesMonthEndMatching(String language) throws Exception {
        boolean zh = language.equals("zh");
        // one batch: a payment from an account nobody registered (the customer found by name in the workbench),
        // then one from A's own account that no amount rule settles (completed in Tasklist's form)
        Map<String, Task> first = importAndMatch("N1,ACC,2026-11-02,2026-11-02,9000.00,CNY,滨海物流" + p + ",955"
                + Math.abs(p.hashCode()) + ",11月货款\n"
                + "A1,ACC,2026-11-03,2026-11-03,3000.00,CNY,天津滨海" + p + "物流," + accountA + ",货款\n");
        // another statement: twins of B (stay for later) and bank interest
        Map<String, Task> second = importAndMatch("B1,ACC,2026-11-04,2026-11-04,8600.00,CNY,广州" + p + "贸易,"
                + accountB + ",货款\n"
                + "I1,ACC,2026-11-05,2026-11-05,12.34,CNY,,,结息 " + p + "\n");
        Task byName = first.get("N1");
        Task next = first.get("A1");
        assertThat(byName.getProcessInstanceId()).as("one batch").isEqualTo(next.getProcessInstanceId());

        WebDriver browser = Browser.start(zh ? "zh-CN,zh" : "en-US,en");
        WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(60));
        String shot = "journey-" + language + "-";
        try {
            // 1. Tasklist: its own login is the login of the whole application
            browser.get(url("/camunda/app/tasklist/"));
            wait.until(d -> !d.findElements(By.cssSelector("input[type=password]")).isEmpty());
            browser.findElement(By.cssSelector("input[type=text], input:not([type])")).sendKeys("clerk");
            browser.findElement(By.cssSelector("input[type=password]")).sendKeys("clerk");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            String filter = zh ? "人工核销" : "Manual matching";
            Browser.awaitText(browser, wait, filter, shot + "tasklist-login");
            browser.findElements(By.partialLinkText(filter)).stream().findFirst().ifPresent(WebElement::click);

            // the unapplied receipts before: four payments of this test wait
            assertThat(receipts(browser, shot + "01-unapplied-before")).hasSize(4);

            // 2. the task with its suggestions, claimed in Tasklist
            browser.get(url("/camunda/app/tasklist/default/#/?task=" + byName.getId()));
            Browser.awaitText(browser, wait, "滨海物流" + p, shot + "02-task");
            wait.until(d -> !d.findElements(By.cssSelector("button.claim")).isEmpty());
            Browser.screenshot(browser, shot + "02-task");
            browser.findElement(By.cssSelector("button.claim")).click();
            wait.until(d -> "clerk".equals(tasks.createTaskQuery().taskId(byName.getId()).singleResult()
                    .getAssignee()));

            // 3. the workbench, from the form's link, without a second login
            WebElement link = wait.until(d -> d.findElements(By.cssSelector("a[href*='/matching/workbench/"
                    + byName.getId() + "']")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
            String tasklistWindow = browser.getWindowHandle();
            Browser.scrollTo(browser, link).click();
            wait.until(d -> d.getWindowHandles().size() > 1 || d.getCurrentUrl().contains("/matching/workbench/"));
            for (String window : browser.getWindowHandles()) {
                if (!window.equals(tasklistWindow)) {
                    // the form opened the workbench beside Tasklist: the clerk works there
                    browser.close();
                    browser.switchTo().window(window);
                }
            }
            wait.until(d -> d.getCurrentUrl().contains("/matching/workbench/"));
            assertThat(browser.getCurrentUrl()).contains("/matching/workbench/" + byName.getId());
            assertThat(browser.findElements(By.id("password"))).as("no second sign-in").isEmpty();
            assertThat(browser.findElement(By.id("amount")).getText().replace(",", "")).isEqualTo("9000.00");

            // 4. the customer by part of its name, with suggestions as the clerk types
            WebElement search = browser.findElement(By.id("customer-search"));
            search.clear();
            search.sendKeys(p + "物流");
            wait.until(d -> !d.findElements(By.cssSelector("#customer-options option")).isEmpty());
            assertThat(browser.findElement(By.cssSelector("#customer-options option")).getAttribute("value"))
                    .isEqualTo(p + "A");
            Browser.screenshot(browser, shot + "03-workbench-search");
            browser.findElement(By.id("find")).click();
            wait.until(d -> d.findElement(By.id("customer-name")).getText().contains(p + "A"));

            // 5. apply oldest first: INV-1 in full, the rest to INV-2
            Browser.scrollTo(browser, browser.findElement(By.id("oldest-first"))).click();
            assertThat(amountOf(browser, p + "-INV-1")).isEqualTo("5000.00");
            assertThat(amountOf(browser, p + "-INV-2")).isEqualTo("4000.00");
            assertThat(browser.findElement(By.id("total-applied")).getText().replace(",", "")).isEqualTo("9000.00");
            assertThat(browser.findElement(By.id("remainder")).getText()).isIn("0.00", "0");
            Browser.screenshot(browser, shot + "04-workbench-oldest-first");
            Browser.scrollTo(browser, browser.findElement(By.id("submit-customer"))).click();

            // 6. back in Tasklist at the next task of the same batch: nothing of the last choice on it
            wait.until(d -> d.getCurrentUrl().contains("/camunda/app/tasklist") && d.getCurrentUrl()
                    .contains(next.getId()));
            Browser.awaitText(browser, wait, "天津滨海" + p + "物流", shot + "05-next-task");
            wait.until(d -> !d.findElements(By.cssSelector("button.claim")).isEmpty());
            browser.findElement(By.cssSelector("button.claim")).click();
            wait.until(d -> "clerk".equals(tasks.createTaskQuery().taskId(next.getId()).singleResult().getAssignee()));
            WebElement documentNos = wait.until(d -> d.findElements(By.cssSelector(
                    "input[name='documentNos'], input[id$='documentNos']")).stream().filter(WebElement::isEnabled)
                    .findFirst().orElse(null));
            assertThat(documentNos.getAttribute("value")).as("the next task's form is clean").isEmpty();
            documentNos.sendKeys(p + "-INV-2");
            Browser.screenshot(browser, shot + "05-next-task-form");
            Browser.scrollTo(browser, browser.findElement(By.cssSelector("button[ng-click='complete()']"))).click();
            wait.until(d -> tasks.createTaskQuery().taskId(next.getId()).count() == 0);

            // 7. bank interest, opened from the unapplied receipts list, booked as what it is
            assertThat(receipts(browser, shot + "06-unapplied-middle")).hasSize(2);
            WebElement interestRow = rows(browser).stream().filter(r -> r.getText().contains("I1-" + p)).findFirst()
                    .orElseThrow();
            Browser.scrollTo(browser, interestRow.findElement(By.cssSelector("a.workbench"))).click();
            wait.until(d -> d.getCurrentUrl().contains("/matching/workbench/" + second.get("I1").getId()));
            new Select(Browser.scrollTo(browser, browser.findElement(By.id("category")))).selectByValue("INTEREST");
            browser.findElement(By.id("non-customer-note")).sendKeys("11月活期利息");
            Browser.screenshot(browser, shot + "06-workbench-interest");
            browser.findElement(By.id("submit-non-customer")).click();
            wait.until(d -> d.getCurrentUrl().contains("/camunda/app/tasklist"));

            // 8. the list has shrunk to B's twins, and its export opens
            List<WebElement> left = receipts(browser, shot + "07-unapplied-after");
            assertThat(left).hasSize(1);
            assertThat(left.get(0).getText()).contains("B1-" + p);
            String export = browser.findElement(By.id("export-csv")).getAttribute("href");
            // what the export link gives the clerk's browser session
            Object fetched = ((JavascriptExecutor) browser).executeScript("var x = new XMLHttpRequest();"
                    + "x.open('GET', arguments[0], false); x.send();"
                    + "return x.status + ' ' + x.getResponseHeader('content-type') + '\\n' + x.responseText;", export);
            assertThat(fetched.toString()).startsWith("200 text/csv").contains("B1-" + p).doesNotContain("I1-" + p);
        } finally {
            browser.quit();
        }

        String allocations = csv();
        assertThat(allocations).containsPattern("N1-" + p + "," + p + "-INV-1,5000\\.00,0\\.00,MANUAL,,")
                .containsPattern("N1-" + p + "," + p + "-INV-2,4000\\.00,0\\.00,MANUAL,,")
                .containsPattern("A1-" + p + "," + p + "-INV-2,3000\\.00,0\\.00,MANUAL,,")
                .containsPattern("I1-" + p + ",,12\\.34,0\\.00,MANUAL,.*INTEREST");
        assertThat(allocations.lines().filter(l -> l.startsWith("A1-" + p))).hasSize(1);
    }


    /** The unapplied receipts of this test, as the list page shows them. */
    private List<WebElement> receipts(WebDriver browser, String shot) throws Exception {
        browser.get(url("/receipts/unapplied?q=" + p));
        Browser.screenshot(browser, shot);
        List<WebElement> rows = rows(browser);
        assertThat(browser.getCurrentUrl()).as(browser.findElement(By.tagName("body")).getText())
                .contains("/receipts/unapplied");
        return rows;
    }

    private static List<WebElement> rows(WebDriver browser) {
        return browser.findElements(By.cssSelector("#receipts tbody tr"));
    }

    private static String amountOf(WebDriver browser, String documentNo) {
        return browser.findElement(By.cssSelector("tr[data-doc='" + documentNo + "'] input[name=amount]"))
                .getAttribute("value").replace(",", "");
    }


    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Imports the lines (references made unique per test), runs matching and the batches: the tasks by reference. */
    private Map<String, Task> importAndMatch(String lines) {
        String header = "transaction_id,account,booking_date,value_date,amount,currency,counterparty_name,"
                + "counterparty_account,remittance_info\n";
        var response = clerk.upload("/api/bank-statements", "bank-" + p + ".csv", header
                + lines.replaceAll("(?m)^([A-Z]\\d),", "$1-" + p + ","));
        ok(response);
        String businessKey = response.json().get("bankStatementId").asText();
        ProcessJobs.runAll(runtime, management, businessKey);
        Map<String, Task> byReference = new HashMap<>();
        for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey("manualMatch")
                .list()) {
            long transactionId = ((Number) tasks.getVariable(t.getId(), "transactionId")).longValue();
            String reference = jdbc.queryForObject("SELECT bank_reference FROM bank_transaction WHERE id = ?",
                    String.class, transactionId);
            byReference.put(reference.substring(0, 2), t);
        }
        assertThat(byReference).as("every line goes to a clerk").hasSize(lines.split("\n").length);
        return byReference;
    }

    private String csv() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        var response = rest.withBasicAuth("clerk", "clerk").exchange("/api/allocations", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
