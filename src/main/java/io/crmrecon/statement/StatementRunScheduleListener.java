package io.crmrecon.statement;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The monthly statement run's schedule: monthlyStatementRun's timer start event reads its cycle here
 * ({@code ${statementRunSchedule.cycle()}}). Camunda evaluates that when the model is deployed, and again each time
 * the timer fires (the engine's {@code reevaluateTimeCycleWhenDue}); a schedule changed while the timer waits — off
 * before, on now — is applied at start-up, when the waiting timer's cycle is not the configured one.
 */
@Component("statementRunSchedule")
public class StatementRunScheduleListener {

    private static final Logger log = LoggerFactory.getLogger(StatementRunScheduleListener.class);

    private final String cycle;
    private final ManagementService management;

    StatementRunScheduleListener(StatementSettings settings, ManagementService management) {
        this.cycle = StatementRunCron.cycle(settings.runCron());
        this.management = management;
    }

    /** The time cycle of the timer start event (a Quartz-style cron; far in the future when the run is off). */
    public String cycle() {
        return cycle;
    }

    @EventListener(ApplicationReadyEvent.class)
    void applyChangedSchedule() {
        for (Job job : management.createJobQuery().processDefinitionKey(StartMonthlyRunDelegate.PROCESS_KEY).timers()
                .list()) {
            if (job instanceof TimerEntity timer && !cycle.equals(timer.getRepeat())) {
                try {
                    management.recalculateJobDuedate(job.getId(), false);
                    log.info("The monthly statement run follows the schedule {} now", cycle);
                } catch (ProcessEngineException e) {
                    // another node did it at the same moment
                    log.debug("The statement run's timer was rescheduled elsewhere", e);
                }
            }
        }
    }
}
