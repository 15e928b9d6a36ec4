package io.crmrecon.statement;

import io.crmrecon.ledger.LedgerHistory;
import io.crmrecon.ledger.LedgerHistory.AppliedCash;
import io.crmrecon.ledger.LedgerHistory.PostedDocument;
import java.util.List;
import java.util.Set;

/**
 * What the ledger knows of one customer in one currency ({@link LedgerHistory}), with the documents a dispute
 * holds. Every fact carries the instant it was recorded, because the ledger is append-only: what was known at a
 * moment is what was recorded by then, and a statement is the ledger as known when it was generated.
 */
record LedgerFacts(List<PostedDocument> documents, List<AppliedCash> allocations, Set<String> disputedDocumentNos,
        List<AppliedCash> billNettings) {

    LedgerFacts {
        documents = List.copyOf(documents);
        allocations = List.copyOf(allocations);
        disputedDocumentNos = Set.copyOf(disputedDocumentNos);
        billNettings = List.copyOf(billNettings);
    }

    LedgerFacts(List<PostedDocument> documents, List<AppliedCash> allocations, Set<String> disputedDocumentNos) {
        this(documents, allocations, disputedDocumentNos, List.of());
    }

    static LedgerFacts from(LedgerHistory.Facts history, Set<String> disputedDocumentNos) {
        return new LedgerFacts(history.documents(), history.allocations(), disputedDocumentNos,
                history.billNettings());
    }
}
