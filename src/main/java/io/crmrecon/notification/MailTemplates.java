package io.crmrecon.notification;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * Renders a mail's FreeMarker template with its view as {@code m} and the texts of the recipient's language as
 * {@code t(code, args…)}.
 */
public final class MailTemplates {

    private MailTemplates() {
    }

    public static String render(Configuration freemarker, MessageSource messages, String name, Object view,
            Locale locale) {
        Map<String, Object> model = Map.of("m", view, "t", texts(messages, locale));
        try {
            StringWriter out = new StringWriter();
            freemarker.getTemplate(name, locale).process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("the mail template " + name + " failed", e);
        }
    }

    /** t(code, args…) in the templates: a message in the recipient's language. */
    static TemplateMethodModelEx texts(MessageSource messages, Locale locale) {
        return arguments -> {
            if (arguments.isEmpty()) {
                throw new TemplateModelException("t(code, args…) needs a message code");
            }
            List<Object> args = new ArrayList<>();
            for (Object a : arguments.subList(1, arguments.size())) {
                args.add(DeepUnwrap.unwrap((TemplateModel) a));
            }
            return messages.getMessage(String.valueOf(arguments.get(0)), args.toArray(), locale);
        };
    }
}
