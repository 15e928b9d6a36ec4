package io.crmrecon.statement;

import io.crmrecon.ledger.DocumentType;
import io.crmrecon.ledger.LedgerHistory.AppliedCash;
import io.crmrecon.ledger.LedgerHistory.PostedDocument;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A sent statement version stored the way the process stores one — a snapshot from {@link StatementCalculator}, its
 * PDF from {@link StatementDocuments} — and a link to it, for the customer page's tests.
 */
final class CustomerPageFixture {

    /** A sent version, its customer and a working token. */
    record Sent(long statementId, String statementNo, long customerId, String token) {
    }

    private final JdbcTemplate jdbc;
    private final StatementRepository repository;
    private final Statements statements;
    private final StatementTokens tokens;
    private final StatementDocuments documents;
    private final TransactionTemplate tx;
    private final Clock clock;

    CustomerPageFixture(JdbcTemplate jdbc, StatementRepository repository, Statements statements,
            StatementTokens tokens, StatementDocuments documents, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.statements = statements;
        this.tokens = tokens;
        this.documents = documents;
        this.tx = tx;
        this.clock = clock;
    }

    static StatementSnapshot snapshot() {
        return StatementCalculator.snapshot(StatementPeriod.parse("2026-10"), "CNY", new LedgerFacts(
                List.<PostedDocument>of(
                        StatementCalculatorTest.doc("INV-0917", DocumentType.INVOICE, "2026-09-17", "2026-10-17",
                                "3600.00", "2026-09-17T08:00:00Z"),
                        StatementCalculatorTest.doc("INV-1002", DocumentType.INVOICE, "2026-10-02", "2026-11-01",
                                "12800.00", "2026-10-02T08:00:00Z"),
                        StatementCalculatorTest.doc("INV-1015", DocumentType.INVOICE, "2026-10-15", "2026-11-14",
                                "1280.50", "2026-10-15T08:00:00Z"),
                        StatementCalculatorTest.doc("CN-1020", DocumentType.CREDIT_NOTE, "2026-10-20",
                                "2026-10-20", "280.50", "2026-10-20T08:00:00Z")),
                List.<AppliedCash>of(StatementCalculatorTest.alloc(1, "CMB20261010001", "2026-10-10", "INV-0917",
                        "3600.00", "0.00", false, "2026-10-10T09:00:00Z")),
                Set.of()), null, Instant.parse("2026-11-01T02:00:00Z"));
    }

    /** A customer speaking {@code language} (zh-CN or en) with one sent statement. */
    Sent sent(String language) {
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        String code = "CP" + suffix;
        String name = language.startsWith("zh") ? "杭州" + suffix.substring(0, 4) + "电子科技有限公司"
                : "Northwind Trading " + suffix.substring(0, 4) + " Ltd.";
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO customer (customer_code, name, email, language, currency, payment_terms_days, "
                + "confirmation_days, deemed_confirmed, netting_allowed, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, 'CNY', 30, 15, FALSE, FALSE, ?, ?)", code, name, code + "@example.cn", language,
                now, now);
        long customerId = jdbc.queryForObject("SELECT id FROM customer WHERE customer_code = ?", Long.class, code);
        String statementNo = "T" + suffix.substring(0, 9);
        Locale locale = Locale.forLanguageTag(language);
        StatementSnapshot snapshot = snapshot();
        byte[] pdf = documents.pdf(documents.view(snapshot, new StatementView.Header(statementNo, 1, code, name,
                locale)), locale);
        return tx.execute(s -> {
            Statement statement = repository.save(new Statement(statementNo, 1, customerId, "CNY",
                    snapshot.period(), null, locale, snapshot.openingBalance(), snapshot.closingBalance(),
                    SnapshotJson.write(snapshot), sha256(pdf), clock.instant()));
            jdbc.update("INSERT INTO statement_pdf (statement_id, pdf) VALUES (?, ?)", statement.id(), pdf);
            statements.recordGenerated(statement, "system");
            statements.move(statement.id(), StatementStatus.SENT, "system", null)
                    .sent(clock.instant(), LocalDate.now(clock).plusDays(15));
            return new Sent(statement.id(), statementNo, customerId, tokens.issue(statement));
        });
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
