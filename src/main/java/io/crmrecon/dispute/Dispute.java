package io.crmrecon.dispute;

import io.crmrecon.ledger.DocumentType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One dispute of one statement version (异议): what the customer disputed, how it was routed and how it ended. What
 * it disputed is fixed when it is opened; it is decided once, by {@link #accept} or {@link #reject}.
 */
@Entity
@Table(name = "dispute")
class Dispute {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "dispute_no", nullable = false, updatable = false)
    private String disputeNo;
    @Column(name = "answer_id", nullable = false, updatable = false)
    private long answerId;
    @Column(name = "statement_id", nullable = false, updatable = false)
    private long statementId;
    @Column(name = "statement_no", nullable = false, updatable = false)
    private String statementNo;
    @Column(name = "statement_version", nullable = false, updatable = false)
    private int statementVersion;
    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;
    @Column(nullable = false, updatable = false)
    private String currency;
    @Column(nullable = false, updatable = false)
    private String period;
    @Column(nullable = false, updatable = false)
    private String reason;
    @Column(name = "disputed_amount", nullable = false, updatable = false)
    private BigDecimal disputedAmount;
    @Column(name = "claimed_difference", updatable = false)
    private BigDecimal claimedDifference;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DisputeStatus status;
    @Column(name = "candidate_group")
    private String candidateGroup;
    private Integer priority;
    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Column(name = "resolution")
    private String resolution;
    @Enumerated(EnumType.STRING)
    @Column(name = "adjustment_type")
    private DocumentType adjustmentType;
    @Column(name = "adjustment_amount")
    private BigDecimal adjustmentAmount;
    @Column(name = "adjustment_document_no")
    private String adjustmentDocumentNo;
    @Column(name = "resolution_note")
    private String resolutionNote;
    @Column(name = "investigated_by")
    private String investigatedBy;
    @Column(name = "approved_by")
    private String approvedBy;
    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected Dispute() {
    }

    Dispute(String disputeNo, long answerId, long statementId, String statementNo, int statementVersion,
            long customerId, String currency, String period, String reason, BigDecimal disputedAmount,
            BigDecimal claimedDifference, Instant openedAt) {
        this.disputeNo = disputeNo;
        this.answerId = answerId;
        this.statementId = statementId;
        this.statementNo = statementNo;
        this.statementVersion = statementVersion;
        this.customerId = customerId;
        this.currency = currency;
        this.period = period;
        this.reason = reason;
        this.disputedAmount = disputedAmount;
        this.claimedDifference = claimedDifference;
        this.status = DisputeStatus.OPEN;
        this.openedAt = openedAt;
    }

    void routed(String candidateGroup, Integer priority) {
        this.candidateGroup = candidateGroup;
        this.priority = priority;
    }

    void processInstanceId(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** Decided in the customer's favour (or ours, with a debit note), with the note posted for it. */
    void accept(DisputeDecision.Investigation decision, String documentNo, String approvedBy, Instant at) {
        requireOpen();
        this.status = DisputeStatus.ACCEPTED;
        this.resolution = "ACCEPT";
        this.adjustmentType = decision.adjustmentType();
        this.adjustmentAmount = decision.adjustmentAmount();
        this.adjustmentDocumentNo = documentNo;
        this.resolutionNote = decision.note();
        this.investigatedBy = decision.decidedBy();
        this.approvedBy = approvedBy;
        this.resolvedAt = at;
    }

    void reject(DisputeDecision.Investigation decision, Instant at) {
        requireOpen();
        this.status = DisputeStatus.REJECTED;
        this.resolution = "REJECT";
        this.resolutionNote = decision.note();
        this.investigatedBy = decision.decidedBy();
        this.resolvedAt = at;
    }

    private void requireOpen() {
        if (status != DisputeStatus.OPEN) {
            throw new IllegalStateException("dispute " + disputeNo + " was decided already (" + status + ")");
        }
    }

    Long id() {
        return id;
    }

    String disputeNo() {
        return disputeNo;
    }

    long answerId() {
        return answerId;
    }

    long statementId() {
        return statementId;
    }

    String statementNo() {
        return statementNo;
    }

    int statementVersion() {
        return statementVersion;
    }

    long customerId() {
        return customerId;
    }

    String currency() {
        return currency;
    }

    String period() {
        return period;
    }

    String reason() {
        return reason;
    }

    BigDecimal disputedAmount() {
        return disputedAmount;
    }

    BigDecimal claimedDifference() {
        return claimedDifference;
    }

    DisputeStatus status() {
        return status;
    }

    String candidateGroup() {
        return candidateGroup;
    }

    Integer priority() {
        return priority;
    }

    Instant openedAt() {
        return openedAt;
    }

    Instant resolvedAt() {
        return resolvedAt;
    }

    DocumentType adjustmentType() {
        return adjustmentType;
    }

    BigDecimal adjustmentAmount() {
        return adjustmentAmount;
    }

    String adjustmentDocumentNo() {
        return adjustmentDocumentNo;
    }

    String resolutionNote() {
        return resolutionNote;
    }

    String investigatedBy() {
        return investigatedBy;
    }

    String approvedBy() {
        return approvedBy;
    }

    String processInstanceId() {
        return processInstanceId;
    }
}
