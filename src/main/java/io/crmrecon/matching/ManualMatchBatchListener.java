package io.crmrecon.matching;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * manualMatchBatch's start: reads, once, the transactions of its range that still need a task and claims them for
 * this instance, for the multi-instance over them (the engine evaluates its collection more than once).
 */
@Component("manualMatchBatchListener")
class ManualMatchBatchListener implements ExecutionListener {

    private final ManualMatchBatches batches;

    ManualMatchBatchListener(ManualMatchBatches batches) {
        this.batches = batches;
    }

    @Override
    public void notify(DelegateExecution execution) {
        var ids = batches.transactionIds((Number) execution.getVariable("matchingRunId"),
                (Number) execution.getVariable("bankStatementId"), (Number) execution.getVariable("fromTransactionId"),
                (Number) execution.getVariable("untilTransactionId"),
                execution.getProcessInstanceId());
        execution.setVariables(batches.statementVariables((Number) execution.getVariable("bankStatementId")));
        execution.setVariable("transactionIds", Variables.objectValue(new ArrayList<>(ids))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
    }
}
