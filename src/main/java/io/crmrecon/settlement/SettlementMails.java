package io.crmrecon.settlement;

import io.crmrecon.common.LetterDates;
import io.crmrecon.common.Money;
import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import io.crmrecon.notification.MailTemplates;
import io.crmrecon.notification.OutgoingMail;
import io.crmrecon.notification.Outbox;
import io.crmrecon.security.StaffDirectory;
import io.crmrecon.statement.AgreedStatements;
import io.crmrecon.statement.AgreedStatements.AgreedStatement;
import io.crmrecon.statement.CompanyDetails;
import freemarker.template.Configuration;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A settlement's mails in the customer's language: the payment request (the agreed statement's PDF attached) and
 * the dunning letters, copied to the customer's account manager where the dunning table says so.
 *
 * <p>Keys: {@code settlement/{no}/REQUEST/1} and {@code settlement/{no}/DUNNING/{n}}, n one more than those queued
 * before, so a retried step queues the same mail once.
 */
@Component
class SettlementMails {


    private final Configuration freemarker;
    private final MessageSource messages;
    private final Customers customers;
    private final AgreedStatements statements;
    private final Settlements settlements;
    private final Outbox outbox;
    private final CompanyDetails company;
    private final StaffDirectory staff;
    private final Clock clock;

    SettlementMails(Configuration freemarker, MessageSource messages, Customers customers, AgreedStatements statements,
            Settlements settlements, Outbox outbox, CompanyDetails company,
            StaffDirectory staff, Clock clock) {
        this.freemarker = freemarker;
        this.messages = messages;
        this.customers = customers;
        this.statements = statements;
        this.settlements = settlements;
        this.outbox = outbox;
        this.company = company;
        this.staff = staff;
        this.clock = clock;
    }

    long queuePaymentRequest(Settlement s) {
        return outbox.enqueue(compose(s, "REQUEST", "FRIENDLY", false, "settlement/" + s.settlementNo() + "/REQUEST/1"));
    }

    long queueDunning(Settlement s, String template, String tone, boolean copyAccountManager) {
        String prefix = "settlement/" + s.settlementNo() + "/DUNNING/";
        return outbox.enqueue(compose(s, template, tone, copyAccountManager, prefix + (outbox.countQueued(prefix) + 1)));
    }

    OutgoingMail compose(Settlement s, String kind, String tone, boolean copyAccountManager, String key) {
        AgreedStatement statement = statements.of(s.statementId())
                .orElseThrow(() -> new IllegalStateException("no statement " + s.statementId()));
        Customer customer = customers.byId(s.customerId())
                .orElseThrow(() -> new IllegalStateException("no customer " + s.customerId()));
        Locale locale = statement.language();
        SettlementMailView view = view(s, statement, customer, kind, tone);
        String subject = messages.getMessage("mail.settlement.subject." + kind, new Object[] {view.settlementNo(),
                view.amountDue(), view.dueDate(), view.daysOverdue()}, locale);
        List<String> cc = new ArrayList<>(customer.getCcEmails());
        if (copyAccountManager) {
            staff.emailOf(customer.getAccountManager()).ifPresent(cc::add);
        }
        List<OutgoingMail.Attachment> attachments = statements.pdf(s.statementId())
                .map(pdf -> List.of(new OutgoingMail.Attachment(statement.pdfFileName(), "application/pdf", pdf)))
                .orElse(List.of());
        return new OutgoingMail(key, customer.getEmail(), cc, subject,
                MailTemplates.render(freemarker, messages, "mail/settlement.ftlh", view, locale),
                MailTemplates.render(freemarker, messages, "mail/settlement.txt.ftl", view, locale), attachments,
                locale);
    }

    private SettlementMailView view(Settlement s, AgreedStatement statement, Customer customer, String kind,
            String tone) {
        boolean zh = "zh".equals(statement.language().getLanguage());
        String currency = s.currency();
        Settlements.Standing standing = settlements.standing(s);
        List<SettlementMailView.Item> lines = new ArrayList<>();
        for (SettlementJournal.Item i : standing.items()) {
            BigDecimal open = standing.openOf(i);
            if (open.signum() != 0) {
                lines.add(new SettlementMailView.Item(i.documentNo(),
                        i.dueDate() == null ? "" : i.dueDate().toString(), Money.inLetter(open, currency, zh)));
            }
        }
        BigDecimal onAccount = standing.cashCounted();
        BigDecimal due = standing.outstanding();
        String contact = customer.getContactName() == null || customer.getContactName().isBlank()
                ? customer.getName() : customer.getContactName().strip();
        return new SettlementMailView(zh ? "zh" : "en", kind, tone, contact, customer.getName(),
                customer.getCustomerCode(), s.settlementNo(), s.statementNo(),
                LetterDates.month(statement.period(), zh), lines,
                s.netted().signum() == 0 ? null : Money.inLetter(s.netted(), currency, zh),
                onAccount.signum() == 0 ? null : Money.inLetter(onAccount, currency, zh), Money.inLetter(due, currency, zh),
                LetterDates.date(s.dueDate(), zh), SettlementTerms.daysOverdue(s.dueDate(), LocalDate.now(clock)),
                company.name(), Stream.of(company.phone(), company.email()).filter(v -> v != null && !v.isBlank())
                        .map(String::strip).collect(Collectors.joining(" · ")),
                blank(company.address()), blank(company.bankName()), blank(company.bankAccount()),
                statement.pdfFileName());
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }

}
