package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.Browser;
import io.crmrecon.IntegrationTest;
import io.crmrecon.ProcessJobs;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A settlement's mails as the customer reads them, in Chinese and in English, on a desktop and on a phone: the
 * payment request sent when the statement is agreed, and the firm overdue notice the dunning table picks 20 days
 * after the due date (the engine's clock moved there). The mails are the ones the process sent, shown by the dev
 * mailbox. Screenshots: target/screenshots/settlement-mail-{zh|en}-{request|firm}-{desktop|phone}.png.
 */
class SettlementMailBrowserIT extends IntegrationTest {

    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    /** An iPhone 12 to 15's screen in CSS pixels, as the other phone screenshots use */
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    Clock clock;

    StatementFixture f;
    StatementJourney journey;

    @BeforeEach
    void ledger() {
        Api clerk = new Api(rest, "clerk");
        f = new StatementFixture(clerk, jdbc, clock);
        journey = new StatementJourney(rest, jdbc, runtime, management, clerk, f);
        LocalDate inPeriod = f.period.first().plusDays(3);
        // long document numbers, as some ERPs make them: the narrow column must still fit a phone
        StatementFixture.ok(clerk.upload("/api/customers/import", "c.csv",
                "customer_code,name,email,language,contact_name\n"
                        + f.p + "M,天津" + f.p + "滨海物流有限公司,m@example.cn,zh-CN,王丽\n"
                        + f.p + "E,Tianjin " + f.p + " Binhai Logistics Co. Ltd,e@example.cn,en,Chen Wei\n"));
        StatementFixture.ok(clerk.upload("/api/documents/import", "d.csv",
                "document_no,customer_code,type,issue_date,currency,amount\n"
                        + f.p + "-M1," + f.p + "M,INVOICE," + inPeriod + ",CNY,128000.00\n"
                        + f.p + "-M2-2026-INV-000123456," + f.p + "M,INVOICE," + inPeriod + ",CNY,3450.50\n"
                        + f.p + "-E1," + f.p + "E,INVOICE," + inPeriod + ",CNY,128000.00\n"
                        + f.p + "-E2-2026-INV-000123456," + f.p + "E,INVOICE," + inPeriod + ",CNY,3450.50\n"));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "in {0}")
    @ValueSource(strings = {"zh", "en"})
    void thePaymentRequestAndTheFirmNoticeShowWhatToPayByWhenOnADesktopAndOnAPhone(String language)
            throws Exception {
        boolean zh = language.equals("zh");
        String customer = zh ? "M" : "E";
        String address = zh ? "m@example.cn" : "e@example.cn";
        String statementNo = journey.runAndSend(customer);
        String token = StatementJourney.token(StatementJourney.onlyMailTo(address, statementNo));
        ResponseEntity<String> confirmed = journey.post("/s/" + token + "/confirm", new LinkedMultiValueMap<>());
        assertThat(confirmed.getStatusCode().value()).isIn(200, 302, 303);
        ProcessJobs.runAll(runtime, management, statementNo);
        String settlementNo = "SET-" + statementNo;
        ProcessJobs.runAll(runtime, management, settlementNo);
        Map<String, Object> s = jdbc.queryForMap("SELECT due_date, process_instance_id FROM settlement "
                + "WHERE settlement_no = ?", settlementNo);
        LocalDate dueDate = LocalDate.parse(s.get("due_date").toString());

        // unpaid 20 days after the due date: the dunning table picks the firm notice
        try {
            Job due = management.createJobQuery().processInstanceId((String) s.get("process_instance_id")).timers()
                    .singleResult();
            ClockUtil.offset(due.getDuedate().getTime() + Duration.ofDays(19).toMillis() - System.currentTimeMillis());
            ProcessJobs.runAll(runtime, management, settlementNo);
        } finally {
            ClockUtil.reset();
        }
        List<MimeMessage> sent = StatementJourney.mailsAbout(address, settlementNo);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).getSubject()).contains(zh ? "逾期催款通知" : "Overdue notice")
                .contains(zh ? "已逾期 20 天" : "20 days overdue");

        String amount = zh ? "¥131,450.50" : "CNY 131,450.50";
        String payBy = dueDate.format(zh ? ZH_DATE : EN_DATE);
        List<String> shown = List.of(amount, payBy, f.p + "-" + customer + "1",
                f.p + "-" + customer + "2-2026-INV-000123456", zh ? "¥128,000.00" : "CNY 128,000.00",
                zh ? "应付金额" : "To pay");
        long request = captured("settlement/" + settlementNo + "/REQUEST/1");
        long firm = captured("settlement/" + settlementNo + "/DUNNING/1");

        WebDriver browser = Browser.start(zh ? "zh-CN,zh" : "en-US,en");
        try {
            WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(30));
            Browser.logIn(browser, url(""), "clerk");

            String name = "settlement-mail-" + language + "-";
            show(browser, wait, request, with(shown, zh ? "付款期限" : "Pay by"),
                    zh ? "感谢贵司确认我司" : "Thank you for agreeing our statement", name + "request");
            // the notice names the date that has passed as such, not as a date to pay by
            show(browser, wait, firm, with(shown, zh ? "原到期日" : "Was due on"),
                    zh ? "现已逾期 20 天" : "is now 20 days overdue", name + "firm");
        } catch (RuntimeException | AssertionError e) {
            Browser.screenshot(browser, "settlement-mail-" + language + "-failed");
            throw e;
        } finally {
            browser.quit();
        }
    }

    private static List<String> with(List<String> texts, String more) {
        return java.util.stream.Stream.concat(texts.stream(), java.util.stream.Stream.of(more)).toList();
    }

    /** The mail at desktop width, then on a phone's screen: everything the customer needs, nothing wider. */
    private void show(WebDriver browser, WebDriverWait wait, long mailId, List<String> shown, String intro,
            String name) throws Exception {
        browser.get(url("/dev/mailbox/" + mailId + "/html"));
        Browser.awaitText(browser, wait, intro, name + "-desktop");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(shown);
        Browser.screenshot(browser, name + "-desktop");

        phone(browser, PHONE_HEIGHT);
        try {
            browser.navigate().refresh();
            Browser.awaitText(browser, wait, intro, name + "-phone");
            assertThat(browser.findElement(By.tagName("body")).getText()).contains(shown);
            try {
                assertNoSidewaysScroll(browser);
            } catch (AssertionError e) {
                Browser.screenshot(browser, name + "-phone-overflow");
                throw e;
            }
            // the whole mail in one picture: the screen as tall as the mail
            Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollHeight");
            phone(browser, Math.max(PHONE_HEIGHT, height.intValue()));
            Browser.screenshot(browser, name + "-phone");
        } finally {
            ((HasCdp) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /**
     * A phone's screen rather than a narrow desktop window: its width for the page's viewport, and scrollbars that
     * float over the page as a phone's do instead of taking 15 pixels of its width.
     */
    private static void phone(WebDriver browser, int height) {
        ((HasCdp) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH,
                "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    /** The mail fits the phone's width: the page does not scroll sideways. */
    private static void assertNoSidewaysScroll(WebDriver browser) {
        @SuppressWarnings("unchecked")
        Map<String, Number> widths = (Map<String, Number>) ((JavascriptExecutor) browser).executeScript(
                "return {client: document.documentElement.clientWidth, page: document.documentElement.scrollWidth}");
        assertThat(widths.get("client").intValue()).as("the phone's width").isEqualTo(PHONE_WIDTH);
        assertThat(widths.get("page").intValue()).as("the mail's width on the phone").isLessThanOrEqualTo(PHONE_WIDTH);
    }

    /** The mail the outbox sent under that key, kept as the default profile's capturing sender keeps it. */
    private long captured(String mailKey) {
        Map<String, Object> sent = jdbc.queryForMap("SELECT recipients, subject, mime, status FROM mail_outbox "
                + "WHERE mail_key = ?", mailKey);
        assertThat(sent.get("status")).isEqualTo("SENT");
        byte[] mime = (byte[]) sent.get("mime");
        jdbc.update("INSERT INTO captured_mail (captured_at, sender, recipients, subject, raw) VALUES (?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), "statements@localhost", sent.get("recipients"), sent.get("subject"),
                new String(mime, StandardCharsets.US_ASCII));
        return jdbc.queryForObject("SELECT MAX(id) FROM captured_mail", Long.class);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
