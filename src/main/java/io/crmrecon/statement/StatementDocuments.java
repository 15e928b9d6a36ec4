package io.crmrecon.statement;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a statement in its customer's language: the document as XHTML (the customer's page shows the same
 * body) and as PDF. Outside any web request, so the texts come from the message bundles by the customer's
 * locale, not the viewer's.
 */
@Component
class StatementDocuments {

    static final String PRODUCER = "CRM reconciliation";

    private final Configuration freemarker;
    private final MessageSource messages;
    private final CompanyDetails company;
    private final Clock clock;
    private final PdfRenderer pdf = new PdfRenderer();

    /** {@code freemarker}: the application's FreeMarker configuration (templates/, production settings). */
    StatementDocuments(Configuration freemarker, MessageSource messages, CompanyDetails company, Clock clock) {
        this.freemarker = freemarker;
        this.messages = messages;
        this.company = company;
        this.clock = clock;
    }

    StatementView view(StatementSnapshot snapshot, StatementView.Header header) {
        return StatementView.of(snapshot, header, company, clock.getZone(), texts(header.locale()));
    }

    String xhtml(StatementView view, Locale locale) {
        try {
            Template template = freemarker.getTemplate("statement/document.ftlh", locale);
            StringWriter out = new StringWriter();
            template.process(Map.of("v", view, "t", method(texts(locale))), out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("the statement template failed", e);
        }
    }

    byte[] pdf(StatementView view, Locale locale) {
        return pdf.render(xhtml(view, locale), PRODUCER);
    }

    private Function<String, String> texts(Locale locale) {
        return code -> messages.getMessage(code, null, code, locale);
    }

    private static TemplateMethodModelEx method(Function<String, String> texts) {
        return (List arguments) -> {
            if (arguments.size() != 1) {
                throw new TemplateModelException("t(code) takes one message code");
            }
            return texts.apply(String.valueOf(arguments.get(0)));
        };
    }
}
