package io.crmrecon.common;

/** Reading process variables that may come as numbers or as text (engine-rest, forms, older instances). */
public final class VariableValues {

    private VariableValues() {
    }

    /** The variable as a long; a missing or blank one is a broken instance, not a user's mistake. */
    public static long longOf(Object value, String name) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value != null && !value.toString().isBlank()) {
            return Long.parseLong(value.toString().strip());
        }
        throw new IllegalStateException("the process has no " + name);
    }
}
