package io.crmrecon.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/** One entry as planned; its remittance text is written once the document numbers are final. */
final class PlannedEntry {
    final int order;
    final String pattern;
    final List<DemoDocument> documents;
    final BigDecimal amount;
    final boolean credit;
    final String partyName;
    final DemoCustomer.Account account;
    final Supplier<String> text;
    String domain = "PMNT";
    String family;
    String subFamily;
    LocalDate bookingDate;

PlannedEntry(int order, String pattern, List<DemoDocument> documents, BigDecimal amount, boolean credit,
            String partyName, DemoCustomer.Account account, Supplier<String> text) {
        this.order = order;
        this.pattern = pattern;
        this.documents = documents;
        this.amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        this.credit = credit;
        this.partyName = partyName;
        this.account = account;
        this.text = text;
        this.family = credit ? "RCDT" : "ICDT";
        this.subFamily = "DMCT";
    }
}
