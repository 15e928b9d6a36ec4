package io.crmrecon.statement;

import static io.crmrecon.statement.StatementProcessVariables.*;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Before every wait: an answer given while nobody waited is taken here (the statement stays locked until the wait
 * is reached, so none slips between); otherwise the reminder table names the days to remind on, and the next
 * reminder and the deadline become the wait's timers.
 */
@Component("checkStatementAnswerDelegate")
class CheckStatementAnswerDelegate implements JavaDelegate {

    static final String REMINDER_DECISION = "statementReminders";

    private static final int KEPT_ANSWERS = 1_000;

    private final StatementWaiting waiting;
    private final Map<Asked, List<Integer>> answered = new ConcurrentHashMap<>();

    CheckStatementAnswerDelegate(StatementWaiting waiting) {
        this.waiting = waiting;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long statementId = longOf(execution.getVariable(STATEMENT_ID), STATEMENT_ID);
        String answer = waiting.answer(statementId).map(Enum::name).orElse(NONE);
        setTransient(execution, ANSWER, answer);
        if (!NONE.equals(answer)) {
            return;
        }
        StatementWaiting.Schedule schedule = waiting.schedule(statementId, reminderDays(execution,
                waiting.reminderInputs(statementId)));
        execution.setVariable(NEXT_REMINDER_AT, schedule.nextReminder() == null ? null
                : Date.from(schedule.nextReminder()));
        execution.setVariable(DEADLINE_AT, Date.from(schedule.deadline()));
        if (GenerateStatementDelegate.storesEverything(execution)) {
            execution.setVariable(REMINDER_LEFT, schedule.nextReminder() != null);
        }
    }

    /**
     * A value only the gateway right after this step reads: kept for this transaction, not written to the engine's
     * tables (three rows a statement, for a value that is stale once the process waits). An instance that waited
     * before this was so has it stored, and the engine refuses to turn a stored variable transient: there it is
     * updated as before.
     */
    static void setTransient(DelegateExecution execution, String name, String value) {
        var stored = execution.getVariableTyped(name);
        execution.setVariable(name, Variables.stringValue(value, stored == null || stored.isTransient()));
    }

    /**
     * The reminder table's days. The process decides, whoever's action brought it here: a clerk completing a
     * follow-up needs no right on decision definitions for it. A deployed table never changes, so its answer for a
     * segment and a number of days is kept (evaluating the table cost a tenth of a statement run); a new version
     * of the table is a new definition and is asked afresh.
     */
    private List<Integer> reminderDays(DelegateExecution execution, StatementWaiting.ReminderInputs inputs) {
        CommandContext command = Context.getCommandContext();
        boolean checking = command != null && command.isAuthorizationCheckEnabled();
        if (checking) {
            command.disableAuthorizationCheck();
        }
        try {
            var engine = execution.getProcessEngineServices();
            String definitionId = engine.getRepositoryService().createDecisionDefinitionQuery()
                    .decisionDefinitionKey(REMINDER_DECISION).latestVersion().singleResult().getId();
            Asked asked = new Asked(definitionId, inputs.segment(), inputs.confirmationDays());
            List<Integer> days = answered.get(asked);
            if (days == null) {
                days = engine.getDecisionService().evaluateDecisionById(definitionId)
                        .variables(Variables.putValue("segment", inputs.segment())
                                .putValue("confirmationDays", inputs.confirmationDays()))
                        .evaluate()
                        .collectEntries("reminderDay").stream()
                        .map(day -> ((Number) day).intValue())
                        .toList();
                if (answered.size() >= KEPT_ANSWERS) {
                    answered.clear();
                }
                answered.put(asked, days);
            }
            return days;
        } finally {
            if (checking) {
                command.enableAuthorizationCheck();
            }
        }
    }

    private record Asked(String definitionId, String segment, int confirmationDays) {
    }
}
