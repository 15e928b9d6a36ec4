package io.crmrecon.matching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmrecon.common.SpreadsheetValues;
import io.crmrecon.ledger.LedgerQueries;
import io.crmrecon.ledger.UnappliedTransaction;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The matching workbench (核销工作台) behind a manualMatch task: the payment, the machine's suggestions, the
 * customer's open items with amounts and write-offs per document, the running totals, or a category for money that
 * is not a customer's payment. Opening it claims the task for the clerk; submitting completes the task through the
 * same listener as the form and sends the clerk back to Tasklist, at the batch's next task.
 */
@Controller
class MatchingWorkbenchPage {

    static final String TASKLIST = "/camunda/app/tasklist/default/";

    private final TaskService taskService;
    private final IdentityService identity;
    private final LedgerQueries ledger;
    private final WorkbenchModel views;
    private final MessageSource messages;
    private final ObjectMapper json;

    MatchingWorkbenchPage(TaskService taskService, IdentityService identity, LedgerQueries ledger,
            WorkbenchModel views, MessageSource messages, ObjectMapper json) {
        this.taskService = taskService;
        this.identity = identity;
        this.ledger = ledger;
        this.views = views;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/matching/workbench/{taskId}")
    String show(@PathVariable String taskId, @RequestParam(required = false) String customer, Model model,
            HttpServletResponse response) {
        Task task = task(taskId);
        if (task == null) {
            return gone(taskId, "matching.workbench.gone.text", model, response);
        }
        String notice = claim(task);
        return render(task, customer, WorkbenchModel.Typed.none(), null, notice, model, response);
    }

    /** Customers whose name, code or payer account contains the text, for the workbench's search box. */
    @GetMapping(path = "/matching/workbench/customers", produces = "application/json")
    @ResponseBody
    List<WorkbenchModel.CustomerChoice> customers(@RequestParam(defaultValue = "") String q) {
        return views.search(q);
    }

    @PostMapping("/matching/workbench/{taskId}")
    String submit(@PathVariable String taskId, @RequestParam(required = false) String customer,
            @RequestParam(defaultValue = "customer") String choice,
            @RequestParam(name = "documentNo", required = false) List<String> documentNos,
            @RequestParam(name = "amount", required = false) List<String> amounts,
            @RequestParam(name = "writeOff", required = false) List<String> writeOffs,
            @RequestParam(required = false) String note, @RequestParam(required = false) String nonCustomerNote,
            @RequestParam(required = false) String category, Model model, HttpServletResponse response) {
        if ("nonCustomer".equals(choice)) {
            note = nonCustomerNote;
        }
        Task task = task(taskId);
        if (task == null) {
            return gone(taskId, "matching.workbench.gone.text", model, response);
        }
        Map<String, String> typedAmounts = new LinkedHashMap<>();
        Map<String, String> typedWriteOffs = new LinkedHashMap<>();
        for (int i = 0; documentNos != null && i < documentNos.size(); i++) {
            typedAmounts.put(documentNos.get(i), at(amounts, i).strip());
            typedWriteOffs.put(documentNos.get(i), at(writeOffs, i).strip());
        }
        var typed = new WorkbenchModel.Typed(typedAmounts, typedWriteOffs, note == null ? "" : note,
                category == null ? "" : category, choice);
        String notice = claim(task);
        if (notice != null && !Objects.equals(task(taskId).getAssignee(), user())) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return render(task, customer, typed, null, notice, model, response);
        }
        try {
            taskService.complete(taskId, variables(choice, customer, typedAmounts, typedWriteOffs, note, category));
        } catch (ManualMatching.RefusedChoice e) {
            return refused(task, customer, typed, views.refusal(e), model, response);
        } catch (FormFieldValidationException e) {
            String message = e.getCause() instanceof ManualMatching.RefusedChoice r ? views.refusal(r)
                    : e.getMessage();
            return refused(task, customer, typed, message, model, response);
        } catch (AuthorizationException e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return render(task, customer, typed, text("matching.workbench.notYours"), null, model, response);
        }
        return "redirect:" + next(task);
    }

    /** The variables that complete manualMatch, as the form or a script would send them. */
    private Map<String, Object> variables(String choice, String customer, Map<String, String> amounts,
            Map<String, String> writeOffs, String note, String category) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("note", note == null || note.isBlank() ? null : note.strip());
        if ("nonCustomer".equals(choice)) {
            if (category == null || category.isBlank()) {
                throw new ManualMatching.RefusedChoice("matching.refused.categoryMissing");
            }
            variables.put("nonCustomerCategory", category);
            return variables;
        }
        List<Map<String, String>> lines = new ArrayList<>();
        amounts.forEach((documentNo, amount) -> {
            String writeOff = writeOffs.getOrDefault(documentNo, "");
            if (!amount.isEmpty() || !writeOff.isEmpty()) {
                lines.add(Map.of("documentNo", documentNo, "amount", decimal(documentNo, amount),
                        "writeOff", decimal(documentNo, writeOff)));
            }
        });
        try {
            variables.put("allocations", json.writeValueAsString(lines));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (customer != null && !customer.isBlank()) {
            variables.put("customerCode", customer.strip());
        }
        return variables;
    }

    private String refused(Task task, String customer, WorkbenchModel.Typed typed, String message, Model model,
            HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return render(task, customer, typed, message, null, model, response);
    }

    private String render(Task task, String customer, WorkbenchModel.Typed typed, String error, String notice,
            Model model, HttpServletResponse response) {
        long transactionId = ((Number) taskService.getVariable(task.getId(), "transactionId")).longValue();
        UnappliedTransaction t = ledger.unappliedTransaction(transactionId).orElse(null);
        if (t == null) {
            return gone(task.getId(), "matching.workbench.nothingLeft.text", model, response);
        }
        String assignee = task(task.getId()).getAssignee();
        model.addAttribute("taskId", task.getId());
        model.addAttribute("view", views.build(t, customer, typed));
        model.addAttribute("error", error);
        model.addAttribute("notice", notice);
        model.addAttribute("readOnly", assignee != null && !assignee.equals(user()));
        return "matching/workbench";
    }

    private String gone(String taskId, String code, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("taskId", taskId);
        model.addAttribute("message", messages.getMessage(code, new Object[] {taskId}, LocaleContextHolder.getLocale()));
        return "matching/gone";
    }

    /**
     * Claims an unclaimed task for the clerk who opens it; says so, or that someone else has it (then the page is
     * read only), or that this user may only look.
     */
    private String claim(Task task) {
        String user = user();
        if (task.getAssignee() == null && user != null) {
            try {
                taskService.claim(task.getId(), user);
                return text("matching.workbench.claimed");
            } catch (AuthorizationException e) {
                return text("matching.workbench.notYours");
            } catch (ProcessEngineException e) {
                // claimed by someone else a moment ago
                Task now = task(task.getId());
                return now == null ? null : messages.getMessage("matching.workbench.assignedToOther",
                        new Object[] {now.getAssignee()}, LocaleContextHolder.getLocale());
            }
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
            return messages.getMessage("matching.workbench.assignedToOther", new Object[] {task.getAssignee()},
                    LocaleContextHolder.getLocale());
        }
        return null;
    }

    /** Tasklist at the next open task of the same batch that this clerk may work, else Tasklist itself. */
    private String next(Task done) {
        String user = user();
        for (Task t : taskService.createTaskQuery().processInstanceId(done.getProcessInstanceId())
                .taskDefinitionKey("manualMatch").active().orderByTaskCreateTime().asc().listPage(0, 100)) {
            if (!t.getId().equals(done.getId()) && (t.getAssignee() == null || t.getAssignee().equals(user))) {
                return TASKLIST + "#/?task=" + t.getId();
            }
        }
        return TASKLIST;
    }

    private Task task(String taskId) {
        try {
            return taskService.createTaskQuery().taskId(taskId).taskDefinitionKey("manualMatch").singleResult();
        } catch (ProcessEngineException e) {
            return null;
        }
    }

    private String user() {
        var authentication = identity.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    private String text(String code) {
        return messages.getMessage(code, null, LocaleContextHolder.getLocale());
    }

    /** An amount as typed ("1,250.00", " 12 "), or refused naming the document. */
    private static String decimal(String documentNo, String text) {
        if (text.isEmpty()) {
            return "0";
        }
        BigDecimal amount = SpreadsheetValues.typedAmount(text);
        if (amount == null) {
            throw new ManualMatching.RefusedChoice("matching.refused.notANumber", documentNo, text);
        }
        return amount.toPlainString();
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
    }
}
