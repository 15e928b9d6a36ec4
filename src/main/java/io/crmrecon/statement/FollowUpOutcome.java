package io.crmrecon.statement;

import java.util.Locale;
import java.util.Optional;

/** A clerk's decision on a statement nobody answered in time (task {@code followUpCustomer}, CONTRACT.md §6). */
enum FollowUpOutcome {
    /** Send the statement again; the customer's time to answer starts anew. */
    RESEND,
    /** Count the silence as agreement, as the clerk's decision. */
    DEEMED_CONFIRMED,
    /** Give up on an answer: the statement is CLOSED. */
    CLOSE;

    static Optional<FollowUpOutcome> parse(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.toString().strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
