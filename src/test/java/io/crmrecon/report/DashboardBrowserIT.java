package io.crmrecon.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.Browser;
import io.crmrecon.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

/**
 * A manager in a real browser, in Chinese and in English: opens the dashboard from the top bar, reads the cards and
 * the charts, finds the customer owing most past due and opens its account, downloads the ageing as Excel.
 * Screenshots: target/screenshots/dashboard-*.png.
 */
class DashboardBrowserIT extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DashboardFigures figures;
    @Autowired
    java.time.Clock clock;
    @LocalServerPort
    int port;

    @Test
    void aManagerReadsTheDashboardAndFollowsItsLinksInChinese() throws Exception {
        journey("zh-CN,zh", "zh", "管理看板", "应收账款", "逾期金额最多的客户", "（");
    }

    @Test
    void aManagerReadsTheDashboardAndFollowsItsLinksInEnglish() throws Exception {
        journey("en-US,en", "en", "Dashboard", "Receivables", "Most overdue customers", "(");
    }

    private void journey(String languages, String name, String title, String receivables, String overdueTitle,
            String bracket) throws Exception {
        String code = debtor();
        // the figures are worked out in the background; the test does not wait a minute for it
        figures.refresh();
        WebDriver browser = Browser.start(languages);
        try {
            WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(15));
            Browser.logIn(browser, url(""), "manager");
            browser.get(url("/"));
            browser.findElement(By.cssSelector("header nav a[href='/dashboard']")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/dashboard"));
            assertThat(browser.findElement(By.id("title")).getText()).isEqualTo(title);
            assertThat(browser.findElement(By.id("cards")).getText()).contains(receivables + " · CNY")
                    // the overdue share in the brackets of the page's language
                    .containsPattern(java.util.regex.Pattern.quote(bracket) + "[0-9.]+ %");
            // the charts with figures drawn (ECharts renders SVG into its box); one without any says so in words
            for (String chart : new String[] {"chart-ageing", "chart-dso"}) {
                wait.until(d -> !d.findElements(By.cssSelector("#" + chart + " svg")).isEmpty());
            }
            for (String chart : new String[] {"chart-funnel", "chart-matching"}) {
                wait.until(d -> !d.findElements(By.cssSelector("#" + chart + " svg, #" + chart + " .empty"))
                        .isEmpty());
            }
            assertThat(browser.findElement(By.id("chart-ageing")).getText()).isNotBlank();
            Browser.screenshot(browser, "dashboard-" + name);

            assertThat(browser.findElement(By.tagName("body")).getText()).contains(overdueTitle);
            var row = browser.findElement(By.cssSelector("#overdue tr[data-customer='" + code + "']"));
            assertThat(row.getText()).contains("8,888,888.00");
            Browser.scrollTo(browser, row.findElement(By.linkText(code))).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/customers/" + code));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains(code);
            Browser.screenshot(browser, "dashboard-customer-" + name);

            browser.navigate().back();
            wait.until(d -> d.getCurrentUrl().endsWith("/dashboard"));
            // the lists and the reports' download links below the charts
            Browser.scrollTo(browser, browser.findElement(By.id("downloads")));
            Browser.screenshot(browser, "dashboard-reports-" + name);
            String excel = browser.findElement(By.cssSelector("#downloads a[href='/reports/aging?format=xlsx']"))
                    .getAttribute("href");
            ResponseEntity<byte[]> file = Browser.download(browser, excel);
            assertThat(file.getStatusCode().value()).isEqualTo(200);
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
                var sheet = book.getSheet("customers");
                boolean found = false;
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    found |= code.equals(sheet.getRow(r).getCell(0).getStringCellValue());
                }
                assertThat(found).as("the debtor in the downloaded ageing").isTrue();
                // headers in the reader's language
                assertThat(sheet.getRow(0).getCell(3).getStringCellValue())
                        .isEqualTo(name.equals("zh") ? "未到期" : "Not yet due");
            }
        } finally {
            browser.quit();
        }
    }

    /** A customer owing 8,888,888.00 for two months: first on the list of the most overdue. */
    private String debtor() {
        Api clerk = new Api(rest, "clerk");
        StringBuilder p = new StringBuilder("D");
        ThreadLocalRandom.current().ints(6, 'A', 'Z' + 1).forEach(c -> p.append((char) c));
        String code = p + "A";
        assertThat(clerk.upload("/api/customers/import", "c.csv", "customer_code,name,email\n"
                + code + ",大连" + p + "重工有限公司,d@example.cn\n").status()).isEqualTo(200);
        java.time.LocalDate issued = java.time.LocalDate.now(clock).minusDays(90);
        assertThat(clerk.upload("/api/documents/import", "d.csv",
                "document_no,customer_code,type,issue_date,due_date,currency,amount\n" + p + "-INV-1," + code
                        + ",INVOICE," + issued + "," + issued.plusDays(30) + ",CNY,8888888.00\n").status())
                .isEqualTo(200);
        return code;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
