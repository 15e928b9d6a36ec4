package io.crmrecon;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The job executor is off in the PostgreSQL tests: a test drives the jobs of a bank statement's processes itself
 * (its paymentMatching and the manualMatchBatch instances it calls share the business key).
 */
public final class ProcessJobs {

    private ProcessJobs() {
    }

    /** Runs the executable jobs of every instance with this business key, round after round, until none is left. */
    public static void runAll(RuntimeService runtime, ManagementService management, String businessKey) {
        for (int round = 0; round < 8; round++) {
            List<Job> jobs = new ArrayList<>();
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                    .list()) {
                jobs.addAll(management.createJobQuery().processInstanceId(instance.getId()).executable().list());
            }
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
    }

    /** The runs other tests' imports left waiting (their autoMatch jobs), done as the job executor would do them. */
    public static void runWaitingRuns(ManagementService management) {
        for (int round = 0; round < 5; round++) {
            List<Job> jobs = management.createJobQuery().activityId("autoMatch").executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(j -> management.executeJob(j.getId()));
        }
    }
}
