package io.crmrecon.settlement;

import java.util.List;

/**
 * What a settlement's mail shows (templates mail/settlement.*), formatted for the customer's language. {@code kind}:
 * REQUEST, or the dunning table's template (REMINDER, FIRM, FINAL); {@code tone} colours the banner.
 */
public record SettlementMailView(String language, String kind, String tone, String contactName,
        String customerName, String customerCode, String settlementNo, String statementNo, String period,
        List<Item> items, String netted, String cashOnAccount, String amountDue, String dueDate, long daysOverdue,
        String companyName, String companyContact, String companyAddress, String bankName, String bankAccount,
        String attachmentName) {

    public record Item(String documentNo, String dueDate, String open) {
    }
}
