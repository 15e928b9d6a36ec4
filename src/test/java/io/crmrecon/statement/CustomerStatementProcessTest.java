package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/** Every path of today's customerStatement ({@link CustomerStatementPaths}), and what its instances store. */
@Deployment(resources = {"bpmn/customerStatement.bpmn", "bpmn/statementReminders.dmn", "forms/followUpCustomer.form"})
class CustomerStatementProcessTest extends CustomerStatementPaths {

    @Test
    void aWaitingInstanceKeepsOnlyWhatItsLaterStepsRead() {
        ProcessInstance pi = sent();
        // each stored variable is three rows for the engine (runtime, history, its change): a statement run writes
        // them ten thousand times; the answer a gateway read at once and what the statement's row says are not kept
        assertThat(runtime().getVariables(pi.getId()).keySet()).containsExactlyInAnyOrder("statementRunId",
                "customerId", "currency", "period", "statementNo", "statementId", "sendRetryCycle", "mailNo",
                "outboxId", "nextReminderAt", "deadlineAt");
    }
}
