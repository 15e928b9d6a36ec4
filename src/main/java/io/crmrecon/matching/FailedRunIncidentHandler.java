package io.crmrecon.matching;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.beans.factory.ObjectProvider;

/**
 * A run's status follows its job: when the auto-match job's retries are spent, the engine raises an incident
 * (Cockpit shows it) and this marks the run FAILED in the same transaction; when someone retries the job in Cockpit
 * the incident is resolved and the run is RUNNING again. A crash of a node does neither: the job is picked up again
 * once its lock expires, and the run stays RUNNING until it ends.
 */
class FailedRunIncidentHandler extends DefaultIncidentHandler {

    private final ObjectProvider<MatchingRuns> runs;

    FailedRunIncidentHandler(ObjectProvider<MatchingRuns> runs) {
        super(Incident.FAILED_JOB_HANDLER_TYPE);
        this.runs = runs;
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
        Incident incident = super.handleIncident(context, message);
        Long runId = runOf(context);
        if (runId != null) {
            runs.getObject().failed(runId, message == null ? "the auto-match job failed" : message);
        }
        return incident;
    }

    @Override
    public void resolveIncident(IncidentContext context) {
        super.resolveIncident(context);
        Long runId = runOf(context);
        if (runId != null) {
            runs.getObject().retried(runId);
        }
    }

    /**
     * The run of a failed auto-match job, or null for any other incident. (Resolving names no activity: any job of
     * an instance with a run may be it, and only a FAILED run is set going again.)
     */
    private static Long runOf(IncidentContext context) {
        if (context.getActivityId() != null && !"autoMatch".equals(context.getActivityId())
                || context.getExecutionId() == null || Context.getCommandContext() == null) {
            return null;
        }
        ExecutionEntity execution = Context.getCommandContext().getExecutionManager()
                .findExecutionById(context.getExecutionId());
        Object runId = execution == null ? null : execution.getVariable("matchingRunId");
        return runId instanceof Number n ? n.longValue() : null;
    }

    /** Registers the handler with the engine (the Spring Boot starter picks up plugin beans). */
    static class Plugin extends AbstractProcessEnginePlugin {

        private final ObjectProvider<MatchingRuns> runs;

        Plugin(ObjectProvider<MatchingRuns> runs) {
            this.runs = runs;
        }

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            var handlers = configuration.getCustomIncidentHandlers() == null ? new ArrayList<org.camunda.bpm.engine
                    .impl.incident.IncidentHandler>() : new ArrayList<>(configuration.getCustomIncidentHandlers());
            handlers.add(new FailedRunIncidentHandler(runs));
            configuration.setCustomIncidentHandlers(handlers);
        }
    }
}
