package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import freemarker.template.Configuration;
import io.crmrecon.Browser;
import io.crmrecon.IntegrationTest;
import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import io.crmrecon.notification.Outbox;
import io.crmrecon.notification.OutgoingMail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new user's way from the dev mailbox to the customer's page: the statement's e-mail shown in the mailbox, its
 * button opening the link in a tab of its own. Screenshots of the mail on a desktop and a phone.
 */
class StatementMailBrowserIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Configuration freemarker;
    @Autowired
    MessageSource messages;
    @Autowired
    Outbox outbox;
    @Autowired
    CompanyDetails company;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theMailboxShowsTheStatementMailAndItsButtonOpensTheCustomersPageInANewTab() throws Exception {
        String link = "http://localhost:" + port + "/s/demo-token-" + System.nanoTime();
        long mailId = captured(composed(link));

        WebDriver browser = Browser.start("zh-CN,zh");
        try {
            WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(30));
            Browser.logIn(browser, url(""), "clerk");
            browser.get(url("/dev/mailbox"));
            browser.findElement(By.cssSelector("a[href='/dev/mailbox/" + mailId + "']")).click();
            wait.until(d -> !d.findElements(By.tagName("iframe")).isEmpty());
            assertThat(browser.findElement(By.tagName("h1")).getText()).contains("对账单 S2610-00427");
            Browser.screenshot(browser, "statement-mail-in-mailbox");

            String mailbox = browser.getWindowHandle();
            browser.switchTo().frame(browser.findElement(By.tagName("iframe")));
            wait.until(d -> !d.findElements(By.linkText("查看并确认对账单")).isEmpty());
            browser.findElement(By.linkText("查看并确认对账单")).click();
            wait.until(d -> d.getWindowHandles().size() == 2);
            Set<String> handles = browser.getWindowHandles();
            handles.remove(mailbox);
            browser.switchTo().window(handles.iterator().next());
            wait.until(d -> d.getCurrentUrl().equals(link));
            Browser.screenshot(browser, "statement-mail-link-opened");

            browser.switchTo().window(mailbox);
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(url("/dev/mailbox/" + mailId + "/html"));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("¥1,234,567.80", "2026年10月");
            Browser.screenshot(browser, "statement-mail-phone");
        } catch (RuntimeException e) {
            Browser.screenshot(browser, "statement-mail-failed");
            throw e;
        } finally {
            browser.quit();
        }
    }

    private OutgoingMail composed(String link) {
        Customer customer = mock(Customer.class);
        when(customer.getCustomerCode()).thenReturn("C0042");
        when(customer.getName()).thenReturn("天津滨海物流有限公司");
        when(customer.getContactName()).thenReturn("王丽");
        when(customer.getEmail()).thenReturn("ap@binhai.example.cn");
        when(customer.getCcEmails()).thenReturn(List.of("cfo@binhai.example.cn"));
        when(customer.getConfirmationDays()).thenReturn(15);
        when(customer.isDeemedConfirmed()).thenReturn(true);
        Customers customers = mock(Customers.class);
        when(customers.byId(42L)).thenReturn(Optional.of(customer));
        StatementMails mails = new StatementMails(freemarker, messages, customers, outbox, company, clock);
        Statement statement = StatementMailsTest.statement(Locale.forLanguageTag("zh-CN"), 1, "1234567.80", "CNY");
        OutgoingMail mail = mails.compose(statement, StatementMailsTest.PDF, MailKind.FIRST, link, null);
        return new OutgoingMail(mail.key() + "/" + System.nanoTime(), mail.to(), mail.cc(), mail.subject(),
                mail.html(), mail.text(), mail.attachments(), mail.locale());
    }

    /** What the default profile's capturing sender keeps of a delivered mail (this profile sends by SMTP). */
    private long captured(OutgoingMail mail) {
        long outboxId = new TransactionTemplate(transactions).execute(s -> outbox.enqueue(mail));
        byte[] mime = jdbc.sql("SELECT mime FROM mail_outbox WHERE id = ?").param(outboxId).query(byte[].class)
                .single();
        jdbc.sql("INSERT INTO captured_mail (captured_at, sender, recipients, subject, raw) VALUES (?, ?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), "statements@localhost", mail.to(), mail.subject(),
                        new String(mime, java.nio.charset.StandardCharsets.US_ASCII))
                .update();
        return jdbc.sql("SELECT MAX(id) FROM captured_mail").query(Long.class).single();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
