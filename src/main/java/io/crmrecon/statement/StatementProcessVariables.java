package io.crmrecon.statement;

/**
 * The variables of a {@code customerStatement} instance (small: ids and flags). Started with
 * {@link #STATEMENT_RUN_ID}, {@link #CUSTOMER_ID}, {@link #CURRENCY}, {@link #PERIOD} and {@link #STATEMENT_NO}; the
 * rest its steps set.
 */
final class StatementProcessVariables {

    static final String PROCESS_KEY = "customerStatement";

    static final String STATEMENT_RUN_ID = "statementRunId";
    static final String CUSTOMER_ID = "customerId";
    static final String CURRENCY = "currency";
    static final String PERIOD = "period";
    static final String STATEMENT_NO = "statementNo";
    /** The version to generate, when an instance is started for another than the first (absent: 1). */
    static final String VERSION = "version";
    /** The {@code statement} row of that version. */
    static final String STATEMENT_ID = "statementId";
    /** FIRST, REMINDER or RESEND: what the next mail is; absent until a mail other than the first is due. */
    static final String MAIL_KIND = "mailKind";
    /** How many mails the instance has queued. */
    static final String MAIL_NO = "mailNo";
    /** The queued mail the deliver job sends. */
    static final String OUTBOX_ID = "outboxId";
    /** recon.statement.send-retry-cycle, read by the deliver job's retry time cycle. */
    static final String SEND_RETRY_CYCLE = "sendRetryCycle";
    /**
     * The customer's open outcome before the wait: CONFIRMED, DEEMED_CONFIRMED, DISPUTED or NONE; transient (the
     * gateway after checkAnswer reads it in the same transaction).
     */
    static final String ANSWER = "answer";
    /** The next reminder's time, or null when none is left (the reminder gateway asks). */
    static final String NEXT_REMINDER_AT = "nextReminderAt";
    /** Whether a reminder is left: read only by models before version tag 2 ({@link GenerateStatementDelegate#storesEverything}). */
    static final String REMINDER_LEFT = "reminderLeft";
    static final String DEADLINE_AT = "deadlineAt";
    /** DEEMED_CONFIRMED, ANSWERED or FOLLOW_UP ({@link StatementWaiting.PeriodEnd}). */
    static final String PERIOD_END = "periodEnd";
    /** Set by disputeHandling's message: ACCEPTED or REJECTED, with an optional {@code resolutionNote}. */
    static final String DISPUTE_OUTCOME = "disputeOutcome";
    static final String RESOLUTION_NOTE = "resolutionNote";
    /** The follow-up task's choice, copied out of the task: outcome, note and who decided. */
    static final String FOLLOW_UP_OUTCOME = "followUpOutcome";
    static final String FOLLOW_UP_NOTE = "followUpNote";
    static final String FOLLOW_UP_BY = "followUpBy";
    /** ANSWERED, RESEND, DEEMED_CONFIRMED or CLOSED ({@link StatementWaiting.FollowUpResult}). */
    static final String FOLLOW_UP_RESULT = "followUpResult";
    static final String NONE = "NONE";

    private StatementProcessVariables() {
    }

    static long longOf(Object value, String name) {
        return io.crmrecon.common.VariableValues.longOf(value, name);
    }
}
