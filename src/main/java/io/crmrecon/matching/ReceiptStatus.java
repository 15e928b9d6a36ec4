package io.crmrecon.matching;

/**
 * Where an unapplied receipt (未核销收款) stands, derived from its allocations and the newest matching decision:
 * part of it applied; a suggestion waiting for a clerk; nothing found; or no decision yet (waiting for a run, e.g.
 * new, or after a reversal).
 */
public enum ReceiptStatus {
    PARTLY_APPLIED, SUGGESTED, UNMATCHED, WAITING;

    static ReceiptStatus parse(String text) {
        for (ReceiptStatus s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        return null;
    }
}
