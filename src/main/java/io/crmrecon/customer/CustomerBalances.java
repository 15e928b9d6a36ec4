package io.crmrecon.customer;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * What each customer owes on the receivables side; the ledger knows, and provides this, so that customers do
 * not depend on the ledger.
 */
public interface CustomerBalances {

    /** Balance per customer id, in the customer's currency; customers without entries are left out. */
    Map<Long, BigDecimal> receivableBalances(Collection<Long> customerIds);

    /** What we owe each customer on bills not yet settled. */
    Map<Long, BigDecimal> payableBalances(Collection<Long> customerIds);
}
