package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * customerStatement's delegates and listener, the real ones, over services that keep one statement number in
 * memory instead of the database: what the process test looks at.
 */
final class InMemoryStatement {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    int version = 1;
    StatementStatus answer;
    Instant sentAt;
    LocalDate due;
    String segment = "";
    int confirmationDays = 15;
    boolean deemed;
    boolean sendFails;
    List<Integer> reminderDays;
    final List<String> queued = new ArrayList<>();
    final List<String> delivered = new ArrayList<>();
    final List<String> events = new ArrayList<>();
    final List<Long> failed = new ArrayList<>();

    long statementId() {
        return 100 + version;
    }

    /** Registers the delegates and the listener under their bean names for the engine's mock expressions. */
    void register() {
        InMemoryStatement world = this; // what the services below remember
        StatementGeneration generation = new StatementGeneration(null, null, null, null, null, null, null, null) {
            @Override
            Statement generate(Request r) {
                assertThat(r.statementNo()).isEqualTo("S2609-00017");
                assertThat(r.version()).isEqualTo(world.version);
                return statement(world.statementId(), world.version);
            }

            @Override
            Statement reissue(long statementId, String processInstanceId, String note) {
                world.events.add("superseded " + statementId);
                world.version++;
                world.answer = null;
                return statement(world.statementId(), world.version);
            }
        };
        StatementSending sending = new StatementSending(null, null, null, null, null, null, null, null, null, null) {
            @Override
            long prepare(long statementId, MailKind kind, int mailNo) {
                world.queued.add(kind + " v" + world.version + " #" + mailNo);
                return 1000 + mailNo;
            }

            @Override
            void deliver(long statementId, long outboxId, MailKind kind) {
                if (world.sendFails) {
                    throw new IllegalStateException("550 mailbox unavailable");
                }
                Instant now = ClockUtil.getCurrentTime().toInstant();
                world.delivered.add(kind + " " + LocalDateTime.ofInstant(now, ZONE));
                if (kind != MailKind.REMINDER) {
                    world.sentAt = now;
                    world.due = AnswerPeriod.due(now, ZONE, world.confirmationDays);
                }
            }
        };
        StatementWaiting waiting = new StatementWaiting(null, null, null, null, null) {
            @Override
            Optional<StatementStatus> answer(long statementId) {
                return Optional.ofNullable(world.answer);
            }

            @Override
            ReminderInputs reminderInputs(long statementId) {
                return new ReminderInputs(world.segment, world.confirmationDays);
            }

            @Override
            Schedule schedule(long statementId, Collection<Integer> reminderDays) {
                world.reminderDays = List.copyOf(reminderDays);
                LocalDate sentOn = LocalDate.ofInstant(world.sentAt, ZONE);
                return new Schedule(AnswerPeriod.nextReminder(sentOn, world.due, reminderDays,
                        ClockUtil.getCurrentTime().toInstant(), ZONE).orElse(null), AnswerPeriod.deadline(world.due, ZONE));
            }

            @Override
            PeriodEnd answerPeriodEnded(long statementId) {
                if (world.answer != null) {
                    return PeriodEnd.ANSWERED;
                }
                if (world.deemed) {
                    world.answer = StatementStatus.DEEMED_CONFIRMED;
                    world.events.add("deemed as of " + world.due);
                    return PeriodEnd.DEEMED_CONFIRMED;
                }
                return PeriodEnd.FOLLOW_UP;
            }

            @Override
            FollowUpResult followUp(long statementId, FollowUpOutcome outcome, String clerk, String note) {
                if (world.answer != null) {
                    return FollowUpResult.ANSWERED;
                }
                world.events.add(outcome + " by " + clerk + ": " + note);
                return switch (outcome) {
                    case RESEND -> FollowUpResult.RESEND;
                    case DEEMED_CONFIRMED -> FollowUpResult.DEEMED_CONFIRMED;
                    case CLOSE -> FollowUpResult.CLOSED;
                };
            }

            @Override
            void reopen(long statementId, String reason) {
                world.answer = null;
                world.events.add("reopened " + statementId + ": " + reason);
            }
        };
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/statementprocess");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Mocks.register("generateStatementDelegate", new GenerateStatementDelegate(generation,
                new StatementSettings(null, null, null, "PT1M,PT5M,PT30M", null, null, null)));
        Mocks.register("reissueStatementDelegate", new ReissueStatementDelegate(generation));
        Mocks.register("prepareStatementMailDelegate", new PrepareStatementMailDelegate(sending));
        Mocks.register("deliverStatementMailDelegate", new DeliverStatementMailDelegate(sending));
        Mocks.register("checkStatementAnswerDelegate", new CheckStatementAnswerDelegate(waiting));
        Mocks.register("answerPeriodEndedDelegate", new AnswerPeriodEndedDelegate(waiting));
        Mocks.register("reopenStatementDelegate", new ReopenStatementDelegate(waiting));
        Mocks.register("followUpDecidedDelegate", new FollowUpDecidedDelegate(waiting));
        Mocks.register("followUpCustomerListener", new FollowUpCustomerListener(messages));
        Mocks.register("openDisputeDelegate", new OpenDisputeDelegate(event -> world.events.add("dispute handed over "
                + ((StatementDisputed) event).statementId())));
        Mocks.register("statementAgreedListener", new StatementAgreedListener(event -> world.events.add(
                "agreed " + ((StatementAgreed) event).statementId())));
    }

    static Statement statement(long id, int version) {
        return new Statement() {
            @Override
            Long id() {
                return id;
            }

            @Override
            int version() {
                return version;
            }
        };
    }
}
