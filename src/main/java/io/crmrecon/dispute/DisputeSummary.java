package io.crmrecon.dispute;

import io.crmrecon.common.Money;
import io.crmrecon.statement.StatementDisputes;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * What the investigator and the approver read in their task forms (Markdown for the form's text fields), in both
 * languages since a task has no reader's locale when it is created: the disputed lines with what the customer
 * believes, the reason and comment in the customer's words, each document's payments, earlier disputes of the
 * customer, and what this dispute has seen so far.
 */
final class DisputeSummary {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A payment (or its reversal) applied to a disputed document. */
    record Applied(String documentNo, String bankReference, String bookingDate, BigDecimal amount,
            BigDecimal writeOff) {
    }

    private DisputeSummary() {
    }

    static String lines(StatementDisputes.CustomerDispute given, String currency) {
        StringBuilder text = new StringBuilder();
        for (StatementDisputes.Line line : given.lines()) {
            text.append("- **").append(line.documentNo()).append("** · 对账单金额 statement ")
                    .append(Money.display(line.amount(), currency));
            if (line.claimedAmount() != null) {
                text.append(" · 客户认为 customer says ").append(Money.display(line.claimedAmount(), currency))
                        .append(" (差额 difference ")
                        .append(Money.display(line.amount().subtract(line.claimedAmount()), currency)).append(')');
            }
            text.append('\n');
        }
        text.append("\n合计 Total: **").append(Money.display(given.disputedAmount(), currency)).append(' ')
                .append(currency).append("**");
        return text.toString();
    }

    static String customerWords(String reasonLabel, String comment) {
        return "**原因 Reason:** " + reasonLabel + "\n\n**客户说明 The customer wrote:** "
                + (comment == null || comment.isBlank() ? "（无 none）" : "“" + comment.strip() + "”");
    }

    static String documentHistory(List<Applied> applied, String currency) {
        if (applied.isEmpty()) {
            return "（这些单据尚无收款 no payment applied to these documents yet）";
        }
        StringBuilder text = new StringBuilder();
        for (Applied a : applied) {
            text.append("- ").append(a.documentNo()).append(" · ").append(a.bookingDate()).append(" · ")
                    .append(a.bankReference() == null ? "" : a.bankReference() + " · ")
                    .append(Money.display(a.amount(), currency));
            if (a.writeOff() != null && a.writeOff().signum() != 0) {
                text.append(" + 核销差额 write-off ").append(Money.display(a.writeOff(), currency));
            }
            text.append('\n');
        }
        return text.toString();
    }

    static String earlierDisputes(List<Dispute> earlier, long current, ZoneId zone) {
        StringBuilder text = new StringBuilder();
        for (Dispute d : earlier) {
            if (d.id() == current) {
                continue;
            }
            text.append("- ").append(d.disputeNo()).append(" · ").append(TIME.format(d.openedAt().atZone(zone)))
                    .append(" · ").append(d.reason()).append(" · ")
                    .append(Money.display(d.disputedAmount(), d.currency())).append(" · ").append(d.status());
            if (d.adjustmentDocumentNo() != null) {
                text.append(" · ").append(d.adjustmentDocumentNo()).append(' ')
                        .append(Money.display(d.adjustmentAmount(), d.currency()));
            }
            text.append('\n');
        }
        return text.isEmpty() ? "（无 none）" : text.toString();
    }

    static String journal(List<DisputeJournal.Event> events, String currency, ZoneId zone) {
        StringBuilder text = new StringBuilder();
        for (DisputeJournal.Event e : events) {
            text.append("- ").append(TIME.format(e.at().atZone(zone))).append(" · ").append(e.actor()).append(" · ")
                    .append(ACTIONS.getOrDefault(e.action(), e.action().name()));
            if (e.amount() != null) {
                text.append(" · ").append(Money.display(e.amount(), currency));
            }
            if (e.documentNo() != null) {
                text.append(" · ").append(e.documentNo());
            }
            if (e.note() != null && !e.note().isBlank()) {
                text.append(" · “").append(e.note().strip()).append('”');
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static final Map<DisputeJournal.Action, String> ACTIONS = Map.of(
            DisputeJournal.Action.OPENED, "客户提出异议 disputed",
            DisputeJournal.Action.ROUTED, "分派 routed",
            DisputeJournal.Action.PROPOSED_ACCEPT, "建议接受 proposed to accept",
            DisputeJournal.Action.PROPOSED_REJECT, "建议驳回 proposed to reject",
            DisputeJournal.Action.APPROVED, "批准 approved",
            DisputeJournal.Action.DECLINED, "退回 declined",
            DisputeJournal.Action.ESCALATED, "升级至经理 escalated to the managers",
            DisputeJournal.Action.ADJUSTED, "已过账调整单 adjustment posted",
            DisputeJournal.Action.REJECTED, "已驳回 rejected");
}
