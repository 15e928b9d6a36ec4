package io.crmrecon.ledger;

import java.math.BigDecimal;

/** The kinds of document; the type gives the sign, amounts are always positive. */
public enum DocumentType {
    /** the customer owes us */
    INVOICE(1, true),
    /** adds to what the customer owes */
    DEBIT_NOTE(1, true),
    /** reduces what the customer owes */
    CREDIT_NOTE(-1, true),
    /** we owe the customer (as a supplier): a payable, used for netting */
    BILL(1, false);

    private final int sign;
    private final boolean receivable;

    DocumentType(int sign, boolean receivable) {
        this.sign = sign;
        this.receivable = receivable;
    }

    public boolean isReceivable() {
        return receivable;
    }

    /** The amount as it moves the balance of its side (receivables or payables). */
    public BigDecimal signed(BigDecimal amount) {
        return sign < 0 ? amount.negate() : amount;
    }

    static DocumentType parse(String text) {
        for (DocumentType t : values()) {
            if (t.name().equalsIgnoreCase(text)) {
                return t;
            }
        }
        return null;
    }
}
