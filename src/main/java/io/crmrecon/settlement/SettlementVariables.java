package io.crmrecon.settlement;

/** The settlement process's key, message and variables (ids and small flags only). */
final class SettlementVariables {

    static final String PROCESS_KEY = "settlement";
    /** correlated by the matching side when allocations clear the settlement */
    static final String PAID_MESSAGE = "settlementPaid";

    static final String STATEMENT_ID = "statementId";
    static final String SETTLEMENT_ID = "settlementId";
    static final String SETTLEMENT_NO = "settlementNo";
    /** PAY, NONE or REFUND */
    static final String OWED = "owed";
    /** when the wait for the payment next looks again (the due date's next morning, a promised date's) */
    static final String NEXT_CHECK_AT = "nextCheckAt";
    static final String SEGMENT = "segment";
    static final String DAYS_OVERDUE = "daysOverdue";
    static final String ESCALATED = "escalated";
    static final String CLEARED = "cleared";
    /** input of a closing step: the status it ends the settlement with */
    static final String CLOSE_AS = "closeAs";
    /** the outbox id of the mail the next step delivers */
    static final String MAIL_ID = "mailId";
    static final String DUNNING_LEVEL = "dunningLevel";
    static final String DUNNING_TEMPLATE = "dunningTemplate";
    static final String DUNNING_TONE = "dunningTone";
    static final String COPY_ACCOUNT_MANAGER = "copyAccountManager";

    // collectionFollowUp and refundCustomer (CONTRACT.md §6), local to the task
    static final String OUTCOME = "outcome";
    static final String PROMISED_DATE = "promisedDate";
    static final String NOTE = "note";
    static final String REFUNDED = "refunded";
    static final String DECIDED_BY = "decidedBy";

    private SettlementVariables() {
    }
}
