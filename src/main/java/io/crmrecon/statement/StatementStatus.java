package io.crmrecon.statement;

import java.util.EnumSet;
import java.util.Set;

/** Where one statement version stands (CONTRACT.md §3). */
enum StatementStatus {
    GENERATED, SENT, CONFIRMED, DEEMED_CONFIRMED, DISPUTED, SUPERSEDED, SETTLED, FAILED, CLOSED;

    /** Answered or ended: a new run for the same period may issue the customer a new statement. */
    static final Set<StatementStatus> FINISHED = EnumSet.of(CONFIRMED, DEEMED_CONFIRMED, SETTLED, CLOSED);

    boolean isFinished() {
        return FINISHED.contains(this);
    }

    /** The moves the processes make; anything else is a bug or a race, refused. */
    boolean canMoveTo(StatementStatus next) {
        return switch (this) {
            case GENERATED -> next == SENT || next == FAILED || next == SUPERSEDED || next == CLOSED;
            // a failed send may be retried from Cockpit (the job) and still go out
            case FAILED -> next == SENT || next == CLOSED || next == SUPERSEDED;
            case SENT -> next == CONFIRMED || next == DEEMED_CONFIRMED || next == DISPUTED || next == SUPERSEDED
                    || next == CLOSED;
            // a rejected dispute reopens the version (SENT); an accepted one supersedes it
            case DISPUTED -> next == SENT || next == SUPERSEDED || next == CLOSED;
            case CONFIRMED, DEEMED_CONFIRMED -> next == SETTLED || next == CLOSED || next == SUPERSEDED;
            case SETTLED -> next == CLOSED;
            case SUPERSEDED, CLOSED -> false;
        };
    }
}
