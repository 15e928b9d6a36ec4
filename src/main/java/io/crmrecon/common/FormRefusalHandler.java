package io.crmrecon.common;

import java.util.Locale;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.context.MessageSource;

/**
 * Turns a refusal into the engine's form validation error, which engine-rest answers with 400 and Tasklist shows
 * under the form. A task listener has no request and no user locale: the message is in Chinese, then English.
 */
public final class FormRefusalHandler {

    private FormRefusalHandler() {
    }

    public static FormFieldValidationException formError(MessageSource messages, FieldRefusal refusal) {
        return new FormFieldValidationException(refusal.field(),
                messages.getMessage(refusal.code(), refusal.args(), Locale.SIMPLIFIED_CHINESE) + " / "
                        + messages.getMessage(refusal.code(), refusal.args(), Locale.ENGLISH));
    }
}
