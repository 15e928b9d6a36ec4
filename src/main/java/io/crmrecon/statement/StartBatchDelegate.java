package io.crmrecon.statement;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * One job of statementRun's loop: starts the customerStatement instances of batch {@code nextBatch} (business key
 * the statement number) in the job's transaction, then moves on to the next batch. The run's own instance stays one
 * execution however many customers it has.
 */
@Component("startStatementBatchDelegate")
class StartBatchDelegate implements JavaDelegate {

    static final String CUSTOMER_STATEMENT = "customerStatement";

    private final StatementRuns runs;

    StartBatchDelegate(StatementRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long runId = ((Number) execution.getVariable("statementRunId")).longValue();
        int batchNo = ((Number) execution.getVariable("nextBatch")).intValue();
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        for (StatementRuns.RunCustomer c : runs.batch(runId, batchNo)) {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("statementRunId", runId);
            variables.put("customerId", c.customerId());
            variables.put("currency", c.currency());
            variables.put("period", c.period());
            variables.put("statementNo", c.statementNo());
            runtime.startProcessInstanceByKey(CUSTOMER_STATEMENT, c.statementNo(), variables);
        }
        runs.started(runId, batchNo);
        execution.setVariable("nextBatch", batchNo + 1);
    }
}
