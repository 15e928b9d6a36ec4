package io.crmrecon.statement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * One version of a customer's statement for a period and currency (对账单). Its content is frozen when it is
 * generated ({@link #snapshotJson()}, the PDF's hash; the PDF itself in {@link StatementPdfs}); only where it stands
 * moves on, through {@link Statements#move}, which keeps the history.
 */
@Entity
@Table(name = "statement")
class Statement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "statement_no", nullable = false, updatable = false)
    private String statementNo;
    @Column(nullable = false, updatable = false)
    private int version;
    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;
    @Column(nullable = false, updatable = false)
    private String currency;
    @Column(nullable = false, updatable = false)
    private String period;
    @Column(name = "statement_run_id", updatable = false)
    private Long statementRunId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private StatementStatus status;
    @Column(nullable = false, updatable = false)
    private String language;
    @Column(name = "opening_balance", nullable = false, updatable = false)
    private BigDecimal openingBalance;
    @Column(name = "closing_balance", nullable = false, updatable = false)
    private BigDecimal closingBalance;
    @Column(name = "snapshot", nullable = false, updatable = false)
    private String snapshotJson;
    @Column(name = "pdf_sha256", updatable = false)
    private String pdfSha256;
    @Column(name = "generated_at", nullable = false, updatable = false)
    private Instant generatedAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "answer_due")
    private LocalDate answerDue;
    @Column(name = "answered_at")
    private Instant answeredAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected Statement() {
    }

    Statement(String statementNo, int version, long customerId, String currency, StatementPeriod period,
            Long statementRunId, Locale language, BigDecimal openingBalance, BigDecimal closingBalance,
            String snapshotJson, String pdfSha256, Instant generatedAt) {
        this.statementNo = statementNo;
        this.version = version;
        this.customerId = customerId;
        this.currency = currency;
        this.period = period.toString();
        this.statementRunId = statementRunId;
        this.status = StatementStatus.GENERATED;
        this.language = language.toLanguageTag();
        this.openingBalance = openingBalance;
        this.closingBalance = closingBalance;
        this.snapshotJson = snapshotJson;
        this.pdfSha256 = pdfSha256;
        this.generatedAt = generatedAt;
    }

    /** Changed only by {@link Statements#move}, which records the step. */
    void status(StatementStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("statement " + statementNo + " v" + version + " cannot go from "
                    + status + " to " + next);
        }
        this.status = next;
    }

    void sent(Instant at, LocalDate answerDue) {
        this.sentAt = at;
        this.answerDue = answerDue;
    }

    void answered(Instant at) {
        this.answeredAt = at;
    }

    void processInstanceId(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    Long id() {
        return id;
    }

    String statementNo() {
        return statementNo;
    }

    int version() {
        return version;
    }

    long customerId() {
        return customerId;
    }

    String currency() {
        return currency;
    }

    StatementPeriod period() {
        return StatementPeriod.parse(period);
    }

    Long statementRunId() {
        return statementRunId;
    }

    StatementStatus status() {
        return status;
    }

    Locale language() {
        return Locale.forLanguageTag(language);
    }

    BigDecimal openingBalance() {
        return openingBalance;
    }

    BigDecimal closingBalance() {
        return closingBalance;
    }

    String snapshotJson() {
        return snapshotJson;
    }

    /** Whether a PDF was rendered; its bytes are {@link StatementPdfs}', read only by those who send or serve it. */
    boolean hasPdf() {
        return pdfSha256 != null;
    }

    String pdfSha256() {
        return pdfSha256;
    }

    Instant generatedAt() {
        return generatedAt;
    }

    Instant sentAt() {
        return sentAt;
    }

    LocalDate answerDue() {
        return answerDue;
    }

    Instant answeredAt() {
        return answeredAt;
    }

    String processInstanceId() {
        return processInstanceId;
    }
}
