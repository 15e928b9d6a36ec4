package io.crmrecon.statement;

import io.crmrecon.common.Money;
import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The customer's side (CONTRACT.md §5): {@code /s/{token}} shows the statement version the link opens, in the
 * customer's language ({@code ?lang=zh|en} switches), with a one-click confirmation and a dispute form; the answer
 * is stored, then the page shows the answered state (post, redirect, get). A link that does not open a version —
 * never issued, expired, superseded — gets one and the same 404 page.
 */
@Controller
class CustomerStatementPage {

    static final String NOT_FOUND = "customer/not-found";
    private static final Set<String> NOTICES = Set.of("already-confirmed", "already-disputed", "not-open");

    private final StatementTokens tokens;
    private final StatementAnswers answers;
    private final StatementDocuments documents;
    private final StatementRenditions renditions;
    private final ConfirmationReceipts receipts;
    private final Customers customers;
    private final MessageSource messages;
    private final StatementSnapshots snapshots;

    CustomerStatementPage(StatementTokens tokens, StatementAnswers answers, StatementDocuments documents,
            ConfirmationReceipts receipts, Customers customers, MessageSource messages,
            StatementSnapshots snapshots, StatementRenditions renditions) {
        this.tokens = tokens;
        this.renditions = renditions;
        this.answers = answers;
        this.documents = documents;
        this.receipts = receipts;
        this.customers = customers;
        this.messages = messages;
        this.snapshots = snapshots;
    }

    /** A line the customer may dispute, with what the form kept of a failed attempt. */
    public record DisputeLine(String documentNo, String amount, boolean ticked, String claimed, String error) {
    }

    /**
     * One read-only transaction for the page's reads (the statement, its customer, answers and snapshot): they
     * share one connection and persistence context instead of taking one each. The template is rendered after it.
     */
    @GetMapping("/s/{token}")
    @Transactional(readOnly = true)
    String page(@PathVariable String token, @RequestParam(required = false) String lang,
            @RequestParam(name = "r", required = false) String notice, Model model, HttpServletResponse response) {
        Optional<Statement> found = tokens.open(token);
        if (found.isEmpty()) {
            return notFound(model, response);
        }
        show(found.get(), token, lang, model, Map.of(), new DisputeRules.Request(List.of(), null, null, Map.of()),
                null, null);
        if (notice != null && NOTICES.contains(notice)) {
            model.addAttribute("notice", notice);
        }
        return "customer/statement";
    }

    @PostMapping("/s/{token}/confirm")
    Object confirm(@PathVariable String token, @RequestParam(required = false) String lang,
            @RequestParam(required = false) String confirmerName,
            @RequestParam(required = false) String confirmerTitle, HttpServletRequest request, Model model,
            HttpServletResponse response) {
        Optional<Statement> found = tokens.open(token);
        if (found.isEmpty()) {
            return notFound(model, response);
        }
        try {
            StatementAnswers.Result result = answers.confirm(found.get().id(),
                    evidence(confirmerName, confirmerTitle, request));
            return back(token, lang, result);
        } catch (AnswerInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            show(found.get(), token, lang, model, e.errors(),
                    new DisputeRules.Request(List.of(), null, null, Map.of()), confirmerName, confirmerTitle);
            return "customer/statement";
        }
    }

    @PostMapping("/s/{token}/dispute")
    Object dispute(@PathVariable String token, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request, Model model, HttpServletResponse response) {
        Optional<Statement> found = tokens.open(token);
        if (found.isEmpty()) {
            return notFound(model, response);
        }
        Map<String, String> claimed = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith("claimedAmount_") && !values.isEmpty()) {
                claimed.put(name.substring("claimedAmount_".length()), values.get(0));
            }
        });
        DisputeRules.Request dispute = new DisputeRules.Request(
                form.getOrDefault("documentNo", List.of()), form.getFirst("reason"), form.getFirst("comment"),
                claimed);
        String lang = form.getFirst("lang");
        try {
            StatementAnswers.Result result = answers.dispute(found.get().id(), dispute,
                    evidence(null, null, request));
            return back(token, lang, result);
        } catch (AnswerInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            show(found.get(), token, lang, model, e.errors(), dispute, null, null);
            model.addAttribute("disputeOpen", true);
            return "customer/statement";
        }
    }

    @GetMapping("/s/{token}/statement.pdf")
    Object statementPdf(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<Statement> found = tokens.open(token);
        Optional<byte[]> stored = found.flatMap(renditions::pdf);
        if (stored.isEmpty()) {
            return notFound(model, response);
        }
        Statement s = found.get();
        return pdf(stored.get(), s.statementNo() + "-v" + s.version() + ".pdf");
    }

    @GetMapping("/s/{token}/receipt.pdf")
    Object receiptPdf(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<Statement> found = tokens.open(token);
        Optional<byte[]> receipt = found.flatMap(receipts::of);
        if (receipt.isEmpty()) {
            return notFound(model, response);
        }
        return pdf(receipt.get(), ConfirmationReceipts.fileName(found.get()));
    }

    static ResponseEntity<byte[]> pdf(byte[] bytes, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.attachment().filename(fileName).build().toString())
                .body(bytes);
    }

    private void show(Statement statement, String token, String lang, Model model, Map<String, String> errors,
            DisputeRules.Request form, String confirmerName, String confirmerTitle) {
        Locale locale = locale(lang, statement);
        Optional<Customer> customer = customers.byId(statement.customerId());
        StatementSnapshot snapshot = snapshots.of(statement);
        StatementView view = documents.view(snapshot, StatementView.Header.of(statement, customer, locale));
        List<StatementAnswer> all = answers.answers(statement.id());
        StatementAnswer open = all.stream().filter(StatementAnswer::open).findFirst().orElse(null);
        StatementAnswer reopened = open != null ? null : all.stream().filter(a -> a.closedAt() != null)
                .reduce((first, second) -> second).orElse(null);

        List<DisputeLine> lines = new ArrayList<>();
        Set<String> ticked = Set.copyOf(form.documentNos() == null ? List.of() : form.documentNos());
        for (Map.Entry<String, BigDecimal> e : DisputeRules.disputable(snapshot).entrySet()) {
            String no = e.getKey();
            lines.add(new DisputeLine(no, Money.display(e.getValue(), statement.currency()), ticked.contains(no),
                    form.claimedAmounts().getOrDefault(no, ""), errors.get("claimedAmount_" + no)));
        }
        model.addAttribute("v", view);
        model.addAttribute("t", new TemplateTexts(messages, locale));
        model.addAttribute("customerPage", true);
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("langParam", "zh".equals(lang) || "en".equals(lang) ? lang : "");
        model.addAttribute("base", "/s/" + token);
        model.addAttribute("status", statement.status().name());
        model.addAttribute("answerable", open == null && statement.status() == StatementStatus.SENT);
        model.addAttribute("answer", open);
        model.addAttribute("reopened", reopened);
        // a version issued because the customer's dispute on the one before was accepted says so, with the note
        model.addAttribute("replaces", answers.replacedDispute(statement).orElse(null));
        model.addAttribute("lines", lines);
        model.addAttribute("reasons", List.of(DisputeReason.values()).stream().map(Enum::name).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("reason", form.reason() == null ? "" : form.reason());
        model.addAttribute("comment", form.comment() == null ? "" : form.comment());
        model.addAttribute("confirmerName", confirmerName == null ? "" : confirmerName);
        model.addAttribute("confirmerTitle", confirmerTitle == null ? "" : confirmerTitle);
        model.addAttribute("hasPdf", statement.hasPdf());
    }

    /** The page asked for in {@code ?lang}, else the customer's own language. */
    static Locale locale(String lang, Statement statement) {
        if ("en".equals(lang)) {
            return Locale.ENGLISH;
        }
        if ("zh".equals(lang)) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        return "en".equals(statement.language().getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    private static StatementAnswers.Evidence evidence(String name, String title, HttpServletRequest request) {
        return new StatementAnswers.Evidence(name, title, request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    private static View back(String token, String lang, StatementAnswers.Result result) {
        List<String> query = new ArrayList<>();
        if ("zh".equals(lang) || "en".equals(lang)) {
            query.add("lang=" + lang);
        }
        switch (result) {
            case ALREADY_CONFIRMED -> query.add("r=already-confirmed");
            case ALREADY_DISPUTED -> query.add("r=already-disputed");
            case NOT_OPEN -> query.add("r=not-open");
            case RECORDED -> {
            }
        }
        RedirectView redirect = new RedirectView("/s/" + token + (query.isEmpty() ? "" : "?" + String.join("&", query)),
                true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        redirect.setExpandUriTemplateVariables(false);
        return redirect;
    }

    /** One page for every link that opens nothing, in both languages: nothing tells why. */
    private String notFound(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("zh", new TemplateTexts(messages, Locale.SIMPLIFIED_CHINESE));
        model.addAttribute("en", new TemplateTexts(messages, Locale.ENGLISH));
        return NOT_FOUND;
    }
}
