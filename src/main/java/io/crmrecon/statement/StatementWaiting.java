package io.crmrecon.statement;

import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's side of the wait, as the process sees it: whether an answer has come, when to remind, what
 * happens when the time to answer has run out, and what a clerk's follow-up decides.
 */
@Service
class StatementWaiting {

    /** What the reminder table decides by: the customer's segment (upper case, empty when none) and days. */
    record ReminderInputs(String segment, int confirmationDays) {
    }

    /** Before waiting: the next reminder (null when none is left) and when the time to answer runs out. */
    record Schedule(Instant nextReminder, Instant deadline) {
    }

    /** When the time to answer ran out. */
    enum PeriodEnd {
        /** Silence counts as agreement for this customer: recorded. */
        DEEMED_CONFIRMED,
        /** An answer came first: the process looks at it. */
        ANSWERED,
        /** A clerk follows up. */
        FOLLOW_UP
    }

    /** What a clerk's follow-up did. */
    enum FollowUpResult {
        ANSWERED, RESEND, DEEMED_CONFIRMED, CLOSED
    }

    private static final int NOTE_LENGTH = 2000;

    private final StatementRepository repository;
    private final Statements statements;
    private final StatementAnswers answers;
    private final Customers customers;
    private final Clock clock;

    StatementWaiting(StatementRepository repository, Statements statements, StatementAnswers answers,
            Customers customers, Clock clock) {
        this.repository = repository;
        this.statements = statements;
        this.answers = answers;
        this.customers = customers;
        this.clock = clock;
    }

    /**
     * The version's open outcome, if the customer has answered. Locks the statement until the caller's transaction
     * ends, so an answer committed meanwhile is correlated to the wait this transaction reaches.
     */
    @Transactional
    Optional<StatementStatus> answer(long statementId) {
        return answers.outcome(statementId);
    }

    ReminderInputs reminderInputs(long statementId) {
        Customer customer = customerOf(find(statementId));
        return new ReminderInputs(customer.segmentForRules(), customer.getConfirmationDays());
    }

    /** {@code reminderDays}: the days of the answer period the reminder table named. */
    Schedule schedule(long statementId, Collection<Integer> reminderDays) {
        Statement statement = find(statementId);
        if (statement.sentAt() == null || statement.answerDue() == null) {
            throw new IllegalStateException("statement " + statement.statementNo() + " v" + statement.version()
                    + " has not been sent");
        }
        LocalDate sentOn = LocalDate.ofInstant(statement.sentAt(), clock.getZone());
        Instant next = AnswerPeriod.nextReminder(sentOn, statement.answerDue(), reminderDays, clock.instant(),
                clock.getZone()).orElse(null);
        return new Schedule(next, AnswerPeriod.deadline(statement.answerDue(), clock.getZone()));
    }

    @Transactional
    PeriodEnd answerPeriodEnded(long statementId) {
        Statement statement = find(statementId);
        if (customerOf(statement).isDeemedConfirmed()) {
            return answers.deem(statementId, statement.answerDue()) ? PeriodEnd.DEEMED_CONFIRMED : PeriodEnd.ANSWERED;
        }
        return answers.outcome(statementId).isPresent() ? PeriodEnd.ANSWERED : PeriodEnd.FOLLOW_UP;
    }

    /** A clerk decided; an answer that came while the task was open wins over the decision. */
    @Transactional
    FollowUpResult followUp(long statementId, FollowUpOutcome outcome, String clerk, String note) {
        if (answers.outcome(statementId).isPresent()) {
            return FollowUpResult.ANSWERED;
        }
        if (note != null && note.length() > NOTE_LENGTH) {
            note = note.substring(0, NOTE_LENGTH);
        }
        return switch (outcome) {
            case RESEND -> FollowUpResult.RESEND;
            case DEEMED_CONFIRMED -> {
                statements.move(statementId, StatementStatus.DEEMED_CONFIRMED, clerk, note);
                yield FollowUpResult.DEEMED_CONFIRMED;
            }
            case CLOSE -> {
                statements.move(statementId, StatementStatus.CLOSED, clerk, note);
                yield FollowUpResult.CLOSED;
            }
        };
    }

    /** The dispute was rejected: the version is open for an answer again. */
    @Transactional
    void reopen(long statementId, String reason) {
        answers.reopen(statementId, reason);
    }

    private Customer customerOf(Statement statement) {
        return customers.byId(statement.customerId())
                .orElseThrow(() -> new IllegalStateException("no customer " + statement.customerId()));
    }

    private Statement find(long statementId) {
        return repository.findById(statementId)
                .orElseThrow(() -> new IllegalArgumentException("no statement " + statementId));
    }
}
