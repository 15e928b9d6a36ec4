package io.crmrecon.ledger;

import java.util.Optional;

/**
 * What an import starts, in its own transaction: matching of the payments not yet applied (a bank statement's new
 * transactions; after documents, every unapplied payment, which the new invoices may settle). Implemented by the
 * matching feature; the import's answer names the run.
 */
public interface MatchingAfterImport {

    /** The matching run an import started: its id and where its status is read. */
    record StartedRun(long id, String url) {
    }

    StartedRun bankStatementImported(long bankStatementId, String importedBy);

    /** Empty when no payment waits to be applied. */
    Optional<StartedRun> documentsImported(String importedBy);
}
