package io.crmrecon.ledger;

import io.crmrecon.common.FieldRefusal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /periods}: the months of the last year, which are closed, their postings to download, and (managers) the
 * button that closes a month; administrators may reopen the latest close.
 */
@Controller
class PeriodsPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int MONTHS_SHOWN = 13;

    private final ClosedPeriods periods;
    private final Clock clock;

    PeriodsPage(ClosedPeriods periods, Clock clock) {
        this.periods = periods;
        this.clock = clock;
    }

    /** A month as the page lists it; {@code closedBy}/{@code closedAt} from the close in force that covers it. */
    public record Month(String period, String from, String to, String status, String closedBy, String closedAt,
            boolean closable, boolean reopenable) {
    }

    /** A close as the history lists it. */
    public record Closing(String period, String closedBy, String closedAt, String reopenedBy, String reopenedAt) {
    }

    @GetMapping("/periods")
    String periods(@RequestParam(required = false) String closed, @RequestParam(required = false) String reopened,
            Authentication user, Model model) {
        return page(model, user, null, closed, reopened);
    }

    @PostMapping("/periods/{period}/close")
    String close(@PathVariable String period, Authentication user, Model model, RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        return act(period, user, model, redirect, response, true);
    }

    @PostMapping("/periods/{period}/reopen")
    String reopen(@PathVariable String period, Authentication user, Model model, RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        return act(period, user, model, redirect, response, false);
    }

    private String act(String period, Authentication user, Model model, RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response, boolean close) {
        YearMonth month;
        try {
            month = YearMonth.parse(period);
        } catch (java.time.format.DateTimeParseException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, user, new FieldRefusal("period", "period.not-a-month", period), null, null);
        }
        try {
            if (close) {
                periods.close(month, user.getName());
                redirect.addAttribute("closed", month.toString());
            } else {
                periods.reopen(month, user.getName());
                redirect.addAttribute("reopened", month.toString());
            }
            return "redirect:/periods";
        } catch (FieldRefusal refusal) {
            response.setStatus(refusal.code().equals("period.close.already") ? HttpStatus.CONFLICT.value()
                    : HttpStatus.BAD_REQUEST.value());
            return page(model, user, refusal, null, null);
        }
    }

    private String page(Model model, Authentication user, FieldRefusal refusal, String closed, String reopened) {
        boolean manager = has(user, "GROUP_managers") || has(user, "GROUP_camunda-admin");
        boolean admin = has(user, "GROUP_camunda-admin");
        ClosedBooks books = periods.now();
        List<ClosedPeriods.Closing> history = periods.history();
        YearMonth current = YearMonth.from(LocalDate.now(clock));
        List<Month> months = new ArrayList<>();
        for (int i = 0; i < MONTHS_SHOWN; i++) {
            YearMonth m = current.minusMonths(i);
            ClosedPeriods.Closing by = books.isClosed(m) ? history.stream()
                    .filter(c -> c.inForce() && !m.isAfter(c.period()))
                    .min(java.util.Comparator.comparing(ClosedPeriods.Closing::period)).orElse(null) : null;
            String status = m.equals(current) ? "current" : books.isClosed(m) ? "closed" : "open";
            months.add(new Month(m.toString(), m.atDay(1).toString(), m.atEndOfMonth().toString(), status,
                    by == null ? null : by.closedBy(), by == null ? null : when(by.closedAt()),
                    manager && "open".equals(status), admin && m.equals(books.closedThrough())));
        }
        model.addAttribute("closedThrough", books.closedThrough() == null ? null : books.closedThrough().toString());
        model.addAttribute("openFrom", books.openFrom() == null ? null : books.openFrom().toString());
        model.addAttribute("months", months);
        model.addAttribute("history", history.stream().map(c -> new Closing(c.period().toString(), c.closedBy(),
                when(c.closedAt()), c.reopenedBy(), c.reopenedAt() == null ? null : when(c.reopenedAt()))).toList());
        model.addAttribute("canClose", manager);
        if (refusal != null) {
            model.addAttribute("errorCode", refusal.code());
            model.addAttribute("errorArgs", java.util.Arrays.stream(refusal.args()).map(String::valueOf).toList());
        }
        if (closed != null) {
            model.addAttribute("closed", closed);
        }
        if (reopened != null) {
            model.addAttribute("reopened", reopened);
        }
        return "ledger/periods";
    }

    private String when(java.time.Instant at) {
        return WHEN.format(at.atZone(clock.getZone()));
    }

    private static boolean has(Authentication user, String authority) {
        return user != null && user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
    }
}
