package io.crmrecon.dispute;

import io.crmrecon.dispute.DisputeJournal.Action;
import io.crmrecon.ledger.Adjustments;
import io.crmrecon.ledger.DocumentType;
import io.crmrecon.statement.StatementDisputes;
import io.crmrecon.statement.StatementDisputes.CustomerDispute;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens, records and decides disputes. Each step is kept in the {@link DisputeJournal}; deciding is done once, and
 * a step retried after a crash finds its work done (the dispute of an answer, the note of a dispute).
 */
@Service
@Transactional
class Disputes {

    private final DisputeRepository repository;
    private final DisputeJournal journal;
    private final StatementDisputes statements;
    private final Adjustments adjustments;
    private final Clock clock;

    Disputes(DisputeRepository repository, DisputeJournal journal, StatementDisputes statements,
            Adjustments adjustments, Clock clock) {
        this.repository = repository;
        this.journal = journal;
        this.statements = statements;
        this.adjustments = adjustments;
        this.clock = clock;
    }

    /**
     * The dispute of the statement version's open disputed answer: opened now, or the one opened before for the
     * same answer (empty when the version has no open dispute). Its number is the statement's, then D and a count.
     */
    Optional<Dispute> open(long statementId) {
        Optional<CustomerDispute> given = statements.openDispute(statementId);
        if (given.isEmpty()) {
            return Optional.empty();
        }
        CustomerDispute d = given.get();
        Optional<Dispute> existing = repository.findByAnswerId(d.answerId());
        if (existing.isPresent()) {
            return existing;
        }
        String number = d.statementNo() + "-D" + (repository.countByStatementNo(d.statementNo()) + 1);
        Dispute dispute = repository.save(new Dispute(number, d.answerId(), d.statementId(), d.statementNo(),
                d.version(), d.customerId(), d.currency(), d.period(), d.reason(), d.disputedAmount(),
                d.claimedDifference(), clock.instant()));
        journal.record(dispute.id(), "customer", Action.OPENED, d.disputedAmount(), null, d.comment());
        return Optional.of(dispute);
    }

    void started(long disputeId, String processInstanceId) {
        get(disputeId).processInstanceId(processInstanceId);
    }

    /** The routing table placed it; recorded once, when the first investigation task is created. */
    void routed(long disputeId, String candidateGroup, Integer priority) {
        Dispute dispute = get(disputeId);
        if (dispute.candidateGroup() == null) {
            dispute.routed(candidateGroup, priority);
            journal.record(disputeId, "system", Action.ROUTED, null, null,
                    candidateGroup + (priority == null ? "" : ", priority " + priority));
        }
    }

    void escalated(long disputeId) {
        journal.record(disputeId, "system", Action.ESCALATED, null, null, null);
    }

    void proposed(long disputeId, DisputeDecision.Investigation decision) {
        journal.record(disputeId, decision.decidedBy(),
                decision.accepted() ? Action.PROPOSED_ACCEPT : Action.PROPOSED_REJECT, decision.adjustmentAmount(),
                null, decision.note());
    }

    void approval(long disputeId, DisputeDecision.Approval approval, java.math.BigDecimal proposedAmount) {
        journal.record(disputeId, approval.decidedBy(), approval.approved() ? Action.APPROVED : Action.DECLINED,
                proposedAmount, null, approval.note());
    }

    /**
     * ACCEPT: posts the credit or debit note — dated today, belonging to the disputed period — and records the
     * dispute as accepted. A retried step posts nothing twice.
     */
    Dispute grant(long disputeId, DisputeDecision.Investigation decision, String approvedBy) {
        Dispute dispute = get(disputeId);
        if (dispute.status() == DisputeStatus.ACCEPTED) {
            return dispute;
        }
        String documentNo = noteNumber(dispute, decision.adjustmentType());
        adjustments.post(new Adjustments.Note(documentNo, dispute.customerId(), dispute.currency(),
                decision.adjustmentType(), decision.adjustmentAmount(), LocalDate.now(clock),
                YearMonth.parse(dispute.period()), dispute.statementNo(), noteDescription(dispute)));
        dispute.accept(decision, documentNo, approvedBy, clock.instant());
        journal.record(disputeId, "system", Action.ADJUSTED, decision.adjustmentAmount(), documentNo,
                decision.note());
        return dispute;
    }

    /** REJECT: recorded with the reason the customer will be told. */
    Dispute reject(long disputeId, DisputeDecision.Investigation decision) {
        Dispute dispute = get(disputeId);
        if (dispute.status() == DisputeStatus.REJECTED) {
            return dispute;
        }
        dispute.reject(decision, clock.instant());
        journal.record(disputeId, decision.decidedBy(), Action.REJECTED, null, null, decision.note());
        return dispute;
    }

    @Transactional(readOnly = true)
    Dispute get(long disputeId) {
        return repository.findById(disputeId)
                .orElseThrow(() -> new IllegalArgumentException("no dispute " + disputeId));
    }

    /** CN- or DN- and the dispute's number: one note per dispute, and a retry finds it. */
    static String noteNumber(Dispute dispute, DocumentType type) {
        return (type == DocumentType.DEBIT_NOTE ? "DN-" : "CN-") + dispute.disputeNo();
    }

    private static String noteDescription(Dispute dispute) {
        return "对账异议 Dispute " + dispute.disputeNo() + " (" + dispute.statementNo() + " v"
                + dispute.statementVersion() + ")";
    }
}
