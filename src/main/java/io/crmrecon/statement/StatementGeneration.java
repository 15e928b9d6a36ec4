package io.crmrecon.statement;

import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import io.crmrecon.ledger.LedgerHistory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates one version of a customer's statement: the ledger as known now, continued from the customer's previous
 * statement in that currency, rendered to PDF and stored with the PDF's hash as {@code GENERATED}. A retried job
 * for the same number and version gets the version stored before, never a second one.
 */
@Service
class StatementGeneration {

    /** What a {@code customerStatement} instance asks for; {@code statementRunId} may be null (a version of its own). */
    record Request(Long statementRunId, long customerId, String currency, StatementPeriod period, String statementNo,
            int version, String processInstanceId) {
    }

    private final StatementRepository repository;
    private final Statements statements;
    private final LedgerHistory ledger;
    private final Customers customers;
    private final StatementDocuments documents;
    private final StatementPdfs pdfs;
    private final Clock clock;
    private final StatementAnswers answers;

    StatementGeneration(StatementRepository repository, Statements statements, LedgerHistory ledger,
            Customers customers, StatementDocuments documents, StatementPdfs pdfs, Clock clock,
            StatementAnswers answers) {
        this.answers = answers;
        this.repository = repository;
        this.pdfs = pdfs;
        this.statements = statements;
        this.ledger = ledger;
        this.customers = customers;
        this.documents = documents;
        this.clock = clock;
    }

    @Transactional
    Statement generate(Request r) {
        Optional<Statement> stored = repository.findByStatementNoAndVersion(r.statementNo(), r.version());
        if (stored.isPresent()) {
            return stored.get();
        }
        Customer customer = customers.byId(r.customerId())
                .orElseThrow(() -> new IllegalArgumentException("no customer " + r.customerId()));
        Instant asOf = clock.instant();
        LedgerFacts facts = LedgerFacts.from(ledger.of(r.customerId(), r.currency(), r.period().last()),
                answers.disputedDocumentNos(r.customerId(), r.currency()));
        StatementCalculator.Previous previous = previousOf(repository.history(r.customerId(), r.currency()),
                r.period()).orElse(null);
        StatementSnapshot snapshot = StatementCalculator.snapshot(r.period(), r.currency(), facts, previous, asOf);
        Locale locale = languageOf(customer);
        StatementView view = documents.view(snapshot, new StatementView.Header(r.statementNo(), r.version(),
                customer.getCustomerCode(), customer.getName(), locale));
        byte[] pdf = documents.pdf(view, locale);
        Statement statement = new Statement(r.statementNo(), r.version(), r.customerId(), r.currency(), r.period(),
                r.statementRunId(), locale, snapshot.openingBalance(), snapshot.closingBalance(),
                SnapshotJson.write(snapshot), sha256(pdf), asOf);
        statement.processInstanceId(r.processInstanceId());
        statement = repository.save(statement);
        pdfs.store(statement.id(), pdf);
        statements.recordGenerated(statement, "system");
        return statement;
    }

    /**
     * A dispute was accepted: the next version of the same number, generated from the ledger as it now stands (with
     * the adjustment), supersedes this one, whose links stop working with it.
     */
    @Transactional
    Statement reissue(long statementId, String processInstanceId, String note) {
        Statement old = repository.findById(statementId)
                .orElseThrow(() -> new IllegalArgumentException("no statement " + statementId));
        answers.closeDispute(statementId, note);
        // superseded first, so that the new version no longer counts the old one's dispute as open
        if (old.status() != StatementStatus.SUPERSEDED) {
            statements.move(old.id(), StatementStatus.SUPERSEDED, "system", "v" + (old.version() + 1));
        }
        return generate(new Request(old.statementRunId(), old.customerId(), old.currency(), old.period(),
                old.statementNo(), old.version() + 1, processInstanceId));
    }

    /**
     * What a statement for {@code period} continues: of the customer's statements in the currency ({@code history}),
     * the one of the latest earlier period that is not superseded, the newest if a later run issued another.
     */
    static Optional<StatementCalculator.Previous> previousOf(List<Statement> history, StatementPeriod period) {
        return history.stream()
                .filter(s -> s.period().month().isBefore(period.month()))
                .filter(s -> s.status() != StatementStatus.SUPERSEDED)
                .max(java.util.Comparator.comparing((Statement s) -> s.period().month())
                        .thenComparing(Statement::generatedAt))
                .map(s -> new StatementCalculator.Previous(s.period(), s.closingBalance(), s.generatedAt()));
    }

    static Locale languageOf(Customer customer) {
        String tag = customer.getLanguage();
        return tag == null || tag.isBlank() ? Locale.SIMPLIFIED_CHINESE : Locale.forLanguageTag(tag.strip());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
