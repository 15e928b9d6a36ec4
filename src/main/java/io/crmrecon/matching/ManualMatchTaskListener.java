package io.crmrecon.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmrecon.common.Money;
import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import io.crmrecon.ledger.LedgerQueries;
import io.crmrecon.ledger.UnappliedTransaction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * manualMatch: on create, registers the task as the transaction's only one and fills what the form shows; on
 * complete, applies the clerk's choice through {@link ManualMatching}; on delete (ended by a run that settled the
 * transaction), the transaction has no open task any more. A refused choice is the engine's form
 * validation error (400 in engine-rest), so the task stays open.
 */
@Component("manualMatchTaskListener")
class ManualMatchTaskListener implements TaskListener {

    private final ManualMatchTasks tasks;
    private final ManualMatching matching;
    private final MatchingOutcomes outcomes;
    private final LedgerQueries ledger;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final Customers customers;

    ManualMatchTaskListener(ManualMatchTasks tasks, ManualMatching matching, MatchingOutcomes outcomes,
            LedgerQueries ledger, ObjectMapper json, MessageSource messages, Customers customers) {
        this.messages = messages;
        this.customers = customers;
        this.tasks = tasks;
        this.matching = matching;
        this.outcomes = outcomes;
        this.ledger = ledger;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        long transactionId = ((Number) task.getVariable("transactionId")).longValue();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task, transactionId);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task, transactionId);
        } else if (EVENTNAME_DELETE.equals(task.getEventName())) {
            // ended without a clerk (a run settled the transaction, or the instance was deleted): no task is open
            tasks.closed(transactionId);
        }
    }

    private void created(DelegateTask task, long transactionId) {
        tasks.opened(transactionId, task.getProcessInstanceId(), task.getId());
        UnappliedTransaction t = ledger.unappliedTransaction(transactionId).orElse(null);
        if (t != null) {
            // only the parts the bank gave: never "· ·" for a missing name or text
            String payer = (nz(t.counterpartyName()) + " " + nz(t.counterpartyAccount())).strip();
            String summary = java.util.stream.Stream.of(Money.format(t.remaining(), t.currency()) + " " + t.currency(),
                    t.bookingDate().toString(), payer, nz(t.remittanceInfo()).strip())
                    .filter(part -> !part.isEmpty()).collect(java.util.stream.Collectors.joining(" · "));
            task.setVariableLocal("transactionSummary", summary);
            task.setName("人工核销 " + Money.format(t.remaining(), t.currency()) + " " + t.currency() + " "
                    + nz(t.counterpartyName()));
        }
        MatchingOutcomes.Latest latest = outcomes.latest(transactionId);
        // no user locale when the task is created: both languages, Chinese first
        StringBuilder text = new StringBuilder();
        int rank = 1;
        for (MatchingOutcomes.ShownSuggestion s : latest.suggestions()) {
            text.append(rank++).append(". ").append(String.join(", ", s.documentNos().stream()
                    .filter(java.util.Objects::nonNull).toList()));
            if (s.reason() != null && !s.reason().isBlank()) {
                String zh = reason(s.reason(), Locale.SIMPLIFIED_CHINESE);
                String en = reason(s.reason(), Locale.ENGLISH);
                text.append(" — ").append(zh.equals(en) ? en : zh + " / " + en);
            }
            text.append('\n');
        }
        task.setVariableLocal("suggestionsText", text.isEmpty() ? "（无 none）" : text.toString());
        // staff links are relative: Tasklist and these pages are served by the same application, behind whatever
        // address the clerk uses (recon.public-base-url is the customers' address)
        task.setVariableLocal("workbenchUrl", "/matching/workbench/" + task.getId());
        task.setVariableLocal("unappliedUrl", "/receipts/unapplied");
        String code = latest.customerId() == null ? null
                : customers.byId(latest.customerId()).map(Customer::getCustomerCode).orElse(null);
        task.setVariableLocal("customerLink", code == null ? "客户未识别 · customer not identified"
                : "[客户账户 Customer account " + code + "](" + "/customers/"
                        + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")
                        + ")");
    }

    private void completed(DelegateTask task, long transactionId) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String user = authentication != null ? authentication.getUserId() : task.getAssignee();
        try {
            Object detailed = task.getVariable("allocations");
            Object customerId = task.getVariable("onAccountCustomerId");
            ManualChoice choice = ManualChoice.of(list(task.getVariable("documentNos")),
                    detailed == null || detailed.toString().isBlank() ? null : lines(detailed),
                    customerId == null || customerId.toString().isBlank() ? null : id(customerId),
                    text(task.getVariable("customerCode")), text(task.getVariable("nonCustomerCategory")),
                    text(task.getVariable("note")));
            matching.decide(transactionId, choice, user);
        } catch (ManualMatching.RefusedChoice e) {
            // no request and no user locale here: Chinese, then English
            throw new FormFieldValidationException(field(e), messages.getMessage(e.code(), e.args(),
                    Locale.SIMPLIFIED_CHINESE) + " / " + messages.getMessage(e.code(), e.args(), Locale.ENGLISH), e);
        }
        tasks.closed(transactionId);
    }

    /** The form field a refusal is about, for Tasklist to mark. */
    private static String field(ManualMatching.RefusedChoice e) {
        return e.code().contains("ategory") ? "nonCustomerCategory"
                : e.code().contains("ustomer") ? "customerCode" : "documentNos";
    }

    private static Long id(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.valueOf(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new ManualMatching.RefusedChoice("matching.refused.noCustomer", value.toString());
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
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
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new ManualMatching.RefusedChoice("matching.refused.documentNosFormat");
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
            throw new ManualMatching.RefusedChoice("matching.refused.allocationsNumber");
        } catch (Exception e) {
            throw new ManualMatching.RefusedChoice("matching.refused.allocationsFormat");
        }
    }

    private static BigDecimal decimal(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return new BigDecimal(n.asText().trim());
    }

    private String reason(String reason, Locale locale) {
        return messages.getMessage(SuggestionReasons.of(reason), locale);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
