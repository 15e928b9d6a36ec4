package io.crmrecon.settlement;

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

/** One settlement of one agreed statement (结算): what it asked for, by when, and how it ended. */
@Entity
@Table(name = "settlement")
class Settlement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "settlement_no", nullable = false, updatable = false)
    private String settlementNo;
    @Column(name = "statement_id", nullable = false, updatable = false)
    private long statementId;
    @Column(name = "statement_no", nullable = false, updatable = false)
    private String statementNo;
    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;
    @Column(nullable = false, updatable = false)
    private String currency;
    @Column(nullable = false, updatable = false)
    private String period;
    @Column(nullable = false, updatable = false)
    private BigDecimal receivables;
    @Column(nullable = false, updatable = false)
    private BigDecimal netted;
    @Column(name = "net_amount", nullable = false, updatable = false)
    private BigDecimal netAmount;
    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SettlementStatus status;
    @Column(name = "dunning_level", nullable = false)
    private int dunningLevel;
    @Column(name = "promised_date")
    private LocalDate promisedDate;
    @Column(name = "opened_at", nullable = false, updatable = false)
    private Instant openedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected Settlement() {
    }

    Settlement(String settlementNo, long statementId, String statementNo, long customerId, String currency,
            String period, BigDecimal receivables, BigDecimal netted, BigDecimal netAmount, LocalDate dueDate,
            Instant openedAt) {
        this.settlementNo = settlementNo;
        this.statementId = statementId;
        this.statementNo = statementNo;
        this.customerId = customerId;
        this.currency = currency;
        this.period = period;
        this.receivables = receivables;
        this.netted = netted;
        this.netAmount = netAmount;
        this.dueDate = dueDate;
        this.openedAt = openedAt;
        this.status = netAmount.signum() < 0 ? SettlementStatus.REFUND_DUE : SettlementStatus.OPEN;
    }

    /** Ends it; a settlement that has ended stays as it ended (a retried step changes nothing). */
    boolean close(SettlementStatus how, Instant at) {
        if (how == SettlementStatus.OPEN || how == SettlementStatus.REFUND_DUE) {
            throw new IllegalArgumentException(how + " does not end a settlement");
        }
        if (!isOpen()) {
            return false;
        }
        status = how;
        closedAt = at;
        return true;
    }

    boolean isOpen() {
        return status == SettlementStatus.OPEN || status == SettlementStatus.REFUND_DUE;
    }

    void dunned(int level) {
        dunningLevel = Math.max(dunningLevel, level);
    }

    void promised(LocalDate date) {
        promisedDate = date;
    }

    void processInstanceId(String id) {
        processInstanceId = id;
    }

    Long id() {
        return id;
    }

    String settlementNo() {
        return settlementNo;
    }

    long statementId() {
        return statementId;
    }

    String statementNo() {
        return statementNo;
    }

    long customerId() {
        return customerId;
    }

    String currency() {
        return currency;
    }

    String period() {
        return period;
    }

    BigDecimal receivables() {
        return receivables;
    }

    BigDecimal netted() {
        return netted;
    }

    BigDecimal netAmount() {
        return netAmount;
    }

    LocalDate dueDate() {
        return dueDate;
    }

    SettlementStatus status() {
        return status;
    }

    int dunningLevel() {
        return dunningLevel;
    }

    LocalDate promisedDate() {
        return promisedDate;
    }

    String processInstanceId() {
        return processInstanceId;
    }
}
