package io.crmrecon.matching.engine;

/**
 * The engine's scores, named: the confidence of each automatic rule — roughly the share of such matches a clerk
 * would confirm — and the thresholds that decide when a combination is too likely by chance to be taken.
 */
final class Scores {

    /** our own number and the exact amount */
    static final double REFERENCE = 0.99;
    /** our number plus the one smallest set of the customer's other items */
    static final double REFERENCE_COMBINED = 0.97;
    /** our number, short by what tolerance allows (bank charges) */
    static final double REFERENCE_SHORT = 0.96;
    /** our number paid in full, the rest (at most as much again) on account */
    static final double REFERENCE_OVERPAID = 0.93;
    /** our number, less than it: part payment, oldest due first */
    static final double REFERENCE_PARTIAL = 0.90;
    /** one typo away from one number, the amount confirms, no twin */
    static final double REFERENCE_TYPO = 0.90;
    /** the one open item of the payer with that amount, the payer known by account or by name */
    static final double AMOUNT_EXACT_ACCOUNT = 0.95;
    static final double AMOUNT_EXACT_NAME = 0.90;
    /** the one smallest combination of the payer's items */
    static final double AMOUNT_COMBINATION_ACCOUNT = 0.90;
    static final double AMOUNT_COMBINATION_NAME = 0.85;
    /** the one item of the payer the amount is short of within tolerance */
    static final double AMOUNT_SHORT_ACCOUNT = 0.85;
    static final double AMOUNT_SHORT_NAME = 0.80;

    /**
     * How many combinations may be expected to make an amount by chance for one found to count: for a payment
     * without a reference (one item and more), and for the other items added to named ones, where a plain
     * reading of the named items (part payment, short, more) competes.
     */
    static final double COMBINATION_BY_CHANCE = 0.01;
    static final double COMPLEMENT_SINGLE_BY_CHANCE = 0.25;
    static final double COMPLEMENT_SEVERAL_BY_CHANCE = 0.001;

    private Scores() {
    }
}
