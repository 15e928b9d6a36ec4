package io.crmrecon.settlement;

import io.crmrecon.common.Money;
import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the settlement tasks' forms show (read-only, local to the task), as Markdown: the amounts, the items with
 * what is open of them now, everything the settlement did, and links to the statement and the account.
 */
@Service
@Transactional(readOnly = true)
class SettlementTaskViews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** rows of a table, and characters of a cell, that a form shows: the values must stay within 4,000 */
    private static final int ROWS = 20;
    private static final int CELL = 120;

    private final Settlements settlements;
    private final SettlementJournal journal;
    private final Customers customers;
    private final MessageSource messages;
    private final Clock clock;

    SettlementTaskViews(Settlements settlements, SettlementJournal journal, Customers customers,
            MessageSource messages, Clock clock) {
        this.settlements = settlements;
        this.journal = journal;
        this.customers = customers;
        this.messages = messages;
        this.clock = clock;
    }

    record View(String taskName, Map<String, Object> variables) {
    }

    View of(long settlementId, String taskTitle) {
        Settlement s = settlements.get(settlementId);
        Customer customer = customers.byId(s.customerId()).orElse(null);
        String code = customer == null ? "?" : customer.getCustomerCode();
        String name = customer == null ? "" : customer.getName();
        String currency = s.currency();
        Settlements.Standing standing = settlements.standing(s);
        List<SettlementJournal.Item> items = standing.items();
        BigDecimal outstanding = standing.outstanding();
        long overdue = SettlementTerms.daysOverdue(s.dueDate(), LocalDate.now(clock));

        StringBuilder amounts = new StringBuilder("| 项目 Item | 金额 Amount |\n|---|---:|\n");
        amounts.append("| 应收 Receivables ").append(s.period()).append(" | ").append(money(s.receivables(), currency))
                .append(" |\n");
        if (s.netted().signum() != 0) {
            amounts.append("| 抵销 Netted against bills | −").append(money(s.netted(), currency)).append(" |\n");
        }
        if (s.netAmount().signum() < 0) {
            // we owe the customer: what to refund, no due date, no dunning
            amounts.append("| 应退客户 To refund | **").append(money(s.netAmount().negate(), currency))
                    .append("** |\n");
        } else {
            amounts.append("| 结算金额 Net amount | ").append(money(s.netAmount(), currency)).append(" |\n")
                    .append("| 现欠 Outstanding now | **").append(money(outstanding, currency)).append("** |\n")
                    .append("| 到期日 Due | ").append(s.dueDate()).append(overdue > 0 ? " (逾期 " + overdue + " 天 · "
                            + overdue + (overdue == 1 ? " day" : " days") + " overdue)" : "").append(" |\n")
                    .append("| 催款级别 Dunning level | ").append(s.dunningLevel()).append(" |\n");
            if (s.promisedDate() != null) {
                amounts.append("| 承诺付款日 Promised | ").append(s.promisedDate()).append(" |\n");
            }
        }

        StringBuilder lines = new StringBuilder("| 单据 Document | 到期 Due | 结算时 At settlement | 现欠 Open now |\n"
                + "|---|---|---:|---:|\n");
        for (SettlementJournal.Item i : items.subList(0, Math.min(items.size(), ROWS))) {
            lines.append("| ").append(i.documentNo()).append(" | ").append(i.dueDate() == null ? "" : i.dueDate())
                    .append(" | ").append(money(i.openAmount(), currency)).append(" | ")
                    .append(money(standing.openOf(i), currency)).append(" |\n");
        }

        // a list, not a table: its lines wrap in Tasklist's narrow form, where a table's last columns were cut off
        StringBuilder history = new StringBuilder();
        List<SettlementJournal.Event> events = journal.of(s.id());
        if (items.size() > ROWS) {
            lines.append("| … ").append(items.size() - ROWS).append(" 更多 more | | | |\n");
        }
        if (events.size() > ROWS) {
            history.append("- … ").append(events.size() - ROWS).append(" 更早 earlier\n");
        }
        for (SettlementJournal.Event e : events.subList(Math.max(0, events.size() - ROWS), events.size())) {
            String note = cell(e.note());
            history.append("- **").append(WHEN.format(e.at().atZone(clock.getZone()))).append("** · ")
                    .append(cell(e.actor())).append(" · ").append(action(e.action()))
                    .append(e.amount() == null ? "" : " · " + money(e.amount(), currency))
                    .append(note.isEmpty() ? "" : " — *" + note.replace("*", "\\*") + "*").append("\n");
        }

        Map<String, Object> v = new LinkedHashMap<>();
        v.put("settlementNo", s.settlementNo());
        v.put("customerName", name + " (" + code + ")");
        v.put("settlementAmounts", fit(amounts));
        v.put("settlementItems", fit(lines));
        v.put("settlementHistory", fit(history));
        v.put("links", "[对账单 Statement " + s.statementNo() + "](/statements/" + encode(s.statementNo()) + ") · "
                + "[客户账户 Customer account " + code + "](/customers/" + encode(code) + ")");
        String title = taskTitle + " " + s.settlementNo() + " " + name + " " + money(outstanding, currency);
        // a task's name has 255 characters
        return new View(title.length() <= 255 ? title : title.substring(0, 254) + "…", v);
    }

    /** What happened, in both languages (the form has no user locale). */
    private String action(SettlementJournal.Action action) {
        String code = "settlement.action." + action.name();
        return messages.getMessage(code, null, action.name(), Locale.SIMPLIFIED_CHINESE) + " · "
                + messages.getMessage(code, null, action.name(), Locale.ENGLISH);
    }

    private static String money(BigDecimal amount, String currency) {
        return currency + " " + Money.display(amount, currency);
    }

    /** A table cell or a line of a list: no line breaks or pipes of its own, and short. */
    private static String cell(String text) {
        String flat = text == null ? "" : text.replace("|", "/").replaceAll("\\s+", " ").strip();
        return flat.length() <= CELL ? flat : flat.substring(0, CELL - 1) + "…";
    }

    /** Camunda keeps a string variable in 4,000 characters. */
    private static String fit(CharSequence markdown) {
        return markdown.length() <= 4000 ? markdown.toString() : markdown.subSequence(0, 3999) + "…";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
