package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Browser;
import io.crmrecon.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer answers a statement in a real browser, in Chinese and in English, on a desktop and on a phone: the
 * link opens the page, one click confirms; another customer ticks lines, types the amounts it believes, picks a
 * reason and disputes; when every turn at the pages is taken, the customer is asked to try again shortly, and then
 * can. Screenshots: target/screenshots/customer-*.png.
 */
class CustomerPageBrowserIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StatementRepository repository;
    @Autowired
    Statements statements;
    @Autowired
    StatementTokens tokens;
    @Autowired
    StatementDocuments documents;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock clock;
    @Autowired
    PageConcurrency turns;

    @ParameterizedTest(name = "{0} at {1}x{2}")
    @CsvSource({"zh-CN, 1280, 900", "zh-CN, 375, 812", "en, 1280, 900", "en, 375, 812"})
    void aCustomerConfirmsOneStatementAndDisputesAnother(String language, int width, int height) throws Exception {
        CustomerPageFixture fixture = new CustomerPageFixture(jdbc, repository, statements, tokens, documents, tx,
                clock);
        String name = (language.startsWith("zh") ? "zh" : "en") + "-" + (width < 600 ? "phone" : "desktop");
        WebDriver browser = Browser.start(language.startsWith("zh") ? "zh-CN,zh" : "en-US,en");
        try {
            browser.manage().window().setSize(new Dimension(width, height));
            WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(20));

            var toConfirm = fixture.sent(language);
            browser.get("http://localhost:" + port + "/s/" + toConfirm.token());
            wait.until(d -> !d.findElements(By.id("confirm")).isEmpty());
            assertThat(browser.findElement(By.id("closing-balance")).getText()).contains("13,800.00");
            assertNoSidewaysScroll(browser, "summary");
            Browser.screenshot(browser, "customer-" + name + "-statement");
            fullPage(browser, "customer-" + name + "-statement-full");
            browser.findElement(By.name("confirmerName")).sendKeys(language.startsWith("zh") ? "王芳" : "Jane Doe");
            browser.findElement(By.name("confirmerTitle")).sendKeys(language.startsWith("zh") ? "财务经理"
                    : "Accounts payable");
            browser.findElement(By.id("confirm")).click();
            wait.until(d -> !d.findElements(By.id("answered")).isEmpty());
            assertThat(browser.findElement(By.id("answered")).getText())
                    .contains(language.startsWith("zh") ? "您已确认本对账单" : "you confirmed this statement");
            assertThat(browser.findElements(By.id("receipt-pdf"))).hasSize(1);
            Browser.screenshot(browser, "customer-" + name + "-confirmed");
            assertThat(jdbc.queryForObject("SELECT status FROM statement WHERE id = ?", String.class,
                    toConfirm.statementId())).isEqualTo("CONFIRMED");

            var toDispute = fixture.sent(language);
            browser.get("http://localhost:" + port + "/s/" + toDispute.token());
            wait.until(d -> !d.findElements(By.id("dispute")).isEmpty());
            browser.findElement(By.cssSelector("#dispute summary")).click();
            // sent without a reason first: the page comes back naming it, the ticks kept
            browser.findElement(By.cssSelector("input[name=documentNo][value='INV-1015']")).click();
            browser.findElement(By.name("claimedAmount_INV-1015")).sendKeys("1200.00");
            browser.findElement(By.id("dispute-submit")).click();
            wait.until(d -> !d.findElements(By.id("error-reason")).isEmpty());
            assertThat(browser.findElement(By.cssSelector("input[name=documentNo][value='INV-1015']")).isSelected())
                    .isTrue();
            Browser.screenshot(browser, "customer-" + name + "-dispute-error");
            new Select(browser.findElement(By.id("reason"))).selectByValue("AMOUNT_WRONG");
            browser.findElement(By.name("comment")).sendKeys(language.startsWith("zh") ? "单价按合同应为每件 120 元。"
                    : "The contract price is 120.00 a piece.");
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                    browser.findElement(By.id("dispute-submit")));
            Browser.screenshot(browser, "customer-" + name + "-dispute-form");
            browser.findElement(By.id("dispute-submit")).click();
            wait.until(d -> !d.findElements(By.cssSelector("#answered.disputed")).isEmpty());
            assertThat(browser.findElement(By.id("answered")).getText()).contains("1,200.00", "INV-1015");
            Browser.screenshot(browser, "customer-" + name + "-disputed");
            List<String> claimed = jdbc.queryForList("SELECT l.claimed_amount FROM statement_answer_line l JOIN "
                    + "statement_answer a ON a.id = l.answer_id WHERE a.statement_id = ?", String.class,
                    toDispute.statementId());
            assertThat(claimed).containsExactly("1200.0000");

            browser.get("http://localhost:" + port + "/s/" + toDispute.token() + "x");
            wait.until(d -> !d.findElements(By.id("not-found")).isEmpty());
            Browser.screenshot(browser, "customer-" + name + "-not-found");
            @SuppressWarnings("unchecked")
            List<Object> violations = (List<Object>) ((JavascriptExecutor) browser).executeScript(
                    "return performance.getEntriesByType('resource').filter(e => e.responseStatus >= 400)"
                            + ".map(e => e.name)");
            assertThat(violations).isEmpty();

            // many customers at once: every turn taken, this one waits page-max-wait, then is asked to come back
            List<PageConcurrency.Turn> taken = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < turns.limit(); i++) {
                    taken.add(turns.enter().orElseThrow());
                }
                browser.get("http://localhost:" + port + "/s/" + toConfirm.token());
                wait.until(d -> !d.findElements(By.id("busy")).isEmpty());
                assertThat(browser.findElement(By.id("busy")).getText()).contains("请稍后再试",
                        "Please try again shortly");
                assertNoSidewaysScroll(browser, "busy");
                Browser.screenshot(browser, "customer-" + name + "-busy");
            } finally {
                taken.forEach(PageConcurrency.Turn::close);
            }
            browser.navigate().refresh();
            wait.until(d -> !d.findElements(By.id("answered")).isEmpty());
            assertThat(browser.findElements(By.id("receipt-pdf"))).as("back, the confirmed statement").hasSize(1);
        } finally {
            browser.quit();
        }
    }

    /** The page's summary fits the screen: nothing but the statement's own tables scrolls sideways. */
    private static void assertNoSidewaysScroll(WebDriver browser, String id) {
        Number page = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(page.intValue()).as("the page scrolls sideways").isLessThanOrEqualTo(0);
        assertThat(browser.findElement(By.id(id)).isDisplayed()).isTrue();
    }

    /** The whole page in one picture: the window as tall as the page, then back. */
    private static void fullPage(WebDriver browser, String file) throws Exception {
        Dimension size = browser.manage().window().getSize();
        Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(size.getWidth(), Math.min(4000, height.intValue() + 140)));
        Browser.screenshot(browser, file);
        browser.manage().window().setSize(size);
    }
}
