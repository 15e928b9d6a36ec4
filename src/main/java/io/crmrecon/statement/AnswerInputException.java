package io.crmrecon.statement;

import java.util.Map;

/**
 * The customer's form is not an answer we can record: per field (the form's own names), the message code that
 * says why. Nothing was stored.
 */
class AnswerInputException extends RuntimeException {

    private final Map<String, String> errors;

    AnswerInputException(Map<String, String> errors) {
        super("invalid answer: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    Map<String, String> errors() {
        return errors;
    }
}
