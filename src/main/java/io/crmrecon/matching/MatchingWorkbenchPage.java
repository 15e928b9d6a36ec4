package io.crmrecon.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmrecon.common.Money;
import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import io.crmrecon.ledger.LedgerQueries;
import io.crmrecon.ledger.OpenDocument;
import io.crmrecon.ledger.UnappliedTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The matching workbench (核销工作台) behind a manualMatch task: the customer's open items, amounts and write-offs
 * per document, the running remainder. Submitting completes the task through the same listener as the form.
 */
@Controller
class MatchingWorkbenchPage {

    private final TaskService taskService;
    private final LedgerQueries ledger;
    private final Customers customers;
    private final MatchingOutcomes outcomes;
    private final ObjectMapper json;

    MatchingWorkbenchPage(TaskService taskService, LedgerQueries ledger, Customers customers,
            MatchingOutcomes outcomes, ObjectMapper json) {
        this.taskService = taskService;
        this.ledger = ledger;
        this.customers = customers;
        this.outcomes = outcomes;
        this.json = json;
    }

    public record Item(String documentNo, String type, String issueDate, String dueDate, String open,
            boolean suggested) {
    }

    @GetMapping("/matching/workbench/{taskId}")
    String show(@PathVariable String taskId, @RequestParam(required = false) String customer, Model model) {
        return render(taskId, customer, null, model);
    }

    @PostMapping("/matching/workbench/{taskId}")
    String submit(@PathVariable String taskId, @RequestParam(required = false) String customer,
            @RequestParam(name = "documentNo", required = false) List<String> documentNos,
            @RequestParam(name = "amount", required = false) List<String> amounts,
            @RequestParam(name = "writeOff", required = false) List<String> writeOffs,
            @RequestParam(required = false) String note, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        task(taskId);
        List<Map<String, String>> lines = new ArrayList<>();
        for (int i = 0; documentNos != null && i < documentNos.size(); i++) {
            String amount = at(amounts, i);
            String writeOff = at(writeOffs, i);
            if (amount.isBlank() && writeOff.isBlank()) {
                continue;
            }
            lines.add(Map.of("documentNo", documentNos.get(i), "amount", amount.isBlank() ? "0" : amount.trim(),
                    "writeOff", writeOff.isBlank() ? "0" : writeOff.trim()));
        }
        try {
            Map<String, Object> variables = new java.util.HashMap<>();
            variables.put("allocations", json.writeValueAsString(lines));
            variables.put("note", note);
            Customer chosen = customer == null || customer.isBlank() ? null : customers.byCode(customer).orElse(null);
            if (lines.isEmpty() && chosen != null) {
                variables.remove("allocations");
                variables.put("onAccountCustomerId", chosen.getId());
            }
            taskService.complete(taskId, variables);
            return "redirect:/camunda/app/tasklist/";
        } catch (FormFieldValidationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(taskId, customer, e.getMessage(), model);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String render(String taskId, String customerCode, String error, Model model) {
        Task task = task(taskId);
        long transactionId = ((Number) taskService.getVariable(taskId, "transactionId")).longValue();
        UnappliedTransaction t = ledger.unappliedTransaction(transactionId).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.CONFLICT, "the transaction has nothing left to apply"));
        MatchingOutcomes.Latest latest = outcomes.latest(transactionId);
        Customer customer = null;
        if (customerCode != null && !customerCode.isBlank()) {
            customer = customers.byCode(customerCode.trim()).orElse(null);
            if (customer == null) {
                error = error == null ? "no customer with code '" + customerCode + "'" : error;
            }
        } else if (latest.customerId() != null) {
            customer = customers.byId(latest.customerId()).orElse(null);
        }
        List<String> suggestedNos = latest.suggestions().stream().flatMap(s -> s.documentNos().stream()).toList();
        List<Item> items = new ArrayList<>();
        if (customer != null) {
            for (OpenDocument d : ledger.openDocumentsOf(customer.getId())) {
                if (d.currency().equals(t.currency())) {
                    items.add(new Item(d.documentNo(), d.type().name(), d.issueDate().toString(),
                            d.dueDate().toString(), Money.format(d.open(), d.currency()),
                            suggestedNos.contains(d.documentNo())));
                }
            }
        }
        model.addAttribute("taskId", task.getId());
        model.addAttribute("transaction", t);
        model.addAttribute("remaining", Money.format(t.remaining(), t.currency()));
        model.addAttribute("customer", customer);
        model.addAttribute("customerCode", customer == null ? (customerCode == null ? "" : customerCode)
                : customer.getCustomerCode());
        model.addAttribute("items", items);
        model.addAttribute("suggestions", latest.suggestions());
        model.addAttribute("error", error);
        return "matching/workbench";
    }

    private Task task(String taskId) {
        Task task;
        try {
            task = taskService.createTaskQuery().taskId(taskId).taskDefinitionKey("manualMatch").singleResult();
        } catch (ProcessEngineException e) {
            task = null;
        }
        if (task == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no open manual-match task " + taskId);
        }
        return task;
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
    }
}
