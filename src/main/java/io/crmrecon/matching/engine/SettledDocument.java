package io.crmrecon.matching.engine;

/**
 * A receivable document that is already fully settled. Optional input: a payment that names one is not
 * matched automatically (it may pay the same invoice twice) but handed to a clerk; without it such a number is
 * merely unknown to the engine. Pass at least the documents settled recently (and, when matching again after a
 * run, those that run settled) so that a second run decides as the first did.
 */
public record SettledDocument(long documentId, String documentNo, String taxInvoiceNo, long customerId,
        String currency) {
}
