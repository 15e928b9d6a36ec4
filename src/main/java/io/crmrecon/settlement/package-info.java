/**
 * Settlement (结算与账务提醒): an agreed statement turned into what is to be paid — receivables netted against the
 * customer's payables where it allows it, a payment request, dunning by a DMN table and a clerk's follow-up — closed
 * when matching clears its items, or ended in a refund task when we owe the customer.
 */
package io.crmrecon.settlement;
