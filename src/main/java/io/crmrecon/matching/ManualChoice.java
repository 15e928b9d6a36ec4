package io.crmrecon.matching;

import io.crmrecon.ledger.NonCustomerCategory;
import java.util.List;

/**
 * What a clerk chose for a payment, read from the variables that complete manualMatch (task form, workbench or a
 * script). Combinations that make no sense are refused here, before anything is looked up.
 *
 * @param documentNos  documents to settle in full, in this order (SETTLE_IN_FULL)
 * @param lines        exact amounts and write-offs per document (LINES), from the workbench or a script
 * @param customerId   the customer the clerk named by id (onAccountCustomerId), or null
 * @param customerCode the customer the clerk named by code, or null
 * @param category     what the money is when it is not a customer's payment (NON_CUSTOMER)
 */
record ManualChoice(Kind kind, List<String> documentNos, List<ManualMatching.Line> lines, Long customerId,
        String customerCode, NonCustomerCategory category, String note) {

    enum Kind {
        /** money that is not a customer's payment: booked with its category, no customer */
        NON_CUSTOMER,
        /** exact amounts to documents; the rest on account */
        LINES,
        /** documents settled in full in order, as far as the payment goes; the rest on account */
        SETTLE_IN_FULL,
        /** the whole payment on account of the named or the identified customer */
        ON_ACCOUNT
    }

    /**
     * @param lines null when the choice has no detailed lines (not the same as an empty list: the workbench sends
     *              an empty list when the whole payment stays on account)
     */
    static ManualChoice of(List<String> documentNos, List<ManualMatching.Line> lines, Long customerId,
            String customerCode, String category, String note) {
        List<String> nos = documentNos == null ? List.of() : documentNos;
        String code = blankToNull(customerCode);
        String text = blankToNull(note);
        String categoryText = blankToNull(category);
        if (categoryText != null) {
            NonCustomerCategory parsed = category(categoryText);
            if (!nos.isEmpty() || lines != null && !lines.isEmpty() || customerId != null || code != null) {
                throw new ManualMatching.RefusedChoice("matching.refused.categoryWithCustomer");
            }
            return new ManualChoice(Kind.NON_CUSTOMER, List.of(), List.of(), null, null, parsed, text);
        }
        if (lines != null) {
            if (!nos.isEmpty()) {
                throw new ManualMatching.RefusedChoice("matching.refused.linesAndDocumentNos");
            }
            return new ManualChoice(Kind.LINES, List.of(), List.copyOf(lines), customerId, code, null, text);
        }
        if (!nos.isEmpty()) {
            return new ManualChoice(Kind.SETTLE_IN_FULL, List.copyOf(nos), List.of(), customerId, code, null, text);
        }
        return new ManualChoice(Kind.ON_ACCOUNT, List.of(), List.of(), customerId, code, null, text);
    }

    static NonCustomerCategory category(String text) {
        try {
            return NonCustomerCategory.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ManualMatching.RefusedChoice("matching.refused.category", text);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
