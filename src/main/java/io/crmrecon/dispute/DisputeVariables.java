package io.crmrecon.dispute;

/** The variables of a {@code disputeHandling} instance (CONTRACT.md §6); the tasks' choices are copied out. */
final class DisputeVariables {

    static final String PROCESS_KEY = "disputeHandling";

    static final String DISPUTE_ID = "disputeId";
    static final String DISPUTE_NO = "disputeNo";
    static final String STATEMENT_PROCESS_INSTANCE_ID = "statementProcessInstanceId";
    static final String CURRENCY = "currency";
    /** Inputs of the routing and approval tables. */
    static final String REASON = "reason";
    static final String DISPUTED_AMOUNT = "disputedAmount";
    static final String SEGMENT = "segment";
    /** Set by the routing table. */
    static final String CANDIDATE_GROUP = "candidateGroup";
    static final String PRIORITY = "priority";
    /** The investigation's choice (investigateDispute or reviewEscalatedDispute). */
    static final String RESOLUTION = "resolution";
    static final String ADJUSTMENT_AMOUNT = "adjustmentAmount";
    static final String ADJUSTMENT_TYPE = "adjustmentType";
    static final String RESOLUTION_NOTE = "resolutionNote";
    static final String INVESTIGATOR = "investigator";
    static final String ADJUSTMENT_VALUE = "adjustmentValue";
    static final String EXCEEDS_DISPUTED = "exceedsDisputed";
    /** The approver's choice (approveAdjustment). */
    static final String APPROVED = "approved";
    static final String APPROVAL_NOTE = "approvalNote";
    static final String APPROVER = "approver";
    /** Who completed the task, on the task's own scope. */
    static final String DECIDED_BY = "decidedBy";

    private DisputeVariables() {
    }

    static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
