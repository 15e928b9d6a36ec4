package io.crmrecon.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmrecon.common.Money;
import io.crmrecon.ledger.LedgerQueries;
import io.crmrecon.ledger.UnappliedTransaction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * manualMatch: on create, registers the task as the transaction's only one and fills what the form shows; on
 * complete, applies the clerk's choice through {@link ManualMatching}. A refused choice is the engine's form
 * validation error (400 in engine-rest), so the task stays open.
 */
@Component("manualMatchTaskListener")
class ManualMatchTaskListener implements TaskListener {

    private final ManualMatchTasks tasks;
    private final ManualMatching matching;
    private final MatchingOutcomes outcomes;
    private final LedgerQueries ledger;
    private final ObjectMapper json;
    private final String baseUrl;

    ManualMatchTaskListener(ManualMatchTasks tasks, ManualMatching matching, MatchingOutcomes outcomes,
            LedgerQueries ledger, ObjectMapper json, @Value("${recon.public-base-url}") String baseUrl) {
        this.tasks = tasks;
        this.matching = matching;
        this.outcomes = outcomes;
        this.ledger = ledger;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    @Override
    public void notify(DelegateTask task) {
        long transactionId = ((Number) task.getVariable("transactionId")).longValue();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task, transactionId);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task, transactionId);
        }
    }

    private void created(DelegateTask task, long transactionId) {
        tasks.opened(transactionId, task.getProcessInstanceId());
        UnappliedTransaction t = ledger.unappliedTransaction(transactionId).orElse(null);
        if (t != null) {
            String summary = Money.format(t.remaining(), t.currency()) + " " + t.currency() + " · " + t.bookingDate()
                    + " · " + nz(t.counterpartyName()) + " " + nz(t.counterpartyAccount()) + " · "
                    + nz(t.remittanceInfo());
            task.setVariableLocal("transactionSummary", summary.strip());
            task.setName("人工核销 " + Money.format(t.remaining(), t.currency()) + " " + t.currency() + " "
                    + nz(t.counterpartyName()));
        }
        List<MatchingOutcomes.ShownSuggestion> suggestions = outcomes.latest(transactionId).suggestions();
        StringBuilder text = new StringBuilder();
        int rank = 1;
        for (MatchingOutcomes.ShownSuggestion s : suggestions) {
            text.append(rank++).append(". ").append(String.join(", ", s.documentNos()));
            if (s.reason() != null) {
                text.append(" — ").append(s.reason());
            }
            text.append('\n');
        }
        task.setVariableLocal("suggestionsText", text.isEmpty() ? "（无 none）" : text.toString());
        task.setVariableLocal("workbenchUrl", baseUrl + "/matching/workbench/" + task.getId());
    }

    private void completed(DelegateTask task, long transactionId) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = authentication != null ? authentication.getUserId() : task.getAssignee();
        String note = (String) task.getVariable("note");
        try {
            Object detailed = task.getVariable("allocations");
            if (detailed != null) {
                matching.apply(transactionId, lines(detailed), user, note);
            } else {
                Object customer = task.getVariable("onAccountCustomerId");
                List<String> documentNos = list(task.getVariable("documentNos"));
                if (documentNos.isEmpty() && customer != null) {
                    matching.leaveOnAccount(transactionId, ((Number) customer).longValue(), user, note);
                } else {
                    matching.settleInFull(transactionId, documentNos, user, note);
                }
            }
        } catch (ManualMatching.RefusedChoice e) {
            throw new FormFieldValidationException("documentNos", e.getMessage());
        }
        tasks.closed(transactionId);
    }

    /** A list as a JSON array, a Java collection or a comma-separated string. */
    private List<String> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        String text = value.toString().trim();
        if (text.startsWith("[")) {
            try {
                List<String> out = new ArrayList<>();
                json.readTree(text).forEach(n -> out.add(n.asText().trim()));
                return out.stream().filter(s -> !s.isEmpty()).toList();
            } catch (Exception e) {
                throw new FormFieldValidationException("documentNos", "documentNos is not a JSON array of strings");
            }
        }
        return Arrays.stream(text.split("[,，;；\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** [{"documentNo": "...", "amount": "12.00", "writeOff": "0.00"}, …] from the workbench or a script. */
    private List<ManualMatching.Line> lines(Object value) {
        try {
            JsonNode array = json.readTree(value.toString());
            List<ManualMatching.Line> lines = new ArrayList<>();
            for (JsonNode n : array) {
                lines.add(new ManualMatching.Line(n.path("documentNo").asText(), decimal(n.get("amount")),
                        n.hasNonNull("writeOff") ? decimal(n.get("writeOff")) : BigDecimal.ZERO));
            }
            return lines;
        } catch (NumberFormatException e) {
            throw new FormFieldValidationException("allocations", "an amount in allocations is not a number");
        } catch (Exception e) {
            throw new FormFieldValidationException("allocations", "allocations is not a JSON array of "
                    + "{documentNo, amount, writeOff}");
        }
    }

    private static BigDecimal decimal(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return new BigDecimal(n.asText().trim());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
