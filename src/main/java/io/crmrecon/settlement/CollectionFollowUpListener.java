package io.crmrecon.settlement;

import static io.crmrecon.settlement.SettlementVariables.*;

import io.crmrecon.common.FieldRefusal;
import io.crmrecon.common.FormRefusalHandler;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * collectionFollowUp. Created: shows the settlement (task-local variables). Completed: refuses what the rules
 * forbid (400 in engine-rest, the task stays open), records the decision, and puts on the task's scope what the
 * model copies out: the outcome, when to look for the money again, and whether to dun at the next level now.
 */
@Component("collectionFollowUpListener")
class CollectionFollowUpListener implements TaskListener {

    private final Settlements settlements;
    private final SettlementTaskViews views;
    private final SettlementSettings settings;
    private final MessageSource messages;
    private final Clock clock;

    CollectionFollowUpListener(Settlements settlements, SettlementTaskViews views, SettlementSettings settings,
            MessageSource messages, Clock clock) {
        this.settlements = settlements;
        this.views = views;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        // by the business key: the task declares the instance's variables as its own, so a completion cannot
        // point it at another settlement
        long id = settlements.idOf(task.getExecution().getProcessBusinessKey());
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            SettlementTaskViews.View view = views.of(id, "催收跟进 Collection");
            task.setName(view.taskName());
            task.setVariablesLocal(view.variables());
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task, id);
        }
    }

    private void completed(DelegateTask task, long id) {
        String user = currentUser(task);
        LocalDate today = LocalDate.now(clock);
        CollectionDecision decision;
        try {
            decision = CollectionDecision.of(task.getVariable(OUTCOME), task.getVariable(PROMISED_DATE),
                    task.getVariable(NOTE), user, today, clock.getZone());
        } catch (FieldRefusal refused) {
            throw FormRefusalHandler.formError(messages, refused);
        }
        settlements.followedUp(id, decision);
        var scope = task.getExecution();
        scope.setVariableLocal(OUTCOME, decision.outcome().name());
        scope.setVariableLocal(PROMISED_DATE, decision.promisedDate() == null ? null
                : decision.promisedDate().toString());
        scope.setVariableLocal(NOTE, decision.note());
        scope.setVariableLocal(DECIDED_BY, user);
        scope.setVariableLocal(ESCALATED, decision.outcome() == CollectionDecision.Outcome.ESCALATE);
        Date next = switch (decision.outcome()) {
            // the day after the promised one: the money may come on the day itself
            case PROMISED -> Date.from(decision.promisedDate().plusDays(1).atTime(settings.checkTime())
                    .atZone(clock.getZone()).toInstant());
            case PAID -> Date.from(clock.instant().plus(settings.recheckAfterPaidClaim()));
            default -> null;
        };
        scope.setVariableLocal(NEXT_CHECK_AT, next);
    }

    static String currentUser(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : task.getAssignee();
    }
}
