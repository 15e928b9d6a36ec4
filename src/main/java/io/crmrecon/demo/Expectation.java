package io.crmrecon.demo;

import java.util.List;

/**
 * What one entry of the demo bank statement really is: the entry's bank reference (camt {@code AcctSvcrRef}),
 * the pattern it stands for, and the documents it settles, by number. The ground truth a matching engine is
 * measured against.
 *
 * <p>For {@link #NET_OF_CREDIT_NOTE} the list holds the invoice and then the credit note that reduces it; for
 * {@link #AMBIGUOUS_TWIN} the oldest open twin, the one the customer meant (a careful engine suggests rather
 * than auto-matches: other invoices of the same customer have the same amount). The noise patterns
 * ({@link #BANK_INTEREST}, {@link #UNKNOWN_PAYER}, {@link #BANK_FEE}, {@link #REFUND}) settle nothing: the list
 * is empty.
 */
public record Expectation(String bankReference, String pattern, List<String> documentNos) {

    /** the document number as issued, somewhere in the remittance text */
    public static final String EXACT_NUMBER = "EXACT_NUMBER";
    /** the number reformatted: lower case, dashes and leading zeros dropped (inv2026123), or only dashes (INV2026000123) */
    public static final String REFORMATTED_NUMBER = "REFORMATTED_NUMBER";
    /** the tax invoice (发票) number instead of the document number */
    public static final String TAX_INVOICE_NO = "TAX_INVOICE_NO";
    /** two or three invoices in one sum, each named */
    public static final String MULTIPLE_INVOICES = "MULTIPLE_INVOICES";
    /** two open invoices of the payer in one sum, with no reference at all */
    public static final String COMBINED_NO_REFERENCE = "COMBINED_NO_REFERENCE";
    /** part of an invoice, the invoice named; the rest stays open */
    public static final String PARTIAL = "PARTIAL";
    /** the invoice named, the amount short by a bank charge (15.00 or 25.00) */
    public static final String SHORT_BY_BANK_CHARGE = "SHORT_BY_BANK_CHARGE";
    /** more than the invoice named; the excess stays on account */
    public static final String OVERPAYMENT = "OVERPAYMENT";
    /** invoice less a credit note, the invoice named */
    public static final String NET_OF_CREDIT_NOTE = "NET_OF_CREDIT_NOTE";
    /** the payer's name written differently, from an account not registered; no number, the amount decides */
    public static final String PAYER_NAME_VARIANT = "PAYER_NAME_VARIANT";
    /** the number with two adjacent digits swapped; the amount confirms the right invoice */
    public static final String TYPO_REFERENCE = "TYPO_REFERENCE";
    /** no reference, the amount of several identical monthly invoices of the payer */
    public static final String AMBIGUOUS_TWIN = "AMBIGUOUS_TWIN";
    /** a registered account of the customer, the exact amount of one of its open invoices, no reference */
    public static final String ACCOUNT_AND_AMOUNT = "ACCOUNT_AND_AMOUNT";
    /** interest credited by the bank */
    public static final String BANK_INTEREST = "BANK_INTEREST";
    /** money from someone who is not a customer */
    public static final String UNKNOWN_PAYER = "UNKNOWN_PAYER";
    /** a charge the bank took (debit) */
    public static final String BANK_FEE = "BANK_FEE";
    /** money paid back to a customer (debit) */
    public static final String REFUND = "REFUND";

    public Expectation {
        documentNos = List.copyOf(documentNos);
    }
}
