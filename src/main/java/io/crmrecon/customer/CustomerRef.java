package io.crmrecon.customer;

/** What other features need to file a document or transaction under a customer. */
public interface CustomerRef {
    Long getId();

    String getCustomerCode();

    String getCurrency();

    int getPaymentTermsDays();
}
