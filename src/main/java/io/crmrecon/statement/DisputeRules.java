package io.crmrecon.statement;

import io.crmrecon.common.Money;
import io.crmrecon.common.SpreadsheetValues;
import io.crmrecon.statement.StatementSnapshot.Line;
import io.crmrecon.statement.StatementSnapshot.LineKind;
import io.crmrecon.statement.StatementSnapshot.OpenItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a dispute may name and how the customer's form becomes one: only documents the version shows (its lines and
 * open items), a reason from the list, a comment of reasonable length, claimed amounts at the currency's minor
 * digits. Plain Java, so the rules are tested without a database.
 */
final class DisputeRules {

    static final int MAX_COMMENT = 2000;
    static final int MAX_NAME = 200;
    private static final Set<LineKind> DOCUMENTS = EnumSet.of(LineKind.INVOICE, LineKind.DEBIT_NOTE,
            LineKind.CREDIT_NOTE);

    private DisputeRules() {
    }

    /** The form as it came: ticked document numbers, the reason's name, the comment, claimed amounts by number. */
    record Request(List<String> documentNos, String reason, String comment, Map<String, String> claimedAmounts) {
    }

    /** A dispute line: the amount the statement shows (signed as the statement counts it) and the customer's own. */
    record DisputedLine(String documentNo, BigDecimal amount, BigDecimal claimedAmount) {
    }

    record Dispute(DisputeReason reason, String comment, List<DisputedLine> lines) {
    }

    /**
     * The documents of a version a customer may dispute, in the statement's order, with the amount shown: every
     * document line (prior-period adjustments first), then open items from earlier periods.
     */
    static Map<String, BigDecimal> disputable(StatementSnapshot snapshot) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        List<Line> lines = new ArrayList<>(snapshot.adjustments());
        lines.addAll(snapshot.lines());
        for (Line l : lines) {
            if (DOCUMENTS.contains(l.kind()) && l.documentNo() != null) {
                out.putIfAbsent(l.documentNo(), l.amount());
            }
        }
        for (OpenItem i : snapshot.openItems()) {
            out.putIfAbsent(i.documentNo(), i.type().signed(i.amount()));
        }
        return out;
    }

    static Dispute parse(Request form, StatementSnapshot snapshot) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, BigDecimal> shown = disputable(snapshot);
        Set<String> ticked = new LinkedHashSet<>();
        for (String no : form.documentNos() == null ? List.<String>of() : form.documentNos()) {
            if (no != null && !no.isBlank()) {
                ticked.add(no.strip());
            }
        }
        if (ticked.isEmpty()) {
            errors.put("documentNo", "customerpage.error.noLines");
        } else if (!shown.keySet().containsAll(ticked)) {
            errors.put("documentNo", "customerpage.error.unknownLine");
        }
        DisputeReason reason = null;
        if (form.reason() == null || form.reason().isBlank()) {
            errors.put("reason", "customerpage.error.reasonRequired");
        } else {
            try {
                reason = DisputeReason.valueOf(form.reason().strip());
            } catch (IllegalArgumentException e) {
                errors.put("reason", "customerpage.error.reasonUnknown");
            }
        }
        String comment = blankToNull(form.comment());
        if (comment != null && comment.length() > MAX_COMMENT) {
            errors.put("comment", "customerpage.error.commentTooLong");
        }
        int digits = Money.minorDigits(snapshot.currency());
        List<DisputedLine> lines = new ArrayList<>();
        Map<String, String> claimed = form.claimedAmounts() == null ? Map.of() : form.claimedAmounts();
        for (String no : ticked) {
            BigDecimal amount = shown.get(no);
            String text = blankToNull(claimed.get(no));
            BigDecimal claim = null;
            if (text != null) {
                claim = amount(text, digits);
                if (claim == null) {
                    errors.put("claimedAmount_" + no, "customerpage.error.amount");
                }
            }
            if (amount != null) {
                lines.add(new DisputedLine(no, amount, claim));
            }
        }
        if (!errors.isEmpty()) {
            throw new AnswerInputException(errors);
        }
        return new Dispute(reason, comment, lines);
    }

    /** Name and title as typed: optional, trimmed, within the column. */
    static void checkConfirmer(String name, String title) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name != null && name.strip().length() > MAX_NAME) {
            errors.put("confirmerName", "customerpage.error.tooLong");
        }
        if (title != null && title.strip().length() > MAX_NAME) {
            errors.put("confirmerTitle", "customerpage.error.tooLong");
        }
        if (!errors.isEmpty()) {
            throw new AnswerInputException(errors);
        }
    }

    /**
     * A decimal with at most {@code digits} decimals, as people type it (thousands separators and a currency sign
     * allowed, a minus for a credit); null when it is not one.
     */
    static BigDecimal amount(String text, int digits) {
        BigDecimal value = SpreadsheetValues.typedAmount(text);
        if (value == null || value.scale() > digits) {
            return null;
        }
        return value.setScale(digits);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
