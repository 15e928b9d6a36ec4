package io.crmrecon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** The steps a BPMN path test takes on the in-memory engine: run a job, fire a timer, find and complete a task. */
public record EngineSteps(ProcessEngine engine) {

    /** Runs the instance's one job at that activity (the step after an asynchronous boundary). */
    public void runJob(ProcessInstance pi, String activityId) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId(activityId).singleResult();
        assertThat(job).as("a job at " + activityId).isNotNull();
        engine.getManagementService().executeJob(job.getId());
    }

    /** Moves the engine's clock to the timer's due date and fires it; returns the due date. */
    public Instant fireTimer(ProcessInstance pi, String activityId) {
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId(activityId).timers().singleResult();
        assertThat(timer).as("a timer at " + activityId).isNotNull();
        ClockUtil.setCurrentTime(timer.getDuedate());
        engine.getManagementService().executeJob(timer.getId());
        return timer.getDuedate().toInstant();
    }

    public Task task(ProcessInstance pi, String key) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as("a task " + key).isNotNull();
        return task;
    }

    /** Completes the task as that user would (the engine knows who is completing it). */
    public void complete(Task task, String user, Map<String, Object> variables) {
        engine.getIdentityService().setAuthenticatedUserId(user);
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
