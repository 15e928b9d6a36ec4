/**
 * A customer's account (客户往来) for staff: open items with ageing, payments and what they paid, allocations and
 * their reversals, the balance; and the list of customers that leads there. Reads customer, ledger and matching.
 */
package io.crmrecon.account;
