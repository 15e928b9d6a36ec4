package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.crmrecon.TestTemplates;
import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import io.crmrecon.notification.Outbox;
import io.crmrecon.notification.OutgoingMail;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** What a customer reads in a statement's e-mail, in Chinese and in English. */
class StatementMailsTest {

    static final String LINK = "https://recon.example.com/s/q3Vx9-token_ABC";
    static final byte[] PDF = "%PDF-1.7 statement".getBytes();

    StatementMails mails;
    Customer customer;
    Outbox outbox;

    @BeforeEach
    void setUp() throws Exception {
        freemarker.template.Configuration freemarker = TestTemplates.configuration();
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/mail");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        customer = mock(Customer.class);
        when(customer.getCustomerCode()).thenReturn("C0042");
        when(customer.getName()).thenReturn("天津滨海物流有限公司");
        when(customer.getContactName()).thenReturn("王丽");
        when(customer.getEmail()).thenReturn("ap@binhai.example.cn");
        when(customer.getCcEmails()).thenReturn(List.of("cfo@binhai.example.cn", "wang@binhai.example.cn"));
        when(customer.getConfirmationDays()).thenReturn(15);
        Customers customers = mock(Customers.class);
        when(customers.byId(42L)).thenReturn(Optional.of(customer));
        outbox = mock(Outbox.class);
        CompanyDetails company = new CompanyDetails("上海示例贸易有限公司", "上海市浦东新区世纪大道100号", null, null,
                null, "021-5888 0000", "ar@example.com");
        // 2026-11-02 09:00 in Shanghai
        Clock clock = Clock.fixed(Instant.parse("2026-11-02T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
        mails = new StatementMails(freemarker, messages, customers, outbox, company, clock);
    }

    static Statement statement(Locale language, int version, String closing, String currency) {
        return new Statement("S2610-00427", version, 42L, currency, StatementPeriod.parse("2026-10"), 7L, language,
                BigDecimal.ZERO, new BigDecimal(closing), "{}", "sha", Instant.parse("2026-11-01T02:00:00Z"));
    }

    @Test
    void theFirstChineseMailNamesNumberPeriodAmountDueDateAndLink() {
        when(customer.isDeemedConfirmed()).thenReturn(true);
        OutgoingMail mail = mails.compose(statement(Locale.forLanguageTag("zh-CN"), 1, "1234567.80", "CNY"), PDF,
                MailKind.FIRST, LINK, null);

        assertThat(mail.subject()).isEqualTo("对账单 S2610-00427 · 2026年10月 · 请确认");
        assertThat(mail.key()).isEqualTo("statement/S2610-00427/v1/FIRST/1");
        assertThat(mail.to()).isEqualTo("ap@binhai.example.cn");
        assertThat(mail.cc()).containsExactly("cfo@binhai.example.cn", "wang@binhai.example.cn");
        assertThat(mail.locale().getLanguage()).isEqualTo("zh");
        for (String body : List.of(mail.html(), mail.text())) {
            // not yet sent: due the day the clock reads plus the customer's 15 days
            assertThat(body).contains("王丽，您好", "天津滨海物流有限公司", "S2610-00427", "2026年10月", "¥1,234,567.80",
                    "2026年11月17日", LINK, "视为已确认", "021-5888 0000", "ar@example.com", "S2610-00427.pdf",
                    "期末余额（贵司应付）");
            assertNothingUnrendered(body);
        }
        assertThat(mail.html()).contains("href=\"" + LINK + "\" target=\"_blank\"").doesNotContain("<style",
                "<img", "<script");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("S2610-00427.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(a.content()).isEqualTo(PDF);
        });
    }

    @Test
    void anEnglishReminderSaysItIsOneAndByWhenUsingTheSentDueDate() {
        when(customer.isDeemedConfirmed()).thenReturn(false);
        when(customer.getContactName()).thenReturn(null);
        when(customer.getName()).thenReturn("Harbour Freight Ltd");
        Statement statement = statement(Locale.ENGLISH, 1, "12800.00", "USD");
        statement.sent(Instant.parse("2026-11-02T01:00:00Z"), LocalDate.of(2026, 11, 20));
        when(outbox.countQueued("statement/S2610-00427/v1/REMINDER/")).thenReturn(1);

        OutgoingMail mail = mails.compose(statement, PDF, MailKind.REMINDER, LINK, null);

        assertThat(mail.subject()).isEqualTo(
                "Reminder: statement S2610-00427 for October 2026 \u2014 please answer by 20 November 2026");
        assertThat(mail.key()).as("the second reminder of this version").isEqualTo(
                "statement/S2610-00427/v1/REMINDER/2");
        for (String body : List.of(mail.html(), mail.text())) {
            assertThat(body).contains("Dear Harbour Freight Ltd,", "Reminder: please answer by 20 November 2026",
                    "USD 12,800.00", LINK, "our accounts team will contact you", "上海示例贸易有限公司")
                    .doesNotContain("treated as confirmed");
            assertNothingUnrendered(body);
        }
    }

    @Test
    void aResentSecondVersionSaysSoAndNamesItsAttachmentWithTheVersion() {
        OutgoingMail mail = mails.compose(statement(Locale.ENGLISH, 2, "-350.5", "CNY"), PDF, MailKind.RESEND, LINK, 3,
                null);

        assertThat(mail.subject()).isEqualTo(
                "Statement S2610-00427 for October 2026 (sent again) \u2014 please confirm");
        assertThat(mail.key()).isEqualTo("statement/S2610-00427/v2/RESEND/3");
        assertThat(mail.attachments().get(0).fileName()).isEqualTo("S2610-00427-v2.pdf");
        assertThat(mail.text()).contains("We are sending this statement again.", "version 2",
                "Closing balance (in your favour): CNY 350.50", "S2610-00427-v2.pdf");
        assertNothingUnrendered(mail.html());
    }

    @Test
    void aMailThatAnswersADisputeSaysHowItEndedWithTheNoteInTheCustomersLanguage() {
        OutgoingMail accepted = mails.compose(statement(Locale.ENGLISH, 2, "100", "CNY"), PDF, MailKind.FIRST, LINK, 1,
                new StatementAnswers.ClosedDispute("Freight was charged twice <b>"));
        assertThat(accepted.text()).contains("corrected the statement", "Our note: Freight was charged twice <b>")
                .doesNotContain("could not accept");
        assertThat(accepted.html()).contains("Freight was charged twice &lt;b&gt;");
        assertNothingUnrendered(accepted.html());

        OutgoingMail rejected = mails.compose(statement(Locale.forLanguageTag("zh-CN"), 1, "100", "CNY"), PDF,
                MailKind.RESEND, LINK, 1, new StatementAnswers.ClosedDispute(null));
        assertThat(rejected.text()).contains("未能接受该更正").doesNotContain("我们的说明");
        assertNothingUnrendered(rejected.html());

        assertThat(mails.compose(statement(Locale.ENGLISH, 1, "100", "CNY"), PDF, MailKind.RESEND, LINK, 1, null)
                .text()).doesNotContain("disputed");
    }

    @Test
    void aChineseReminderAndResendSaySoInTheSubject() {
        Statement statement = statement(Locale.forLanguageTag("zh-CN"), 1, "100", "CNY");
        statement.sent(Instant.parse("2026-11-02T01:00:00Z"), LocalDate.of(2026, 11, 20));
        when(outbox.countQueued(anyString())).thenReturn(0);

        assertThat(mails.compose(statement, PDF, MailKind.REMINDER, LINK, null).subject())
                .isEqualTo("提醒：对账单 S2610-00427 · 2026年10月 · 请于2026年11月20日前回复");
        assertThat(mails.compose(statement, PDF, MailKind.RESEND, LINK, null).subject())
                .isEqualTo("对账单 S2610-00427 · 2026年10月 · 重新发送 · 请确认");
        assertThat(mails.compose(statement, PDF, MailKind.REMINDER, LINK, null).text()).contains("温馨提醒：请于2026年11月20日前回复");
    }

    static void assertNothingUnrendered(String body) {
        assertThat(body).doesNotContain("${", "{0}", "{1}", "{2}", "{3}", "mail.statement.", "<#", "null");
    }
}
