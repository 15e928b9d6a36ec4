package io.crmrecon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Browser;
import io.crmrecon.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** A clerk in a real browser: opens the list, filters, goes to a receipt's workbench, exports CSV; zh, en, phone. */
class UnappliedReceiptsBrowserIT extends IntegrationTest {

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
    @LocalServerPort
    int port;

    @Test
    void aClerkFiltersOpensTheWorkbenchAndExportsInChinese() throws Exception {
        ReceiptsFixture f = new ReceiptsFixture(rest, jdbc, runtime, management, tasks);
        f.ledger();
        f.standardPayments();
        WebDriver browser = Browser.start("zh-CN,zh");
        try {
            Browser.logIn(browser, url(""), "clerk");
            browser.get(url("/receipts/unapplied"));
            assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("未核销收款");
            browser.findElement(By.name("q")).sendKeys(f.p);
            new Select(browser.findElement(By.name("status"))).selectByValue("SUGGESTED");
            browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
            Browser.waiting(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("status=SUGGESTED"));
            List<WebElement> rows = browser.findElements(By.cssSelector("#receipts tbody tr"));
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getText()).contains("A2-" + f.p, "500.00", "有建议待确认", f.p + "B");
            assertThat(browser.findElement(By.id("totals")).getText()).contains("CNY", "1 笔收款");
            Browser.screenshot(browser, "receipts-unapplied-zh");

            String csvHref = browser.findElement(By.id("export-csv")).getAttribute("href");
            ResponseEntity<String> csv = withSession(browser, csvHref);
            assertThat(csv.getStatusCode().value()).isEqualTo(200);
            assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
            assertThat(csv.getBody()).contains("A2-" + f.p).doesNotContain("A3-" + f.p);

            // sorting by a header keeps the filters
            browser.findElement(By.cssSelector("#receipts thead a.sort")).click();
            assertThat(browser.getCurrentUrl()).contains("status=SUGGESTED", "sort=");

            browser.findElement(By.cssSelector("#receipts a.workbench")).click();
            Browser.waiting(browser, Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().contains("/matching/workbench/" + f.taskOf("A2")));

            // the customer's account, linked from the list
            browser.get(url("/receipts/unapplied?q=" + f.p));
            browser.findElement(By.linkText(f.p + "B")).click();
            Browser.waiting(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/customers/" + f.p + "B"));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("客户往来", f.p + "-INV-3", "发票");
            Browser.screenshot(browser, "customer-account-zh");
        } finally {
            browser.quit();
        }
    }

    @Test
    void theListInEnglishOnALaptopAndOnAPhone() throws Exception {
        ReceiptsFixture f = new ReceiptsFixture(rest, jdbc, runtime, management, tasks);
        f.ledger();
        f.standardPayments();
        WebDriver browser = Browser.start("en-US,en");
        try {
            Browser.logIn(browser, url(""), "clerk");
            browser.get(url("/receipts/unapplied?q=" + f.p));
            assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("Unapplied receipts");
            assertThat(browser.findElements(By.cssSelector("#receipts tbody tr"))).hasSize(3);
            assertThat(browser.findElement(By.id("receipts")).getText())
                    .contains("Suggestion to confirm", "No match found", "USD");
            Browser.screenshot(browser, "receipts-unapplied-en");
            browser.get(url("/receipts/unapplied?q=" + f.p + "&amountMin=abc"));
            assertThat(browser.findElement(By.id("errors")).getText()).contains("Amount from");
            Browser.screenshot(browser, "receipts-unapplied-en-error");

            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(url("/receipts/unapplied?q=" + f.p));
            // the page itself never scrolls sideways: the table does, inside its box
            Object pageWidth = ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth;");
            assertThat(((Number) pageWidth).intValue()).isLessThanOrEqualTo(400);
            Browser.screenshot(browser, "receipts-unapplied-phone");
            browser.get(url("/customers/" + f.p + "A"));
            Browser.screenshot(browser, "customer-account-phone");
        } finally {
            browser.quit();
        }
    }


    private ResponseEntity<String> withSession(WebDriver browser, String href) {
        HttpHeaders headers = new HttpHeaders();
        StringBuilder cookies = new StringBuilder();
        for (Cookie c : browser.manage().getCookies()) {
            cookies.append(c.getName()).append('=').append(c.getValue()).append("; ");
        }
        headers.add(HttpHeaders.COOKIE, cookies.toString());
        return new org.springframework.web.client.RestTemplate().exchange(java.net.URI.create(href), HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
