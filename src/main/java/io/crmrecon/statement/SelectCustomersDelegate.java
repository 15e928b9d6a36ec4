package io.crmrecon.statement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** statementRun's first job: selects the run's customers and says how many batches start them. */
@Component("selectStatementCustomersDelegate")
class SelectCustomersDelegate implements JavaDelegate {

    private final StatementRuns runs;

    SelectCustomersDelegate(StatementRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long runId = ((Number) execution.getVariable("statementRunId")).longValue();
        execution.setVariable("batchCount", runs.select(runId));
        execution.setVariable("nextBatch", 1);
    }
}
