package io.crmrecon.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Browser;
import java.time.Duration;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A clerk at month-end in a real browser, in Chinese and English, on a laptop and on a phone: the workbench of a
 * payment with suggestions, the customer found by part of its name, "apply oldest first", back in Tasklist; and
 * bank interest booked as money that is not a customer's payment. Screenshots: target/screenshots/workbench-*.png.
 */
class WorkbenchBrowserIT extends WorkbenchFixture {

    @ParameterizedTest(name = "{0} on a {1}")
    @CsvSource({"zh, laptop", "en, phone"})
    void aClerkFindsTheCustomerAppliesOldestFirstAndIsBackInTasklist(String language, String device)
            throws Exception {
        var open = importAndMatch("T2,X,2026-11-03,2026-11-03,500.00,CNY,深圳市电子," + accountB + ",货款\n"
                + "U1,X,2026-11-03,2026-11-03,77.77,CNY,无名氏,999999,\n");
        Task twins = open.get("T2");
        WebDriver browser = start(language, device);
        try {
            browser.get("http://localhost:" + port + "/matching/workbench/" + twins.getId());
            assertThat(browser.findElement(By.id("amount")).getText()).isEqualTo("500.00");
            String suggestions = browser.findElement(By.cssSelector("ol.suggestions")).getText();
            assertThat(suggestions).contains(p + "-INV-3", p + "-INV-4",
                    language.equals("zh") ? "发票" : "Invoice", language.equals("zh") ? "金额相同" : "Same amount as");
            assertThat(browser.findElement(By.id("notice")).getText())
                    .contains(language.equals("zh") ? "已为您认领" : "claimed for you");
            Browser.screenshot(browser, "workbench-" + language + "-" + device);

            WebElement search = browser.findElement(By.id("customer-search"));
            search.clear();
            search.sendKeys(p + "电子");
            WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(10));
            wait.until(d -> !d.findElements(By.cssSelector("#customer-options option")).isEmpty());
            assertThat(browser.findElement(By.cssSelector("#customer-options option")).getAttribute("value"))
                    .isEqualTo(p + "B");
            browser.findElement(By.id("find")).click();
            wait.until(d -> d.findElement(By.id("customer-name")).getText().contains(p + "B"));

            Browser.scrollTo(browser, browser.findElement(By.id("oldest-first"))).click();
            assertThat(amount(browser, p + "-INV-3").getAttribute("value")).isEqualTo("500.00");
            assertThat(amount(browser, p + "-INV-4").getAttribute("value")).isEmpty();
            assertThat(browser.findElement(By.id("total-applied")).getText()).isEqualTo("500.00");
            assertThat(browser.findElement(By.id("remainder")).getText()).isEqualTo("0.00");
            Browser.screenshot(browser, "workbench-" + language + "-" + device + "-oldest-first");

            // "5,00" is no amount to the server (a comma that groups no thousands): marked, and not counted as 500
            WebElement mistyped = amount(browser, p + "-INV-4");
            mistyped.sendKeys("5,00");
            assertThat(mistyped.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.findElement(By.id("total-applied")).getText()).isEqualTo("500.00");
            Browser.screenshot(browser, "workbench-" + language + "-" + device + "-mistyped");
            mistyped.clear();
            mistyped.sendKeys("0");
            assertThat(mistyped.getAttribute("aria-invalid")).isNull();
            mistyped.clear();

            Browser.scrollTo(browser, browser.findElement(By.id("submit-customer"))).click();
            awaitTasklist(browser, "workbench-" + language + "-" + device + "-after-submit");
            assertThat(csv("/api/allocations")).containsPattern("T2-" + p + "," + p + "-INV-3,500\\.00,0\\.00,MANUAL,,");
        } finally {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0} on a {1}")
    @CsvSource({"zh, phone", "en, laptop"})
    void bankInterestIsBookedAsMoneyThatIsNotACustomersPayment(String language, String device) throws Exception {
        Task interest = importAndMatch("I1,X,2026-11-05,2026-11-05,12.34,CNY,,,结息\n").get("I1");
        WebDriver browser = start(language, device);
        try {
            browser.get("http://localhost:" + port + "/matching/workbench/" + interest.getId());
            assertThat(browser.findElement(By.id("no-customer")).getText()).isNotBlank();
            // a refusal names what to change and keeps what was typed
            Browser.scrollTo(browser, browser.findElement(By.id("non-customer-note"))).sendKeys("Q4 结息");
            Browser.scrollTo(browser, browser.findElement(By.id("submit-non-customer"))).click();
            // the click returns before the answer's page has loaded: the old page has no #error yet
            Browser.waiting(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("error")).isEmpty());
            assertThat(browser.findElement(By.id("error")).getText())
                    .contains(language.equals("zh") ? "请选择款项类别" : "Choose what the money is");
            assertThat(browser.findElement(By.id("non-customer-note")).getAttribute("value")).isEqualTo("Q4 结息");

            new Select(Browser.scrollTo(browser, browser.findElement(By.id("category")))).selectByValue("INTEREST");
            assertThat(new Select(browser.findElement(By.id("category"))).getFirstSelectedOption().getText())
                    .isEqualTo(language.equals("zh") ? "银行利息" : "Bank interest");
            Browser.screenshot(browser, "workbench-interest-" + language + "-" + device);
            browser.findElement(By.id("submit-non-customer")).click();
            awaitTasklist(browser, "workbench-interest-" + language + "-" + device + "-after-submit");
            assertThat(csv("/api/allocations")).containsPattern("I1-" + p + ",,12\\.34,0\\.00,MANUAL,.*,INTEREST,Q4 结息");
        } finally {
            browser.quit();
        }
    }

    private WebDriver start(String language, String device) throws Exception {
        WebDriver browser = Browser.start(language.equals("zh") ? "zh-CN,zh" : "en-US,en");
        if (device.equals("phone")) {
            browser.manage().window().setSize(new Dimension(390, 844));
        } else {
            browser.manage().window().setSize(new Dimension(1280, 800));
        }
        Browser.logIn(browser, "http://localhost:" + port, "clerk");
        return browser;
    }

    private WebElement amount(WebDriver browser, String documentNo) {
        return browser.findElement(By.cssSelector("tr[data-doc='" + documentNo + "'] input[name=amount]"));
    }


    private static void awaitTasklist(WebDriver browser, String screenshot) throws Exception {
        try {
            Browser.waiting(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/camunda/app/tasklist"));
        } catch (TimeoutException e) {
            Browser.screenshot(browser, screenshot);
            throw new AssertionError("still at " + browser.getCurrentUrl() + ": "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }
}
