package io.crmrecon.common;

/**
 * A person's choice that a rule forbids: the form field, and the message code with its arguments. Thrown by the
 * plain-Java rules of a task; the task's listener turns it into the engine's form validation error (400, the task
 * stays open) with {@link FormRefusalHandler}.
 */
public final class FieldRefusal extends RuntimeException {

    private final String field;
    private final String code;
    private final transient Object[] args;

    public FieldRefusal(String field, String code, Object... args) {
        super(field + ": " + code);
        this.field = field;
        this.code = code;
        this.args = args;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
