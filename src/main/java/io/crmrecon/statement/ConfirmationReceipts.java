package io.crmrecon.statement;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The confirmation receipt (PDF): which version the customer agreed to, its closing balance, who confirmed as they
 * typed it, when, from which address, and the SHA-256 of the statement PDF they were sent. The customer downloads
 * it from their page, staff from the statement's page; both get the same document in the customer's language.
 */
@Component
class ConfirmationReceipts {

    private final Configuration freemarker;
    private final MessageSource messages;
    private final CompanyDetails company;
    private final Customers customers;
    private final StatementAnswers answers;
    private final PdfRenderer pdf = new PdfRenderer();

    ConfirmationReceipts(Configuration freemarker, MessageSource messages, CompanyDetails company,
            Customers customers, StatementAnswers answers) {
        this.freemarker = freemarker;
        this.messages = messages;
        this.company = company;
        this.customers = customers;
        this.answers = answers;
    }

    /** The receipt of the version's confirmation, if the version is confirmed (or deemed so). */
    Optional<byte[]> of(Statement statement) {
        return answers.open(statement.id()).filter(StatementAnswer::isConfirmation)
                .map(answer -> render(statement, answer));
    }

    static String fileName(Statement statement) {
        return statement.statementNo() + "-v" + statement.version() + "-confirmation.pdf";
    }

    private byte[] render(Statement statement, StatementAnswer answer) {
        Locale locale = statement.language();
        Optional<Customer> customer = customers.byId(statement.customerId());
        Map<String, Object> model = new HashMap<>();
        model.put("a", answer);
        model.put("company", company);
        model.put("period", statement.period().toString());
        model.put("customerName", customer.map(Customer::getName).orElse(""));
        model.put("customerCode", customer.map(Customer::getCustomerCode).orElse(""));
        model.put("language", locale.getLanguage());
        model.put("t", new TemplateTexts(messages, locale));
        try {
            StringWriter out = new StringWriter();
            freemarker.getTemplate("customer/receipt.ftlh", locale).process(model, out);
            return pdf.render(out.toString(), StatementDocuments.PRODUCER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("the confirmation receipt template failed", e);
        }
    }
}
