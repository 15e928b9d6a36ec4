package io.crmrecon.statement;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What followed a statement — its disputes, its settlement — as the features that own them tell it, so the
 * statement's staff page shows everything that was decided about it without reading their tables. Disputes and
 * settlement provide one each; the page asks every provider.
 */
public interface StatementFollowUps {

    /** One thing that happened: when, who, what (in the reader's language), how much, the note. */
    record Entry(Instant at, String actor, String action, String amount, String note) {
    }

    /** A dispute or a settlement of the statement, with everything it did in order. */
    record FollowUp(String kind, String number, String status, String processInstanceId, List<Entry> entries) {
    }

    /** Those of every version of the statement, oldest first, in the reader's language. */
    List<FollowUp> of(String statementNo, Locale locale);
}
