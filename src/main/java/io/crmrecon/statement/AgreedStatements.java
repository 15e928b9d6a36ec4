package io.crmrecon.statement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What settlement reads of a statement the customer agreed to (confirmed, or deemed to have confirmed). */
@Service
@Transactional(readOnly = true)
public class AgreedStatements {

    /** One statement version as settlement needs it; {@code periodEnd}: the last day of its period. */
    public record AgreedStatement(long statementId, String statementNo, int version, long customerId,
            String currency, YearMonth period, LocalDate periodEnd, BigDecimal closingBalance, Locale language,
            String status) {

        public String pdfFileName() {
            return statementNo + (version > 1 ? "-v" + version : "") + ".pdf";
        }
    }

    private final StatementRepository statements;
    private final StatementPdfs pdfs;
    private final Statements history;

    AgreedStatements(StatementRepository statements, StatementPdfs pdfs, Statements history) {
        this.statements = statements;
        this.pdfs = pdfs;
        this.history = history;
    }

    public Optional<AgreedStatement> of(long statementId) {
        return statements.findById(statementId).map(s -> new AgreedStatement(s.id(), s.statementNo(), s.version(),
                s.customerId(), s.currency(), s.period().month(), s.period().last(), s.closingBalance(), s.language(),
                s.status().name()));
    }

    /** The agreed balance was paid: the version's status becomes SETTLED (once; a version in any other state stays). */
    @Transactional
    public void settled(long statementId, String settlementNo) {
        statements.findById(statementId).filter(s -> s.status() == StatementStatus.CONFIRMED
                || s.status() == StatementStatus.DEEMED_CONFIRMED)
                .ifPresent(s -> history.move(statementId, StatementStatus.SETTLED, "system", settlementNo));
    }

    /** The version's PDF as the customer received it. */
    public Optional<byte[]> pdf(long statementId) {
        return pdfs.of(statementId);
    }
}
