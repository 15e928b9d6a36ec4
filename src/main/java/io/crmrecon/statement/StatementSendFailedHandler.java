package io.crmrecon.statement;

import io.crmrecon.common.ForwardingFailedJobHandler;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * When the job that sends a statement's first mail has spent its retries, the engine raises the incident Cockpit
 * shows and the version becomes FAILED in the same transaction. It wraps whichever handler of failed jobs the
 * engine has (another feature's, or the default), so both keep working; retrying the job in Cockpit and succeeding
 * makes the version SENT.
 */
class StatementSendFailedHandler extends ForwardingFailedJobHandler {

    /** The customerStatement step whose failure fails the statement. */
    static final String DELIVER_ACTIVITY = "deliverMail";

    private final BiConsumer<Long, String> failed;

    StatementSendFailedHandler(IncidentHandler next, BiConsumer<Long, String> failed) {
        super(next);
        this.failed = failed;
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
        Incident incident = super.handleIncident(context, message);
        Long statementId = statementOf(context);
        if (statementId != null) {
            failed.accept(statementId, message);
        }
        return incident;
    }

    private static Long statementOf(IncidentContext context) {
        if (!DELIVER_ACTIVITY.equals(context.getActivityId()) || context.getExecutionId() == null
                || Context.getCommandContext() == null) {
            return null;
        }
        ExecutionEntity execution = Context.getCommandContext().getExecutionManager()
                .findExecutionById(context.getExecutionId());
        if (execution == null || execution.getProcessDefinition() == null
                || !StatementProcessVariables.PROCESS_KEY.equals(execution.getProcessDefinition().getKey())) {
            return null;
        }
        Object id = execution.getVariable(StatementProcessVariables.STATEMENT_ID);
        return id instanceof Number n ? n.longValue() : null;
    }

    /**
     * Wraps the engine's handler of failed jobs once the engine has set its handlers up (after every plugin's
     * pre-init, where other features put theirs).
     */
    static class Plugin extends AbstractProcessEnginePlugin {

        private final BiConsumer<Long, String> failed;

        Plugin(BiConsumer<Long, String> failed) {
            this.failed = failed;
        }

        @Override
        public void postInit(ProcessEngineConfigurationImpl configuration) {
            IncidentHandler current = configuration.getIncidentHandlers().get(Incident.FAILED_JOB_HANDLER_TYPE);
            configuration.getIncidentHandlers().put(Incident.FAILED_JOB_HANDLER_TYPE,
                    new StatementSendFailedHandler(current, failed));
        }
    }
}
