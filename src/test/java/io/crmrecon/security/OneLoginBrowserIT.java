package io.crmrecon.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Browser;
import io.crmrecon.IntegrationTest;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One login, as a clerk meets it in a real browser: Tasklist and the staff pages never ask twice. */
class OneLoginBrowserIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Test
    void aTasklistLoginCarriesOverToTheStaffPagesAndTasklistsLogoutEndsIt() throws Exception {
        WebDriver browser = Browser.start("zh-CN,zh");
        try {
            browser.get(url("/camunda/app/tasklist/"));
            WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(60));
            wait.until(d -> !d.findElements(By.cssSelector("input[type=password]")).isEmpty());
            browser.findElement(By.cssSelector("input[type=text], input:not([type])")).sendKeys("clerk");
            browser.findElement(By.cssSelector("input[type=password]")).sendKeys("clerk");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains("我的待办"));

            browser.get(url("/dev/mailbox"));
            assertThat(browser.getCurrentUrl()).endsWith("/dev/mailbox");
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("开发邮箱");
            assertThat(browser.findElements(By.cssSelector("input[type=password]"))).isEmpty();
            Browser.screenshot(browser, "one-login-mailbox-after-tasklist-login");

            // Tasklist's own logout, from its user menu
            browser.get(url("/camunda/app/tasklist/"));
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains("我的待办"));
            browser.findElement(By.cssSelector("li.account .dropdown-toggle")).click();
            wait.until(d -> d.findElement(By.cssSelector("li.logout a")).isDisplayed());
            browser.findElement(By.cssSelector("li.logout a")).click();
            try {
                wait.until(d -> !d.findElements(By.cssSelector("input[type=password]")).isEmpty());
            } catch (org.openqa.selenium.TimeoutException e) {
                Browser.screenshot(browser, "tasklist-logout-timeout");
                throw e;
            }

            browser.get(url("/dev/mailbox"));
            assertThat(browser.getCurrentUrl()).contains("/login");
            assertThat(browser.findElements(By.cssSelector("input[type=password]"))).isNotEmpty();
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("用户名", "密码");
            Browser.screenshot(browser, "login-zh");
        } finally {
            browser.quit();
        }
    }

    @Test
    void theAppsLoginCarriesOverToTasklistAndTheAppsLogoutEndsIt() throws Exception {
        WebDriver browser = Browser.start("en-US,en");
        try {
            browser.get(url("/login"));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("User name", "Password", "中文");
            Browser.screenshot(browser, "login-en");
            browser.findElement(By.id("username")).sendKeys("clerk");
            browser.findElement(By.id("password")).sendKeys("clerk");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(60));
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains("Logged in as clerk"));
            Browser.screenshot(browser, "start-en-logged-in");

            browser.get(url("/camunda/app/tasklist/"));
            wait.until(d -> d.findElement(By.tagName("body")).getText().contains("My tasks"));
            assertThat(browser.findElements(By.cssSelector("input[type=password]"))).isEmpty();
            Browser.screenshot(browser, "tasklist-after-app-login-en");

            browser.get(url("/logout"));
            browser.findElement(By.cssSelector("main button[type=submit]")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/login?logout"));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("You have logged out");

            browser.get(url("/camunda/app/tasklist/"));
            wait.until(d -> !d.findElements(By.cssSelector("input[type=password]")).isEmpty());
        } finally {
            browser.quit();
        }
    }

    @Test
    void theStartPageTheLoginPageAndAnErrorPageInBothLanguages() throws Exception {
        for (String languages : new String[] {"zh-CN,zh", "en-US,en"}) {
            String lang = languages.substring(0, 2);
            WebDriver browser = Browser.start(languages);
            try {
                browser.get(url("/"));
                String start = browser.findElement(By.tagName("body")).getText();
                assertThat(start).contains(lang.equals("zh") ? "目前已有的功能" : "What it does today");
                Browser.screenshot(browser, "start-" + lang);

                browser.get(url("/login"));
                Browser.screenshot(browser, "login-page-" + lang);
                browser.findElement(By.id("username")).sendKeys("clerk");
                browser.findElement(By.id("password")).sendKeys("clerk");
                browser.findElement(By.cssSelector("button[type=submit]")).click();
                // the next page asked for before the login went through would be the login page again
                Browser.waiting(browser, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));

                browser.get(url("/no/such/page"));
                String error = browser.findElement(By.tagName("body")).getText();
                assertThat(error).contains(lang.equals("zh") ? "页面不存在" : "Page not found", "clerk");
                Browser.screenshot(browser, "error-404-" + lang);
            } finally {
                browser.quit();
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
