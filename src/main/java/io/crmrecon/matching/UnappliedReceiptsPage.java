package io.crmrecon.matching;

import io.crmrecon.common.BadRequestException;
import io.crmrecon.common.Money;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * /receipts/unapplied (未核销收款): the staff page of the list. Filters are GET parameters, so a filtered view is a
 * link; column headers sort; clerks open a receipt in the workbench of its task, managers only read.
 */
@Controller
class UnappliedReceiptsPage {

    static final String MISSING = "—";

    private final UnappliedReceipts receipts;

    UnappliedReceiptsPage(UnappliedReceipts receipts) {
        this.receipts = receipts;
    }

    /** A row as the page shows it: every value text, "—" where there is none. */
    public record Line(long transactionId, String bankReference, String bookingDate, long ageDays, String amount,
            String remaining, String currency, String payerName, String payerAccount, String remittanceInfo,
            long bankStatementId, String bankStatementFile, String customerCode, String customerName, String status,
            String suggestedDocuments, String suggestionRule, String suggestionReason, boolean inTask, String taskId,
            String workbenchUrl) {
    }

    public record TotalLine(String currency, long count, String amount, String remaining) {
    }

    /** A sortable column: its key, the link that sorts by it, and whether the list is sorted by it now. */
    public record Column(String key, String url, String arrow) {
    }

    @GetMapping("/receipts/unapplied")
    String list(@RequestParam Map<String, String> params, Authentication user, Model model,
            HttpServletResponse response) {
        boolean canWork = user != null && user.getAuthorities().stream().anyMatch(a ->
                a.getAuthority().equals("GROUP_clerks") || a.getAuthority().equals("GROUP_camunda-admin"));
        ReceiptFilter filter;
        List<String> errors = List.of();
        try {
            filter = ReceiptFilter.parse(params);
        } catch (BadRequestException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            errors = e.errors().stream().map(io.crmrecon.common.ImportError::column).toList();
            filter = null;
        }
        model.addAttribute("params", params);
        model.addAttribute("errors", errors);
        model.addAttribute("canWork", canWork);
        model.addAttribute("today", receipts.today().toString());
        model.addAttribute("statuses", ReceiptStatus.values());
        if (filter == null) {
            model.addAttribute("lines", List.of());
            model.addAttribute("totals", List.of());
            model.addAttribute("columns", Map.of());
            model.addAttribute("page", Map.of("number", 0, "totalPages", 0, "totalElements", 0));
            return "receipts/unapplied";
        }
        UnappliedReceipts.Page page = receipts.page(filter);
        List<Line> lines = new ArrayList<>();
        for (UnappliedReceipts.Receipt r : page.content()) {
            lines.add(new Line(r.transactionId(), show(r.bankReference()), r.bookingDate().toString(), r.ageDays(),
                    Money.display(r.amount(), r.currency()), Money.display(r.remaining(), r.currency()), r.currency(),
                    show(r.payerName()), show(r.payerAccount()), show(r.remittanceInfo()), r.bankStatementId(),
                    show(r.bankStatementFile()), r.customerCode(), show(r.customerName()), r.status().name(),
                    r.suggestedDocumentNos().isEmpty() ? MISSING : String.join(", ", r.suggestedDocumentNos()),
                    r.suggestionRule(), r.suggestionReason(), r.inTask(), r.taskId(),
                    r.taskId() == null ? null : "/matching/workbench/" + r.taskId()));
        }
        model.addAttribute("lines", lines);
        model.addAttribute("totals", page.totals().stream().map(t -> new TotalLine(t.currency(), t.count(),
                Money.display(t.amount(), t.currency()), Money.display(t.remaining(), t.currency()))).toList());
        model.addAttribute("columns", columns(filter));
        Map<String, Object> paging = new LinkedHashMap<>();
        paging.put("number", page.number());
        paging.put("totalPages", page.totalPages());
        paging.put("totalElements", page.totalElements());
        if (page.number() > 0) {
            paging.put("previous", link(filter.withPage(page.number() - 1), true));
        }
        if (page.number() + 1 < page.totalPages()) {
            paging.put("next", link(filter.withPage(page.number() + 1), true));
        }
        model.addAttribute("page", paging);
        model.addAttribute("csvUrl", export(filter, "csv"));
        model.addAttribute("xlsxUrl", export(filter, "xlsx"));
        model.addAttribute("filter", filter.parameters());
        return "receipts/unapplied";
    }

    private static Map<String, Column> columns(ReceiptFilter filter) {
        Map<String, Column> out = new LinkedHashMap<>();
        for (String key : ReceiptFilter.SORTS.keySet()) {
            boolean current = key.equals(filter.sort());
            boolean descending = current && !filter.descending();
            ReceiptFilter sorted = new ReceiptFilter(filter.from(), filter.to(), filter.amountMin(), filter.amountMax(),
                    filter.customer(), filter.status(), filter.q(), key, descending, 0, filter.size());
            out.put(key, new Column(key, link(sorted, true), current ? (filter.descending() ? "▼" : "▲") : ""));
        }
        return out;
    }

    private static String link(ReceiptFilter filter, boolean withSortAndPage) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/receipts/unapplied");
        filter.parameters().forEach(b::queryParam);
        if (withSortAndPage) {
            b.queryParam("sort", filter.sort() + (filter.descending() ? ",desc" : ",asc"));
            if (filter.page() > 0) {
                b.queryParam("page", filter.page());
            }
            if (filter.size() != ReceiptFilter.DEFAULT_SIZE) {
                b.queryParam("size", filter.size());
            }
        }
        return b.encode().build().toUriString();
    }

    private static String export(ReceiptFilter filter, String format) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/receipts/unapplied/export");
        filter.parameters().forEach(b::queryParam);
        b.queryParam("sort", filter.sort() + (filter.descending() ? ",desc" : ",asc"));
        b.queryParam("format", format);
        return b.encode().build().toUriString();
    }

    static String show(String s) {
        return s == null || s.isBlank() ? MISSING : s;
    }

}
