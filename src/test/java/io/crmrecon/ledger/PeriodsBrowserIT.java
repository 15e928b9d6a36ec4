package io.crmrecon.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.Browser;
import io.crmrecon.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * A manager closes a month in a real browser, in Chinese and in English: opens the period close from the top bar,
 * downloads the month's postings, closes it, and meets the clear refusal when another manager closed the next month
 * while the page was open. A clerk sees the months but no button. Every close is undone afterwards (an
 * administrator's reopen), as other tests post into these months. Screenshots: target/screenshots/periods-*.png.
 */
class PeriodsBrowserIT extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;

    @AfterEach
    void reopen() {
        Api admin = new Api(rest, "admin");
        Api manager = new Api(rest, "manager");
        YearMonth oldest = YearMonth.from(LocalDate.now(clock)).minusMonths(12);
        for (int i = 0; i < 3; i++) {
            var books = manager.get("/api/periods").json();
            if (books.get("closedThrough").isNull()
                    || YearMonth.parse(books.get("closedThrough").asText()).isBefore(oldest)) {
                return;
            }
            assertThat(admin.postJson("/api/periods/" + books.get("closedThrough").asText() + "/reopen", "{}")
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void aManagerClosesAMonthInChinese() throws Exception {
        journey("zh-CN,zh", "zh", "结账", "账簿已结账至", "已结账", "已结账（账簿已结账至");
    }

    @Test
    void aManagerClosesAMonthInEnglish() throws Exception {
        journey("en-US,en", "en", "Period close", "The books are closed through", "Closed",
                "is closed already (the books are closed through");
    }

    private void journey(String languages, String name, String title, String done, String closedStatus,
            String refusal) throws Exception {
        YearMonth month = YearMonth.from(LocalDate.now(clock)).minusMonths(12);
        YearMonth next = month.plusMonths(1);
        WebDriver browser = Browser.start(languages);
        try {
            WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(15));
            Browser.logIn(browser, url(""), "manager");
            browser.get(url("/"));
            browser.findElement(By.cssSelector("header nav a[href='/periods']")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/periods"));
            assertThat(browser.findElement(By.id("title")).getText()).isEqualTo(title);
            WebElement row = row(browser, month);
            assertThat(row.getAttribute("data-status")).isEqualTo("open");
            assertThat(browser.findElement(By.tagName("main")).getText()).as("no quoting left in the texts")
                    .doesNotContain("''");
            Browser.screenshot(browser, "periods-" + name);

            // the month's postings for the general ledger, before closing it
            ResponseEntity<byte[]> csv = Browser.download(browser,
                    row.findElement(By.cssSelector("a.postings-csv")).getAttribute("href"));
            assertThat(csv.getStatusCode().value()).isEqualTo(200);
            assertThat(new String(csv.getBody(), StandardCharsets.UTF_8)).contains("date,entry,kind,account");

            Browser.scrollTo(browser, row.findElement(By.cssSelector("button.close-period"))).click();
            wait.until(d -> !d.findElements(By.id("done")).isEmpty());
            assertThat(browser.findElement(By.id("done")).getText()).contains(done).contains(month.toString());
            row = row(browser, month);
            assertThat(row.getAttribute("data-status")).isEqualTo("closed");
            assertThat(row.getText()).contains(closedStatus).contains("manager");
            assertThat(row.findElements(By.cssSelector("button.close-period"))).isEmpty();
            assertThat(browser.findElement(By.id("history")).getText()).contains(month.toString());
            Browser.screenshot(browser, "periods-closed-" + name);

            // meanwhile another manager closes the next month; this page still offers it, and says why it cannot
            assertThat(new Api(rest, "manager").postJson("/api/periods/" + next + "/close", "{}").status())
                    .isEqualTo(200);
            Browser.scrollTo(browser, row(browser, next).findElement(By.cssSelector("button.close-period"))).click();
            wait.until(d -> !d.findElements(By.id("error")).isEmpty());
            assertThat(browser.findElement(By.id("error")).getText()).contains(next.toString()).contains(refusal);
            assertThat(row(browser, next).getAttribute("data-status")).isEqualTo("closed");
            Browser.screenshot(browser, "periods-refused-" + name);
        } finally {
            browser.quit();
        }
        // a clerk reads the same page, without the button
        WebDriver clerk = Browser.start(languages);
        try {
            WebDriverWait wait = Browser.waiting(clerk, Duration.ofSeconds(15));
            Browser.logIn(clerk, url(""), "clerk");
            clerk.get(url("/periods"));
            assertThat(row(clerk, next).getAttribute("data-status")).isEqualTo("closed");
            assertThat(clerk.findElements(By.cssSelector("button.close-period"))).isEmpty();
        } finally {
            clerk.quit();
        }
    }

    private static WebElement row(WebDriver browser, YearMonth month) {
        return browser.findElement(By.cssSelector("#months tr[data-period='" + month + "']"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
