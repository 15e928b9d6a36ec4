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
    /** the payer's one document whose series and serial the text gives, the amount confirms */
    static final double REFERENCE_SHORTENED = 0.90;
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

    // ---- suggestions for a clerk, best first: how likely each reading is the right one

    /** a reading that competes with another (e.g. a typo and a part payment): one of them is right */
    static final double SUGGEST_COMPETING_READING = 0.8;
    /** a shortened number of the payer's, the amount confirming it but not the only reading */
    static final double SUGGEST_SHORTENED_SAME_AMOUNT = 0.78;
    /** a typo reading of a number that names nothing open, the amount confirming it */
    static final double SUGGEST_TYPO_READING = 0.75;
    /** the named items with others of the customer, not the only such set */
    static final double SUGGEST_NAMED_WITH_NOT_UNIQUE = 0.7;
    /** the named items as they are, paid in part or more than they are */
    static final double SUGGEST_NAMED_AS_PAID = 0.7;
    /** one of the payer's several items of the amount */
    static final double SUGGEST_SAME_AMOUNT_MANY = 0.7;
    /** the named items with others of the customer, a set too likely by chance */
    static final double SUGGEST_NAMED_WITH_COMMON = 0.6;
    /** a number that several customers' documents have */
    static final double SUGGEST_AMBIGUOUS_NUMBER = 0.6;
    /** a typo reading where an open twin of the same amount could be meant */
    static final double SUGGEST_TYPO_TWIN = 0.6;
    /** any customer's item one typo from the number, of the amount or of another */
    static final double SUGGEST_TYPO_SAME_AMOUNT = 0.6;
    static final double SUGGEST_TYPO_OTHER_AMOUNT = 0.4;
    /** a combination of the payer's items, not the only one */
    static final double SUGGEST_COMBINATION = 0.6;
    /** a settled document or statement named: a possible duplicate payment */
    static final double SUGGEST_POSSIBLE_DUPLICATE = 0.55;
    /** one of the payer's items the amount is short of */
    static final double SUGGEST_SHORT = 0.55;
    /** a shortened number of the payer's, of another amount */
    static final double SUGGEST_SHORTENED = 0.5;
    /** the payer's item of the amount, while the text names something not open */
    static final double SUGGEST_SAME_AMOUNT_NOT_OPEN = 0.5;
    /** a pair of the payer's items, too likely by chance */
    static final double SUGGEST_COMBINATION_COMMON = 0.5;
    /** an item of the amount of a customer the payer's name or account might be */
    static final double SUGGEST_SAME_AMOUNT_MAYBE = 0.45;
    /** an item in another currency than the payment's */
    static final double SUGGEST_OTHER_CURRENCY = 0.3;
    /** any customer's item of the amount, the payer unknown */
    static final double SUGGEST_SAME_AMOUNT_UNKNOWN_PAYER = 0.3;

    private Scores() {
    }
}
