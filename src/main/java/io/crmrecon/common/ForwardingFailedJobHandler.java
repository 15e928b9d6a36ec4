package io.crmrecon.common;

import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * A handler of failed jobs that wraps the one the engine has (the default, or another feature's wrapper) and hands
 * everything on to it, so that several features can each add what they need to an incident.
 */
public abstract class ForwardingFailedJobHandler implements IncidentHandler {

    private final IncidentHandler next;

    protected ForwardingFailedJobHandler(IncidentHandler next) {
        this.next = next;
    }

    @Override
    public String getIncidentHandlerType() {
        return Incident.FAILED_JOB_HANDLER_TYPE;
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
        return next.handleIncident(context, message);
    }

    @Override
    public void resolveIncident(IncidentContext context) {
        next.resolveIncident(context);
    }

    @Override
    public void deleteIncident(IncidentContext context) {
        next.deleteIncident(context);
    }
}
