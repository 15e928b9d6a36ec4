package io.crmrecon.statement;

/** Why a customer disputes lines (CONTRACT.md §5). */
enum DisputeReason {
    AMOUNT_WRONG, NOT_RECEIVED, ALREADY_PAID, DUPLICATE, OTHER
}
