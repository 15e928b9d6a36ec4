package io.crmrecon.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.crmrecon.TestTemplates;
import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import io.crmrecon.notification.OutgoingMail;
import io.crmrecon.notification.Outbox;
import io.crmrecon.security.StaffDirectory;
import io.crmrecon.statement.AgreedStatements;
import io.crmrecon.statement.CompanyDetails;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** What a customer reads in a payment request and a dunning letter, in Chinese and in English. */
class SettlementMailsTest {

    static final byte[] PDF = "%PDF-1.7 statement".getBytes();

    SettlementMails mails;
    Customer customer;
    AgreedStatements statements;
    StaffDirectory staff;
    Settlement settlement;

    @BeforeEach
    void setUp() throws Exception {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/settlement");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        customer = mock(Customer.class);
        when(customer.getCustomerCode()).thenReturn("C0042");
        when(customer.getName()).thenReturn("天津滨海物流有限公司");
        when(customer.getContactName()).thenReturn("王丽");
        when(customer.getEmail()).thenReturn("ap@binhai.example.cn");
        when(customer.getCcEmails()).thenReturn(List.of("cfo@binhai.example.cn"));
        when(customer.getAccountManager()).thenReturn("manager");
        Customers customers = mock(Customers.class);
        when(customers.byId(42L)).thenReturn(Optional.of(customer));
        statements = mock(AgreedStatements.class);
        when(statements.pdf(3L)).thenReturn(Optional.of(PDF));
        settlement = mock(Settlement.class);
        Settlements settlements = mock(Settlements.class);
        // one item was paid since: the letter shows what is open now; cash on account counts against the rest
        when(settlements.standing(settlement)).thenReturn(new Settlements.Standing(List.of(
                new SettlementJournal.Item(101, "INV-2026-000889", LocalDate.of(2026, 11, 20), new BigDecimal("15600.00")),
                new SettlementJournal.Item(102, "INV-2026-000901", LocalDate.of(2026, 11, 25), new BigDecimal("4000.00")),
                new SettlementJournal.Item(103, "INV-2026-000750", LocalDate.of(2026, 10, 30), new BigDecimal("900.00"))),
                Map.of(101L, new BigDecimal("15600.00"), 102L, new BigDecimal("4000.00"), 103L, BigDecimal.ZERO),
                new BigDecimal("600.00"), new BigDecimal("19000.00")));
        Outbox outbox = mock(Outbox.class);
        staff = mock(StaffDirectory.class);
        when(staff.emailOf(anyString())).thenReturn(Optional.empty());
        CompanyDetails company = new CompanyDetails("上海示例贸易有限公司", "上海市浦东新区世纪大道100号", null,
                "招商银行上海分行", "1219 0888 0010 001", "021-5888 0000", "ar@example.com");
        Clock clock = Clock.fixed(Instant.parse("2026-12-15T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
        mails = new SettlementMails(TestTemplates.configuration(), messages, customers, statements, settlements,
                outbox, company, staff, clock);
        when(settlement.id()).thenReturn(9L);
        when(settlement.statementId()).thenReturn(3L);
        when(settlement.customerId()).thenReturn(42L);
        when(settlement.currency()).thenReturn("CNY");
        when(settlement.settlementNo()).thenReturn("SET-S2611-00042");
        when(settlement.statementNo()).thenReturn("S2611-00042");
        when(settlement.period()).thenReturn("2026-11");
        when(settlement.netted()).thenReturn(new BigDecimal("3000.00"));
        when(settlement.dueDate()).thenReturn(LocalDate.of(2026, 11, 30));
    }

    void agreedIn(Locale language) {
        when(statements.of(3L)).thenReturn(Optional.of(new AgreedStatements.AgreedStatement(3L, "S2611-00042", 2, 42L,
                "CNY", YearMonth.of(2026, 11), LocalDate.of(2026, 11, 30), new BigDecimal("20000.00"), language,
                "CONFIRMED")));
    }

    @Test
    void aChinesePaymentRequestNamesTheItemsTheNettingTheAmountAndTheAccountToPayTo() {
        agreedIn(Locale.forLanguageTag("zh-CN"));
        OutgoingMail mail = mails.compose(settlement, "REQUEST", "FRIENDLY", false, "settlement/SET-S2611-00042/REQUEST/1");

        assertThat(mail.subject()).isEqualTo("付款通知 SET-S2611-00042：请于2026年11月30日前支付 ¥19,000.00");
        assertThat(mail.to()).isEqualTo("ap@binhai.example.cn");
        assertThat(mail.cc()).containsExactly("cfo@binhai.example.cn");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("S2611-00042-v2.pdf");
            assertThat(a.content()).isEqualTo(PDF);
        });
        for (String body : List.of(mail.html(), mail.text())) {
            assertThat(body).contains("王丽，您好", "S2611-00042", "2026年11月", "INV-2026-000889", "¥15,600.00", "INV-2026-000901",
                    "已与贵司开给我司的账单抵销", "¥3,000.00", "¥600.00", "¥19,000.00", "2026年11月30日",
                    "招商银行上海分行", "1219 0888 0010 001", "021-5888 0000")
                    // paid since the request: not asked for again
                    .doesNotContain("INV-2026-000750");
            assertThat(body).doesNotContain("${", "{0}", "{1}", "{2}", "{3}", "mail.settlement.", "<#", "null");
        }
    }

    @Test
    void anEnglishFirmLetterSaysHowLateAndCopiesTheAccountManager() {
        agreedIn(Locale.ENGLISH);
        when(staff.emailOf("manager")).thenReturn(Optional.of("li.manager@example.com"));
        OutgoingMail mail = mails.compose(settlement, "FIRM", "FIRM", true, "settlement/SET-S2611-00042/DUNNING/2");

        assertThat(mail.subject()).isEqualTo("Overdue notice SET-S2611-00042: CNY 19,000.00, 15 days overdue");
        assertThat(mail.cc()).containsExactly("cfo@binhai.example.cn", "li.manager@example.com");
        assertThat(mail.locale()).isEqualTo(Locale.ENGLISH);
        for (String body : List.of(mail.html(), mail.text())) {
            assertThat(body).contains("Dear 王丽", "was due on 30 November 2026 and is now 15 days overdue",
                    "CNY 15,600.00", "CNY 19,000.00", "quoting S2611-00042", "Was due on")
                    // a date already past is no date to pay by
                    .doesNotContain("Pay by");
            assertThat(body).doesNotContain("${", "{0}", "mail.settlement.", "<#", "null");
        }
        // the firm tone's colour, not the friendly one's
        assertThat(mail.html()).contains("#f0a020").doesNotContain("#1d4ed8;color");
    }
}
