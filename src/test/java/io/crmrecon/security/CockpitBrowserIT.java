package io.crmrecon.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Browser;
import io.crmrecon.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A manager in Cockpit, in Chinese and in English: finds a batch of the clerks' exceptions by its business key,
 * opens it, and sees its user tasks and the Human Tasks page without a permission error.
 */
class CockpitBrowserIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    RepositoryService repository;

    @Test
    void aChineseManagerOpensABatchAndSeesItsUserTasks() throws Exception {
        managerOpensTheBatch("zh-CN,zh", "zh");
    }

    @Test
    void anEnglishManagerOpensABatchAndSeesItsUserTasks() throws Exception {
        managerOpensTheBatch("en-US,en", "en");
    }

    private void managerOpensTheBatch(String languages, String tag) throws Exception {
        String key = ManagerCockpitIT.exceptionsToClerks(rest, runtime, management, "bank-" + tag + ".csv");
        ProcessInstance batch = runtime.createProcessInstanceQuery().processDefinitionKey("manualMatchBatch")
                .processInstanceBusinessKey(key).singleResult();
        String base = "http://localhost:" + port + "/camunda/app/cockpit/default/";
        WebDriver browser = Browser.start(languages);
        try {
            logIn(browser, base, tag);
            WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(60));

            // the batches' definition, its instances searched by business key
            String search = "[{\"type\":\"PIbusinessKey\",\"operator\":\"eq\",\"value\":\"" + key + "\"}]";
            browser.get(base + "#/process-definition/" + batch.getProcessDefinitionId() + "/runtime?searchQuery="
                    + URLEncoder.encode(search, StandardCharsets.UTF_8).replace("+", "%20"));
            By instanceLink = By.cssSelector("a[href*='process-instance/" + batch.getId() + "']");
            waitFor(browser, wait, d -> !d.findElements(instanceLink).isEmpty(), "cockpit-search-" + tag);
            Browser.screenshot(browser, "cockpit-manager-search-" + tag);
            browser.findElements(instanceLink).get(0).click();

            waitFor(browser, wait, d -> d.getCurrentUrl().contains(batch.getId()), "cockpit-instance-" + tag);
            browser.get(base + "#/process-instance/" + batch.getId() + "/runtime?tab=user-tasks-tab");
            // the three manualMatch tasks, offered to clerks
            waitFor(browser, wait, d -> d.findElements(By.cssSelector(".user-tasks table tbody tr, "
                    + "[cam-tabs] table tbody tr")).size() >= 3, "cockpit-user-tasks-" + tag);
            Thread.sleep(1000);
            String body = browser.findElement(By.tagName("body")).getText();
            assertThat(body).contains("人工核销 Manual match");
            assertThat(browser.findElements(By.cssSelector("table tbody tr")).stream()
                    .filter(row -> row.getText().contains("人工核销 Manual match")).count()).isEqualTo(3);
            assertNoErrorShown(browser);
            Browser.screenshot(browser, "cockpit-manager-user-tasks-" + tag);

            // what a person knows of the bank statement, as variables of the instance
            browser.get(base + "#/process-instance/" + batch.getId() + "/runtime?tab=variables-tab");
            waitFor(browser, wait, d -> d.findElement(By.tagName("body")).getText().contains("bank-" + tag + ".csv"),
                    "cockpit-variables-" + tag);
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("bankFileName", "statementFrom",
                    "2026-11-02", "statementTo", "2026-11-09");
            assertNoErrorShown(browser);
            Browser.screenshot(browser, "cockpit-manager-variables-" + tag);

            // Human Tasks: open tasks by candidate group
            browser.get(base + "#/tasks");
            waitFor(browser, wait, d -> d.findElement(By.tagName("body")).getText().contains("clerks"),
                    "cockpit-human-tasks-" + tag);
            Thread.sleep(1000);
            assertNoErrorShown(browser);
            Browser.screenshot(browser, "cockpit-manager-human-tasks-" + tag);
        } finally {
            browser.quit();
        }
    }

    private static void assertNoErrorShown(WebDriver browser) {
        List<WebElement> errors = browser.findElements(By.cssSelector(".alert-danger, .notification.error, "
                + ".notifications .alert-error"));
        assertThat(errors).as("error notifications")
                .allSatisfy(e -> assertThat(e.isDisplayed()).as(e.getText()).isFalse());
        String body = browser.findElement(By.tagName("body")).getText();
        assertThat(body).doesNotContainIgnoringCase("not authorized").doesNotContainIgnoringCase("forbidden")
                .doesNotContain("权限");
    }

    private static void logIn(WebDriver browser, String base, String tag) throws Exception {
        browser.get(base);
        // the first load of the webapp's scripts in a cold browser sometimes stalls on a busy machine: reload
        By password = By.cssSelector("input[type=password]");
        for (int attempt = 1; attempt < 3 && !appears(browser, password); attempt++) {
            browser.navigate().refresh();
        }
        WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(60));
        waitFor(browser, wait, d -> !d.findElements(password).isEmpty(), "cockpit-login-" + tag);
        browser.findElement(By.cssSelector("input[type=text], input:not([type])")).sendKeys("manager");
        browser.findElement(By.cssSelector("input[type=password]")).sendKeys("manager");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(browser, wait, d -> d.findElements(By.cssSelector("input[type=password]")).isEmpty()
                && d.findElement(By.tagName("body")).getText().contains("Cockpit"), "cockpit-dashboard-" + tag);
    }

    private static boolean appears(WebDriver browser, By element) {
        try {
            Browser.waiting(browser, Duration.ofSeconds(40)).until(d -> !d.findElements(element).isEmpty());
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    private static void waitFor(WebDriver browser, WebDriverWait wait,
            java.util.function.Function<WebDriver, Boolean> condition, String name) throws Exception {
        try {
            wait.until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.screenshot(browser, name + "-timeout");
            throw new AssertionError(name + " at " + browser.getCurrentUrl() + ":\n"
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }
}
