package io.crmrecon.customer;

/** The contract's defaults for optional customer columns. */
final class CustomerDefaults {
    static final String LANGUAGE = "zh-CN";
    static final String CURRENCY = "CNY";
    static final int PAYMENT_TERMS_DAYS = 30;
    static final int CONFIRMATION_DAYS = 15;

    private CustomerDefaults() {
    }
}
