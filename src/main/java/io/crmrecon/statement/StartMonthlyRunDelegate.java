package io.crmrecon.statement;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** monthlyStatementRun's step: records last month's run and starts its statementRun, in the timer's transaction. */
@Component("startMonthlyStatementRunDelegate")
class StartMonthlyRunDelegate implements JavaDelegate {

    static final String PROCESS_KEY = "monthlyStatementRun";

    private final StatementRuns runs;

    StartMonthlyRunDelegate(StatementRuns runs) {
        this.runs = runs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String period = runs.lastMonth().toString();
        long runId = runs.open(period, null, "timer");
        execution.setVariable("statementRunId", runId);
        execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(
                StatementRunListener.PROCESS_KEY, Long.toString(runId),
                Map.of("statementRunId", runId, "period", period));
    }
}
