package io.crmrecon.ledger;

/** What money in is when it is not a customer's payment. */
public enum NonCustomerCategory {
    /** interest the bank credits */
    INTEREST,
    /** a supplier paying money back */
    REFUND,
    /** a transfer between the company's own accounts */
    OWN_TRANSFER,
    /** any other income */
    OTHER_INCOME
}
