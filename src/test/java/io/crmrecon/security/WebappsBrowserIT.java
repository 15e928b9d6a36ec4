package io.crmrecon.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Browser;
import io.crmrecon.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tasklist as a clerk sees it: in the browser's language, the clerks' filters, no "migrate" banner. */
class WebappsBrowserIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aChineseClerkSeesTasklistInChineseWithTheClerksFilters() throws Exception {
        WebDriver browser = Browser.start("zh-CN,zh");
        try {
            String body = logInToTasklist(browser, "clerk", "我的待办");
            assertThat(body).contains("我的待办", "人工核销", "对账跟进").doesNotContain("异议处理", "催收跟进");
            // the Chinese translation is in use (a Tasklist word from zh.json)
            assertThat(body).containsPattern("任务|过滤");
            assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")))
                    .allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
            Browser.screenshot(browser, "tasklist-clerk-zh");
        } finally {
            browser.quit();
        }
    }

    @Test
    void anEnglishManagerSeesTasklistInEnglishWithAFilterForEachKindOfTask() throws Exception {
        WebDriver browser = Browser.start("en-US,en");
        try {
            String body = logInToTasklist(browser, "manager", "My tasks");
            assertThat(body).contains("My tasks", "Manual matching", "Statement follow-up", "Disputes and approvals",
                    "Collections and refunds");
            Browser.screenshot(browser, "tasklist-manager-en");
        } finally {
            browser.quit();
        }
    }

    private String logInToTasklist(WebDriver browser, String user, String filterShown) throws Exception {
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
        WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(30));
        try {
            wait.until(d -> !d.findElements(By.cssSelector("input[type=password]")).isEmpty());
            browser.findElement(By.cssSelector("input[type=text], input:not([type])")).sendKeys(user);
            browser.findElement(By.cssSelector("input[type=password]")).sendKeys(user);
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains(filterShown));
        } catch (org.openqa.selenium.TimeoutException e) {
            Browser.screenshot(browser, "tasklist-" + user + "-timeout");
            throw new AssertionError("Tasklist did not show '" + filterShown + "' at " + browser.getCurrentUrl()
                    + ":\n" + browser.findElement(By.tagName("body")).getText(), e);
        }
        return browser.findElement(By.tagName("body")).getText();
    }
}
