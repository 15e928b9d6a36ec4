package io.crmrecon.statement;

import io.crmrecon.common.BadRequestException;
import io.crmrecon.common.ImportError;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The start of every statementRun instance, however it was started: the API records its run before it starts the
 * instance, and so does the monthly timer ({@code statementRunId} is given); Tasklist's start form gives
 * {@code period} and optional {@code customerCodes}, and the run is recorded here. Either way the instance takes the run id as its business key, so Cockpit finds it by the run.
 */
@Component("statementRunStartListener")
class StatementRunListener implements ExecutionListener {

    static final String PROCESS_KEY = "statementRun";

    private final StatementRuns runs;
    private final MessageSource messages;

    StatementRunListener(StatementRuns runs, MessageSource messages) {
        this.runs = runs;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object given = execution.getVariable("statementRunId");
        long runId;
        if (given instanceof Number n) {
            runId = n.longValue();
        } else {
            String period = text(execution.getVariable("period"));
            List<String> codes = List.of(text(execution.getVariable("customerCodes")));
            try {
                runId = runs.open(period, codes, user(execution));
            } catch (BadRequestException e) {
                // Tasklist shows the form's error and the instance is not started
                ImportError first = e.errors().isEmpty() ? null : e.errors().get(0);
                throw new FormFieldValidationException(first == null ? "period" : first.column(),
                        first == null || first.code() == null ? e.getMessage() : message(first));
            }
            execution.setVariable("statementRunId", runId);
            execution.setVariable("period", period.strip());
        }
        if (!runs.attachInstance(runId, execution.getProcessInstanceId())) {
            // a hand-made start naming a run that is not waiting for its instance
            throw new FormFieldValidationException("statementRunId", "statement run " + runId
                    + " does not exist or has its instance already");
        }
        execution.setProcessBusinessKey(Long.toString(runId));
    }

    private String message(ImportError error) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(error.code(), error.args().toArray(), error.message(), locale);
    }

    private static String user(DelegateExecution execution) {
        Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null ? null : current.getUserId();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
