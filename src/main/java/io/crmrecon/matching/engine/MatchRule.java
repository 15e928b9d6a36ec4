package io.crmrecon.matching.engine;

/** The rules, strongest evidence first; each allocation records the one that decided it. */
public enum MatchRule {
    /** document, tax invoice or statement numbers in the text pay exactly those items */
    REFERENCE,
    /** referenced items plus other open items of the customer (e.g. a credit note deducted) make the amount */
    REFERENCE_COMBINED,
    /** referenced item paid short within the tolerance: the rest written off (bank charges) */
    REFERENCE_SHORT,
    /** referenced items paid in part */
    REFERENCE_PARTIAL,
    /** referenced items paid in full and more: the rest left on account */
    REFERENCE_OVERPAID,
    /** a reference one typo away (swapped or dropped digit) that the amount confirms */
    REFERENCE_TYPO,
    /** the series and serial of one of the payer's documents without year or zero padding, the amount confirms */
    REFERENCE_SHORTENED,
    /** payer identified (account or name), one open item with exactly the amount */
    AMOUNT_EXACT,
    /** payer identified, the one smallest combination of open items that sums to the amount */
    AMOUNT_COMBINATION,
    /** payer identified, one open item paid short within the tolerance */
    AMOUNT_SHORT
}
