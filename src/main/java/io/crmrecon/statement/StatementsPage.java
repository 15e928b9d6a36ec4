package io.crmrecon.statement;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The staff pages of statements (clerks and managers read them): {@code /statements}, filtered by period, customer
 * and status, and {@code /statements/{statementNo}}: one version as the customer got it, its other versions, the
 * PDF and Excel, and the history of its status.
 */
@Controller
class StatementsPage {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final StatementQueries queries;
    private final StatementRenditions renditions;
    private final StatementAnswers answers;
    private final List<StatementFollowUps> followUps;
    private final ZoneId zone;

    StatementsPage(StatementQueries queries, StatementRenditions renditions, StatementAnswers answers,
            List<StatementFollowUps> followUps, java.time.Clock clock) {
        this.queries = queries;
        this.renditions = renditions;
        this.answers = answers;
        this.followUps = followUps;
        this.zone = clock.getZone();
    }

    /** A dispute's or settlement's entry as the page shows it. */
    public record FollowUpEntry(String at, String actor, String action, String amount, String note) {
    }

    /** A dispute or the settlement of the statement, with its entries and a link to its instance in Cockpit. */
    public record FollowUp(String kind, String number, String status, String cockpitUrl,
            List<FollowUpEntry> entries) {
    }

    /** A row as the list shows it. */
    public record Line(String statementNo, int version, String period, String customerCode, String customerName,
            String currency, String status, String closingBalance, String generatedAt, String url) {
    }

    public record Event(String status, String occurredAt, String actor, String note) {
    }

    public record Version(int version, String status, String url, boolean shown) {
    }

    @GetMapping("/statements")
    String list(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
        String period = params.getOrDefault("period", "").strip();
        String customer = params.getOrDefault("customer", "").strip();
        String statusText = params.getOrDefault("status", "").strip();
        List<String> errors = new ArrayList<>();
        if (!period.isEmpty()) {
            try {
                StatementPeriod.parse(period);
            } catch (IllegalArgumentException e) {
                errors.add("period");
            }
        }
        StatementStatus status = null;
        if (!statusText.isEmpty()) {
            try {
                status = StatementStatus.valueOf(statusText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add("status");
            }
        }
        int number = 0;
        try {
            number = Math.max(0, Integer.parseInt(params.getOrDefault("page", "0")));
        } catch (NumberFormatException e) {
            errors.add("page");
        }
        model.addAttribute("params", params);
        model.addAttribute("errors", errors);
        model.addAttribute("statuses", StatementStatus.values());
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("lines", List.of());
            model.addAttribute("page", Map.of("number", 0, "totalPages", 0, "totalElements", 0));
            return "statement/list";
        }
        StatementQueries.Page page = queries.page(new StatementQueries.Filter(customer, true, period, status), number,
                PAGE_SIZE);
        List<Line> lines = page.content().stream().map(r -> new Line(r.statementNo(), r.version(), r.period(),
                r.customerCode(), r.customerName(), r.currency(), r.status(),
                io.crmrecon.common.Money.display(new java.math.BigDecimal(r.closingBalance()), r.currency()),
                WHEN.withZone(zone).format(r.generatedAt()),
                "/statements/" + r.statementNo() + "?version=" + r.version())).toList();
        model.addAttribute("lines", lines);
        Map<String, Object> paging = new java.util.HashMap<>();
        paging.put("number", page.number());
        paging.put("totalPages", page.totalPages());
        paging.put("totalElements", page.totalElements());
        paging.put("customersCut", page.customersCut());
        paging.put("maxCustomers", StatementQueries.MAX_CUSTOMERS_BY_NAME);
        if (page.number() > 0) {
            paging.put("previous", pageUrl(params, page.number() - 1));
        }
        if (page.number() + 1 < page.totalPages()) {
            paging.put("next", pageUrl(params, page.number() + 1));
        }
        model.addAttribute("page", paging);
        return "statement/list";
    }

    @GetMapping("/statements/{statementNo}")
    String statement(@PathVariable String statementNo, @RequestParam(required = false) Integer version, Model model,
            HttpServletResponse response) {
        Optional<Statement> found = queries.find(statementNo, version);
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("statementNo", statementNo);
            return "statement/not-found";
        }
        Statement s = found.get();
        StatementView.Header header = renditions.header(s);
        StatementRenditions.Body body = renditions.body(s);
        String query = "?version=" + s.version();
        model.addAttribute("statementNo", s.statementNo());
        model.addAttribute("version", s.version());
        model.addAttribute("status", s.status().name());
        model.addAttribute("period", s.period().toString());
        model.addAttribute("currency", s.currency());
        model.addAttribute("customerCode", header.customerCode());
        model.addAttribute("customerName", header.customerName());
        model.addAttribute("language", s.language().toLanguageTag());
        model.addAttribute("generatedAt", WHEN.withZone(zone).format(s.generatedAt()));
        model.addAttribute("sentAt", s.sentAt() == null ? "" : WHEN.withZone(zone).format(s.sentAt()));
        model.addAttribute("answerDue", s.answerDue() == null ? "" : s.answerDue().toString());
        model.addAttribute("processInstanceId", s.processInstanceId() == null ? "" : s.processInstanceId());
        model.addAttribute("statementId", s.id());
        model.addAttribute("pdfUrl", "/statements/" + s.statementNo() + "/pdf" + query);
        model.addAttribute("xlsxUrl", "/statements/" + s.statementNo() + "/xlsx" + query);
        model.addAttribute("documentStyle", body.style());
        model.addAttribute("documentBody", body.html());
        List<Version> versions = new ArrayList<>();
        for (StatementQueries.VersionStatus v : queries.versions(s.statementNo())) {
            versions.add(new Version(v.version(), v.status(), "/statements/" + s.statementNo() + "?version="
                    + v.version(), v.version() == s.version()));
        }
        model.addAttribute("versions", versions);
        model.addAttribute("events", queries.history(s.id()).stream().map(e -> new Event(e.status(),
                WHEN.withZone(zone).format(e.occurredAt()), e.actor() == null ? "" : e.actor(),
                e.note() == null ? "" : e.note())).toList());
        // the confirmation evidence: every answer to this version, with who, when, from where and the PDF's hash
        model.addAttribute("answers", answers.answers(s.id()));
        // what followed: its disputes (who decided what, the note, the document) and its settlement
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("followUps", followUps.stream().flatMap(p -> p.of(s.statementNo(), locale).stream())
                .map(f -> new FollowUp(f.kind(), f.number(), f.status(), f.processInstanceId() == null ? ""
                        : "/camunda/app/cockpit/default/#/process-instance/" + f.processInstanceId(),
                        f.entries().stream().map(e -> new FollowUpEntry(WHEN.withZone(zone).format(e.at()), e.actor(),
                                e.action(), e.amount() == null ? "" : e.amount(), e.note() == null ? "" : e.note()))
                                .toList()))
                .toList());
        return "statement/detail";
    }

    @GetMapping("/statements/{statementNo}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String statementNo, @RequestParam(required = false) Integer version) {
        return file(statementNo, version, true);
    }

    @GetMapping("/statements/{statementNo}/xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String statementNo, @RequestParam(required = false) Integer version) {
        return file(statementNo, version, false);
    }

    private ResponseEntity<byte[]> file(String statementNo, Integer version, boolean pdf) {
        Optional<Statement> found = queries.find(statementNo, version);
        Optional<byte[]> stored = pdf ? found.flatMap(renditions::pdf) : Optional.empty();
        if (found.isEmpty() || pdf && stored.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Statement s = found.get();
        return ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : MediaType.parseMediaType(StatementRenditions.XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(StatementRenditions.fileName(s, pdf ? "pdf" : "xlsx")).build().toString())
                .body(pdf ? stored.get() : renditions.xlsx(s));
    }

    private static String pageUrl(Map<String, String> params, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/statements");
        params.forEach((k, v) -> {
            if (!"page".equals(k) && v != null && !v.isBlank()) {
                b.queryParam(k, v);
            }
        });
        return b.queryParam("page", page).encode().build().toUriString();
    }
}
