package io.crmrecon.statement;

import io.crmrecon.common.LetterDates;
import io.crmrecon.common.Money;
import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import io.crmrecon.notification.MailTemplates;
import io.crmrecon.notification.Outbox;
import io.crmrecon.notification.OutgoingMail;
import freemarker.template.Configuration;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A statement's e-mail in the customer's language: HTML and plain text, the subject naming the statement number
 * and the period, the PDF attached, and the link to the customer's page.
 *
 * <p>Key of the queued mail: {@code statement/{no}/v{version}/{kind}/{n}}. {@code n} tells a version's reminders
 * (and resends) apart: the first is 1, the next 2. Callers that count themselves pass it; otherwise it is one more
 * than the mails of that kind already queued for the version, so a step that is retried after a rollback queues
 * the same key again (and so the same mail once).
 */
@Component
class StatementMails {


    private final Configuration freemarker;
    private final MessageSource messages;
    private final Customers customers;
    private final Outbox outbox;
    private final CompanyDetails company;
    private final Clock clock;

    StatementMails(Configuration freemarker, MessageSource messages, Customers customers, Outbox outbox,
            CompanyDetails company, Clock clock) {
        this.freemarker = freemarker;
        this.messages = messages;
        this.customers = customers;
        this.outbox = outbox;
        this.company = company;
        this.clock = clock;
    }

    /**
     * {@code pdf}: the version's PDF, attached; {@code link}: {@code {recon.public-base-url}/s/{token}}; the n-th mail
     * of its kind derived (class comment).
     */
    OutgoingMail compose(Statement statement, byte[] pdf, MailKind kind, String link,
            StatementAnswers.ClosedDispute answered) {
        int n = kind == MailKind.FIRST ? 1 : outbox.countQueued(keyPrefix(statement, kind)) + 1;
        return compose(statement, pdf, kind, link, n, answered);
    }

    /**
     * {@code n}: which mail of its kind for this version (1, 2, …): part of the key that makes queueing idempotent.
     * {@code answered}: the dispute this mail answers (the first mail of a version that replaced a disputed one: it
     * was accepted; a mail sent again: it was rejected), or null.
     */
    OutgoingMail compose(Statement statement, byte[] pdf, MailKind kind, String link, int n,
            StatementAnswers.ClosedDispute answered) {
        if (n < 1) {
            throw new IllegalArgumentException("n: the first mail of a kind is 1, not " + n);
        }
        Customer customer = customers.byId(statement.customerId())
                .orElseThrow(() -> new IllegalArgumentException("no customer " + statement.customerId()));
        Locale locale = statement.language();
        StatementMailView view = view(statement, customer, kind, link, answered);
        String subject = text(locale, "mail.statement.subject." + kind.name(), view.statementNo(), view.period(),
                view.answerDue());
        return new OutgoingMail(keyPrefix(statement, kind) + n, customer.getEmail(), customer.getCcEmails(),
                subject, render("mail/statement.ftlh", view, locale), render("mail/statement.txt.ftl", view, locale),
                List.of(new OutgoingMail.Attachment(view.attachmentName(), "application/pdf", pdf)),
                locale);
    }

    static String keyPrefix(Statement statement, MailKind kind) {
        return "statement/" + statement.statementNo() + "/v" + statement.version() + "/" + kind.name() + "/";
    }

    private StatementMailView view(Statement statement, Customer customer, MailKind kind, String link,
            StatementAnswers.ClosedDispute answered) {
        Locale locale = statement.language();
        boolean zh = "zh".equals(locale.getLanguage());
        String contact = customer.getContactName() == null || customer.getContactName().isBlank()
                ? customer.getName() : customer.getContactName().strip();
        BigDecimal closing = statement.closingBalance();
        String attachment = statement.statementNo() + (statement.version() > 1 ? "-v" + statement.version() : "")
                + ".pdf";
        return new StatementMailView(zh ? "zh" : "en", kind.name(), contact, customer.getName(),
                customer.getCustomerCode(), statement.statementNo(), statement.version(),
                LetterDates.month(statement.period().month(), zh),
                Money.inLetter(closing.abs(), statement.currency(), zh), closing.signum() < 0,
                LetterDates.date(answerDue(statement, customer), zh), customer.isDeemedConfirmed(), link,
                attachment, company.name(), companyContact(), company.address() == null ? "" : company.address(),
                answered == null ? null : kind == MailKind.RESEND ? "REJECTED" : "ACCEPTED",
                answered == null ? null : answered.note());
    }

    /**
     * Set when the statement was sent; the first mail is composed just before, so it is the day the clock reads
     * plus the customer's confirmation days, as the send step will set it.
     */
    private LocalDate answerDue(Statement statement, Customer customer) {
        return statement.answerDue() != null ? statement.answerDue()
                : LocalDate.now(clock).plusDays(customer.getConfirmationDays());
    }


    private String companyContact() {
        return Stream.of(company.phone(), company.email()).filter(s -> s != null && !s.isBlank())
                .map(String::strip).collect(Collectors.joining(" · "));
    }

    private String text(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, locale);
    }

    private String render(String name, StatementMailView view, Locale locale) {
        return MailTemplates.render(freemarker, messages, name, view, locale);
    }
}
