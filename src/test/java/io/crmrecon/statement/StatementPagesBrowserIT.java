package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.Browser;
import io.crmrecon.IntegrationTest;
import io.crmrecon.ledger.LedgerHistory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A clerk in a real browser, in Chinese and in English: opens the statements list, filters by customer, opens a
 * statement (the newest version, with the link to the one before), reads its history and downloads its PDF.
 * Screenshots: target/screenshots/statements-*.png.
 */
class StatementPagesBrowserIT extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StatementRepository repository;
    @Autowired
    Statements statements;
    @Autowired
    StatementDocuments documents;
    @Autowired
    StatementPdfs pdfs;
    @Autowired
    LedgerHistory history;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;

    /** A's statement in two versions: the first superseded, the second sent; its number. */
    private String twoVersions(StatementFixture f, Locale language) {
        String no = StatementNumbers.of(f.period.month(), ThreadLocalRandom.current().nextLong(100_000, 9_999_999));
        long customer = f.customerId("A");
        Statement v1 = StatementFixture.store(repository, statements, documents, pdfs, history, clock, no, 1, customer,
                f.p + "A", "上海" + f.p + "机电设备有限公司", f.period, null, language);
        statements.move(v1.id(), StatementStatus.SENT, "system", null);
        statements.move(v1.id(), StatementStatus.SUPERSEDED, "clerk", "credit note granted");
        Statement v2 = StatementFixture.store(repository, statements, documents, pdfs, history, clock, no, 2, customer,
                f.p + "A", "上海" + f.p + "机电设备有限公司", f.period, null, language);
        statements.move(v2.id(), StatementStatus.SENT, "system", null);
        return no;
    }

    @Test
    void aClerkFindsAStatementReadsItAndDownloadsItsPdfInChinese() throws Exception {
        // by a part of the customer's name, as a clerk who does not know the code looks for it
        journey("zh-CN,zh", "zh", "对账单", "有异议", f -> f.p + "机电");
    }

    @Test
    void aClerkFindsAStatementReadsItAndDownloadsItsPdfInEnglish() throws Exception {
        journey("en-US,en", "en", "Statements", "Disputed", f -> f.p + "A");
    }

    private void journey(String languages, String name, String title, String disputedLabel,
            java.util.function.Function<StatementFixture, String> customer) throws Exception {
        StatementFixture f = new StatementFixture(new Api(rest, "clerk"), jdbc, clock);
        f.ledger();
        String no = twoVersions(f, Locale.forLanguageTag(name.equals("zh") ? "zh-CN" : "en"));
        WebDriver browser = Browser.start(languages);
        try {
            Browser.logIn(browser, url(""), "clerk");
            browser.get(url("/"));
            browser.findElement(By.cssSelector("header nav a[href='/statements']")).click();
            wait(browser).until(d -> d.getCurrentUrl().endsWith("/statements"));
            assertThat(browser.findElement(By.id("title")).getText()).isEqualTo(title);
            assertThat(browser.findElement(By.cssSelector("select[name=status]")).getText()).contains(disputedLabel);

            browser.findElement(By.name("customer")).sendKeys(customer.apply(f));
            browser.findElement(By.name("period")).sendKeys(f.period.toString());
            browser.findElement(By.id("apply")).click();
            wait(browser).until(d -> d.getCurrentUrl().contains("customer=" + f.p));
            List<WebElement> rows = browser.findElements(By.cssSelector("#statements tbody tr"));
            assertThat(rows).extracting(r -> r.getAttribute("data-version")).containsExactly("2", "1");
            assertThat(rows).allSatisfy(r -> assertThat(r.getAttribute("data-statement-no")).isEqualTo(no));
            Browser.screenshot(browser, "statements-list-" + name);

            rows.get(0).findElement(By.cssSelector("a[href^='/statements/']")).click();
            wait(browser).until(d -> d.findElements(By.id("statement-number")).size() == 1);
            assertThat(browser.findElement(By.id("statement-number")).getText()).isEqualTo(no);
            assertThat(browser.findElement(By.id("document")).getText()).contains(no).contains(f.p + "A");
            assertThat(browser.findElements(By.cssSelector("#history tbody tr"))).hasSize(2);
            assertThat(browser.findElement(By.id("versions")).findElement(By.linkText("v1")).getAttribute("href"))
                    .endsWith("/statements/" + no + "?version=1");
            Browser.screenshot(browser, "statements-detail-" + name);

            String pdfLink = browser.findElement(By.id("download-pdf")).getAttribute("href");
            ResponseEntity<byte[]> pdf = Browser.download(browser, pdfLink);
            assertThat(pdf.getStatusCode().value()).isEqualTo(200);
            assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
            assertThat(new String(pdf.getBody(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(pdf.getHeaders().getContentDisposition().getFilename()).isEqualTo(no + "-v2.pdf");

            browser.findElement(By.id("versions")).findElement(By.linkText("v1")).click();
            wait(browser).until(d -> d.getCurrentUrl().endsWith("version=1"));
            assertThat(browser.findElement(By.id("status")).getText()).isNotBlank();
            assertThat(browser.findElements(By.cssSelector("#history tbody tr"))).hasSize(3);
            Browser.screenshot(browser, "statements-superseded-" + name);
        } finally {
            browser.quit();
        }
    }

    private WebDriverWait wait(WebDriver browser) {
        return Browser.waiting(browser, Duration.ofSeconds(10));
    }


    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
