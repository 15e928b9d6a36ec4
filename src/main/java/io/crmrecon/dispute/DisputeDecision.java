package io.crmrecon.dispute;

import io.crmrecon.common.FieldRefusal;
import io.crmrecon.common.Money;
import io.crmrecon.common.SpreadsheetValues;
import io.crmrecon.ledger.DocumentType;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The rules of a dispute's decisions, as the task forms deliver them (CONTRACT.md §6): amounts as numbers or
 * decimal strings, choices as text. A decision the rules forbid is {@link FieldRefusal}, naming the field.
 */
final class DisputeDecision {

    static final int NOTE_MAX = 2000;

    enum Resolution {
        ACCEPT, REJECT
    }

    /**
     * What the investigator (a clerk, or a manager on an escalated dispute) decided. On ACCEPT, the adjustment: a
     * credit note (in the customer's favour) or a debit note; on REJECT, why, for the customer.
     */
    record Investigation(Resolution resolution, BigDecimal adjustmentAmount, DocumentType adjustmentType, String note,
            String decidedBy) {

        boolean accepted() {
            return resolution == Resolution.ACCEPT;
        }
    }

    /** A manager's answer to a proposed adjustment. */
    record Approval(boolean approved, String note, String decidedBy) {
    }

    private DisputeDecision() {
    }

    static Investigation investigation(Object resolution, Object amount, Object type, Object note, String decidedBy,
            String currency) {
        Resolution chosen = parse(Resolution.class, resolution, "resolution", "dispute.decision.badResolution");
        String text = note(note, "resolutionNote");
        if (chosen == Resolution.REJECT) {
            if (text == null) {
                throw new FieldRefusal("resolutionNote", "dispute.decision.rejectNeedsNote");
            }
            BigDecimal given = amount(amount, currency, true);
            if (given != null && given.signum() != 0) {
                throw new FieldRefusal("adjustmentAmount", "dispute.decision.rejectWithAmount");
            }
            return new Investigation(chosen, null, null, text, decidedBy);
        }
        BigDecimal adjustment = amount(amount, currency, false);
        DocumentType noteType = type == null || type.toString().isBlank() ? DocumentType.CREDIT_NOTE
                : switch (type.toString().strip().toUpperCase(Locale.ROOT)) {
                    case "CREDIT_NOTE" -> DocumentType.CREDIT_NOTE;
                    case "DEBIT_NOTE" -> DocumentType.DEBIT_NOTE;
                    default -> throw new FieldRefusal("adjustmentType", "dispute.decision.badType", type);
                };
        return new Investigation(chosen, adjustment, noteType, text, decidedBy);
    }

    static Approval approval(Object approved, Object note, String decidedBy) {
        Boolean answer = approved instanceof Boolean b ? b
                : approved != null && "true".equalsIgnoreCase(approved.toString().strip()) ? Boolean.TRUE
                : approved != null && "false".equalsIgnoreCase(approved.toString().strip()) ? Boolean.FALSE
                : null;
        if (answer == null) {
            throw new FieldRefusal("approved", "dispute.approval.badAnswer");
        }
        String text = note(note, "approvalNote");
        if (!answer && text == null) {
            throw new FieldRefusal("approvalNote", "dispute.approval.declineNeedsNote");
        }
        return new Approval(answer, text, decidedBy);
    }

    /**
     * Four eyes: whoever proposed the adjustment cannot approve it. A missing approver (a completion without a
     * logged-in user) is refused too, since nobody could be told apart from the investigator then.
     */
    static boolean mayApprove(String investigator, String approver) {
        return approver != null && !approver.isBlank() && !approver.equals(investigator);
    }

    /**
     * A credit note larger than what the customer disputed always goes to a manager, whatever the approval table
     * says: a clerk never grants more than was disputed alone.
     */
    static boolean exceedsDisputed(Investigation decision, BigDecimal disputedAmount) {
        return decision.accepted() && decision.adjustmentType() == DocumentType.CREDIT_NOTE
                && decision.adjustmentAmount().compareTo(disputedAmount) > 0;
    }

    private static BigDecimal amount(Object value, String currency, boolean optional) {
        if (value == null || value.toString().isBlank()) {
            if (optional) {
                return null;
            }
            throw new FieldRefusal("adjustmentAmount", "dispute.decision.amountMissing");
        }
        // a number from the REST API as it came; a text as a clerk types it ("8,158.64", as the form shows amounts)
        BigDecimal amount = value instanceof BigDecimal b ? b
                : value instanceof Number n ? new BigDecimal(n.toString())
                : SpreadsheetValues.typedAmount(value.toString());
        if (amount == null) {
            throw new FieldRefusal("adjustmentAmount", "dispute.decision.amountUnreadable", value);
        }
        if (optional) {
            return amount;
        }
        if (amount.signum() <= 0) {
            throw new FieldRefusal("adjustmentAmount", "dispute.decision.amountNotPositive", value);
        }
        int digits = Money.minorDigits(currency);
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new FieldRefusal("adjustmentAmount", "dispute.decision.amountDigits", value, digits, currency);
        }
        return amount.setScale(digits);
    }

    private static String note(Object value, String field) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().strip();
        if (text.length() > NOTE_MAX) {
            throw new FieldRefusal(field, "dispute.decision.noteTooLong", NOTE_MAX);
        }
        return text;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, Object value, String field, String code) {
        if (value != null) {
            String text = value.toString().strip().toUpperCase(Locale.ROOT);
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(text)) {
                    return e;
                }
            }
        }
        throw new FieldRefusal(field, code, value == null ? "" : value);
    }
}
