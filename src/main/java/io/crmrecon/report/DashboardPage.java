package io.crmrecon.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmrecon.common.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /dashboard} (clerks and managers): the figures {@link DashboardFigures} keeps, as cards, charts and short
 * lists with links into the reports, Cockpit and Tasklist. Rendering reads no table.
 */
@Controller
class DashboardPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DashboardFigures figures;
    private final ObjectMapper json;
    private final MessageSource messages;
    private final java.time.Clock clock;

    DashboardPage(DashboardFigures figures, ObjectMapper json, MessageSource messages, java.time.Clock clock) {
        this.figures = figures;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    /** A currency's receivables as the cards show them. */
    public record Card(String currency, String total, String overdue, String overdueShare, String dso) {
    }

    /** A customer owing past due, a dispute waiting: a line of the page's short lists. */
    public record Entry(String code, String name, String amount, String currency, String age, String link) {
    }

    @GetMapping("/dashboard")
    String dashboard(Model model) throws JsonProcessingException {
        DashboardFigures.Snapshot s = figures.current();
        Locale locale = LocaleContextHolder.getLocale();
        List<Card> cards = new ArrayList<>();
        for (DashboardFigures.CurrencyAgeing r : s.receivables()) {
            BigDecimal dso = s.dso().stream().filter(p -> p.currency().equals(r.currency()))
                    .reduce((a, b) -> b).map(DashboardFigures.DsoPoint::dso).orElse(null);
            cards.add(new Card(r.currency(), Money.display(r.total(), r.currency()),
                    Money.display(r.overdue(), r.currency()), percent(r.total().signum() <= 0 ? null
                            : r.overdue().divide(r.total(), 4, java.math.RoundingMode.HALF_UP)),
                    dso == null ? "–" : dso.toPlainString()));
        }
        List<Entry> overdue = new ArrayList<>();
        for (List<Object> row : s.mostOverdue()) {
            String currency = (String) row.get(2);
            overdue.add(new Entry((String) row.get(0), (String) row.get(1), Money.display((BigDecimal) row.get(3),
                    currency), currency, Money.display((BigDecimal) row.get(4), currency),
                    "/customers/" + row.get(0)));
        }
        List<Entry> disputes = new ArrayList<>();
        for (DashboardFigures.OpenDispute d : s.oldestDisputes()) {
            long days = Duration.between(d.openedAt(), clock.instant()).toDays();
            disputes.add(new Entry(d.disputeNo(), d.customerCode() + " " + d.customerName(), null, null,
                    Long.toString(days), d.processInstanceId() == null ? null
                            : "/camunda/app/cockpit/default/#/process-instance/" + d.processInstanceId()));
        }
        DashboardFigures.MatchingMonth thisMonth = s.matching().isEmpty() ? null
                : s.matching().get(s.matching().size() - 1);
        model.addAttribute("at", WHEN.format(s.at().atZone(clock.getZone())));
        model.addAttribute("today", s.today().toString());
        model.addAttribute("cards", cards);
        model.addAttribute("funnel", s.funnel());
        model.addAttribute("confirmationRate", percent(s.funnel().confirmationRate()));
        model.addAttribute("medianDaysToConfirm", s.funnel().medianDaysToConfirm() == null ? "–"
                : s.funnel().medianDaysToConfirm().toPlainString());
        model.addAttribute("autoMatchRate", percent(thisMonth == null ? null : thisMonth.autoMatchRate()));
        model.addAttribute("exceptionsWaiting", s.exceptionsWaiting());
        // whole days, as people count waiting; less than one is said so, not "0.0"
        BigDecimal oldest = s.oldestExceptionDays();
        model.addAttribute("oldestUnderDay", oldest == null || oldest.compareTo(BigDecimal.ONE) < 0);
        model.addAttribute("oldestException", oldest == null ? 0L
                : oldest.setScale(0, java.math.RoundingMode.DOWN).longValueExact());
        model.addAttribute("openDisputes", s.openDisputes());
        model.addAttribute("overdue", overdue);
        model.addAttribute("disputes", disputes);
        model.addAttribute("charts", json.writeValueAsString(charts(s, locale)));
        return "report/dashboard";
    }

    /** What the charts draw, with their labels in the reader's language. */
    private Map<String, Object> charts(DashboardFigures.Snapshot s, Locale locale) {
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("bucketLabels", s.buckets().stream().map(b -> text("report.column." + b, locale)).toList());
        List<Map<String, Object>> ageing = new ArrayList<>();
        for (DashboardFigures.CurrencyAgeing r : s.receivables()) {
            ageing.add(Map.of("currency", r.currency(), "values",
                    r.buckets().stream().map(BigDecimal::toPlainString).toList()));
        }
        charts.put("ageing", ageing);
        Map<String, List<List<String>>> dso = new LinkedHashMap<>();
        for (DashboardFigures.DsoPoint p : s.dso()) {
            dso.computeIfAbsent(p.currency(), c -> new ArrayList<>()).add(List.of(p.month(), p.dso().toPlainString()));
        }
        charts.put("dso", dso);
        DashboardFigures.Funnel f = s.funnel();
        charts.put("funnel", List.of(
                Map.of("name", text("dashboard.funnel.generated", locale), "value", f.generated()),
                Map.of("name", text("dashboard.funnel.sent", locale), "value", f.sent()),
                Map.of("name", text("dashboard.funnel.answered", locale), "value", f.answered()),
                Map.of("name", text("dashboard.funnel.agreed", locale), "value", f.agreed())));
        charts.put("matching", s.matching().stream().map(m -> List.of(m.month(),
                m.autoMatchRate() == null ? "" : m.autoMatchRate().movePointRight(2).toPlainString())).toList());
        charts.put("labels", Map.of("dso", text("dashboard.chart.dso.axis", locale), "rate",
                text("dashboard.chart.matching.axis", locale), "empty", text("dashboard.chart.empty", locale)));
        return charts;
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }

    private static String percent(BigDecimal fraction) {
        return fraction == null ? "–" : fraction.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP) + " %";
    }
}
