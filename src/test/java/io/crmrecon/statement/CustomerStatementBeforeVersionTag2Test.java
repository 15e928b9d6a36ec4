package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/**
 * Every path of customerStatement ({@link CustomerStatementPaths}) on the model as deployed before version tag 2 (its copy in the tests'
 * resources) with today's delegates: instances started before an upgrade finish on the model they started on, and
 * that one still reads {@code reminderLeft}, and {@code version} and {@code mailKind} in its follow-up task.
 */
@Deployment(resources = {"bpmn/customerStatement-v1.bpmn", "bpmn/statementReminders.dmn",
        "forms/followUpCustomer.form"})
class CustomerStatementBeforeVersionTag2Test extends CustomerStatementPaths {

    @Test
    void aWaitingInstanceStoresWhatThisModelReads() {
        ProcessInstance pi = sent();
        assertThat(runtime().getVariables(pi.getId())).containsEntry("reminderLeft", true)
                .containsEntry("version", 1).containsEntry("mailKind", "FIRST").doesNotContainKey("answer");
    }
}
