package io.crmrecon.settlement;

/** How a settlement stands; every status but OPEN and REFUND_DUE is final. */
enum SettlementStatus {
    /** waiting for the customer's payment (requested, perhaps dunned) */
    OPEN,
    /** its items are paid (or there was nothing to pay) */
    SETTLED,
    /** we owe the customer: a clerk is to refund */
    REFUND_DUE,
    REFUNDED,
    /** the credit stays on the customer's account for later invoices */
    CREDIT_KEPT,
    /** a clerk asked for the rest to be written off; the write-off itself is booked in the workbench */
    WRITE_OFF_REQUESTED
}
