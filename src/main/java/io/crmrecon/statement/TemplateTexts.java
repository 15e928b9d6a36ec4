package io.crmrecon.statement;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * {@code t(code, args…)} in a template: a message in one chosen language — the customer's, not the viewer's, so
 * Spring's request-bound message macros do not serve. An unknown code shows as itself.
 */
final class TemplateTexts implements TemplateMethodModelEx {

    private final MessageSource messages;
    private final Locale locale;

    TemplateTexts(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    String get(String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

    @Override
    public Object exec(List arguments) throws TemplateModelException {
        if (arguments.isEmpty()) {
            throw new TemplateModelException("t(code, args…) needs a message code");
        }
        Object[] args = new Object[arguments.size() - 1];
        for (int i = 1; i < arguments.size(); i++) {
            args[i - 1] = DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(i));
        }
        return get(String.valueOf(DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(0))), args);
    }
}
