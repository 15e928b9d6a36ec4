package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmrecon.ledger.DocumentType;
import io.crmrecon.ledger.LedgerHistory.AppliedCash;
import io.crmrecon.ledger.LedgerHistory.PostedDocument;
import io.crmrecon.statement.StatementSnapshot.Line;
import io.crmrecon.statement.StatementSnapshot.LineKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatementCalculatorTest {

    static final StatementPeriod OCT = StatementPeriod.parse("2026-10");
    static final StatementPeriod NOV = StatementPeriod.parse("2026-11");

    @Test
    void aFirstStatementOpensWithTheLedgerAtThePeriodsStartAndShowsThePeriodsLinesWithARunningBalance() {
        LedgerFacts facts = facts(List.of(
                doc("INV-1", DocumentType.INVOICE, "2026-09-10", "2026-10-10", "1000.00", "2026-09-10T08:00:00Z"),
                doc("INV-2", DocumentType.INVOICE, "2026-10-05", "2026-11-04", "2500.00", "2026-10-05T08:00:00Z"),
                doc("CN-1", DocumentType.CREDIT_NOTE, "2026-10-20", "2026-10-20", "100.00", "2026-10-20T08:00:00Z")),
                List.of(alloc(7, "B7", "2026-10-12", "INV-1", "990.00", "10.00", false, "2026-10-12T09:00:00Z")),
                Set.of("INV-2"));

        StatementSnapshot s = StatementCalculator.snapshot(OCT, "CNY", facts, null, at("2026-11-01T02:00:00Z"));

        assertThat(s.openingBalance()).isEqualByComparingTo("1000.00");
        assertThat(s.adjustments()).isEmpty();
        assertThat(s.lines()).extracting(Line::kind).containsExactly(LineKind.INVOICE, LineKind.PAYMENT,
                LineKind.WRITE_OFF, LineKind.CREDIT_NOTE);
        assertThat(s.lines()).extracting(l -> l.amount().toPlainString())
                .containsExactly("2500.00", "-990.00", "-10.00", "-100.00");
        assertThat(s.lines()).extracting(l -> l.balance().toPlainString())
                .containsExactly("3500.00", "2510.00", "2500.00", "2400.00");
        assertThat(s.lines().get(0).disputed()).isTrue();
        assertThat(s.lines().get(1).documentNo()).isEqualTo("INV-1");
        assertThat(s.lines().get(1).reference()).isEqualTo("B7");
        assertThat(s.closingBalance()).isEqualByComparingTo("2400.00");
        assertThat(s.closingBalance().scale()).isEqualTo(2);
        assertThat(s.openItems()).extracting(StatementSnapshot.OpenItem::documentNo).containsExactly("CN-1", "INV-2");
        assertThat(s.ageing()).containsEntry("current", new BigDecimal("2500.00"))
                .containsEntry("d1_30", new BigDecimal("-100.00"));
        assertBalances(s);
    }

    @Test
    void whatThePreviousStatementCouldNotShowIsAPriorPeriodAdjustmentSoTheNextOneContinuesWithoutAGap() {
        Instant octGenerated = at("2026-11-01T02:00:00Z");
        List<PostedDocument> docs = new ArrayList<>(List.of(
                doc("INV-1", DocumentType.INVOICE, "2026-10-05", "2026-11-04", "1000.00", "2026-10-05T08:00:00Z")));
        List<AppliedCash> allocs = new ArrayList<>();
        StatementSnapshot oct = StatementCalculator.snapshot(OCT, "CNY", facts(docs, allocs, Set.of()), null,
                octGenerated);
        assertThat(oct.closingBalance()).isEqualByComparingTo("1000.00");

        // recorded after October's statement: an invoice dated in October, and a payment booked on 31 October
        docs.add(doc("INV-LATE", DocumentType.INVOICE, "2026-10-28", "2026-11-27", "300.00", "2026-11-03T10:00:00Z"));
        allocs.add(alloc(9, "B9", "2026-10-31", "INV-1", "1000.00", "0", false, "2026-11-04T10:00:00Z"));
        docs.add(doc("INV-3", DocumentType.INVOICE, "2026-11-10", "2026-12-10", "700.00", "2026-11-10T08:00:00Z"));
        StatementSnapshot nov = StatementCalculator.snapshot(NOV, "CNY", facts(docs, allocs, Set.of()),
                new StatementCalculator.Previous(OCT, oct.closingBalance(), octGenerated), at("2026-12-01T02:00:00Z"));

        assertThat(nov.openingBalance()).isEqualByComparingTo(oct.closingBalance());
        assertThat(nov.adjustments()).extracting(Line::documentNo).containsExactly("INV-LATE", "INV-1");
        assertThat(nov.adjustments()).extracting(Line::kind).containsExactly(LineKind.INVOICE, LineKind.PAYMENT);
        assertThat(nov.lines()).extracting(Line::documentNo).containsExactly("INV-3");
        assertThat(nov.closingBalance()).isEqualByComparingTo("1000.00"); // INV-LATE 300 + INV-3 700
        assertBalances(nov);
    }

    /**
     * A credit note granted on a dispute of October's statement, dated the day it was granted in November: the
     * re-issued October shows it (closing = the disputed version's less the credit), and November, continuing the
     * re-issued version, does not count it again. Had November been issued before the note, December would show it
     * as a prior-period adjustment.
     */
    @Test
    void aNoteGrantedOnADisputeCorrectsTheDisputedPeriodAndIsCountedOnce() {
        Instant octGenerated = at("2026-11-01T02:00:00Z");
        List<PostedDocument> docs = new ArrayList<>(List.of(
                doc("INV-1", DocumentType.INVOICE, "2026-10-05", "2026-11-04", "1000.00", "2026-10-05T08:00:00Z")));
        StatementSnapshot v1 = StatementCalculator.snapshot(OCT, "CNY", facts(docs, List.of(), Set.of("INV-1")), null,
                octGenerated);
        assertThat(v1.lines()).singleElement().satisfies(l -> assertThat(l.disputed()).isTrue());

        docs.add(new PostedDocument("CN-S2610-00042-D1", DocumentType.CREDIT_NOTE, LocalDate.parse("2026-11-20"),
                LocalDate.parse("2026-11-20"), new BigDecimal("150.00"), "S2610-00042", null,
                at("2026-11-20T03:00:00Z"), LocalDate.parse("2026-10-01")));
        Instant v2Generated = at("2026-11-20T03:00:05Z");
        StatementSnapshot v2 = StatementCalculator.snapshot(OCT, "CNY", facts(docs, List.of(), Set.of()), null,
                v2Generated);
        assertThat(v2.lines()).extracting(Line::documentNo).containsExactly("INV-1", "CN-S2610-00042-D1");
        assertThat(v2.lines().get(1).date()).as("shown with its own date").isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(v2.closingBalance()).isEqualByComparingTo(v1.closingBalance().subtract(new BigDecimal("150.00")));
        assertBalances(v2);

        docs.add(doc("INV-2", DocumentType.INVOICE, "2026-11-25", "2026-12-25", "400.00", "2026-11-25T08:00:00Z"));
        StatementSnapshot nov = StatementCalculator.snapshot(NOV, "CNY", facts(docs, List.of(), Set.of()),
                new StatementCalculator.Previous(OCT, v2.closingBalance(), v2Generated), at("2026-12-01T02:00:00Z"));
        assertThat(nov.openingBalance()).isEqualByComparingTo("850.00");
        assertThat(nov.adjustments()).isEmpty();
        assertThat(nov.lines()).extracting(Line::documentNo).containsExactly("INV-2");
        assertThat(nov.closingBalance()).isEqualByComparingTo("1250.00");
        assertBalances(nov);

        // November issued from the disputed version, before the note: December picks the note up
        StatementSnapshot novEarly = StatementCalculator.snapshot(NOV, "CNY", facts(docs.subList(0, 1), List.of(),
                Set.of()), new StatementCalculator.Previous(OCT, v1.closingBalance(), octGenerated),
                at("2026-11-15T02:00:00Z"));
        StatementSnapshot dec = StatementCalculator.snapshot(StatementPeriod.parse("2026-12"), "CNY",
                facts(docs, List.of(), Set.of()), new StatementCalculator.Previous(NOV, novEarly.closingBalance(),
                        at("2026-11-15T02:00:00Z")), at("2027-01-01T02:00:00Z"));
        assertThat(dec.adjustments()).extracting(Line::documentNo).containsExactly("CN-S2610-00042-D1", "INV-2");
        assertThat(dec.closingBalance()).isEqualByComparingTo("1250.00");
    }

    @Test
    void aReversalRecordedAfterTheStatementComesBackAsAnAdjustmentWithItsOwnLine() {
        Instant octGenerated = at("2026-11-01T02:00:00Z");
        List<PostedDocument> docs = List.of(
                doc("INV-1", DocumentType.INVOICE, "2026-10-05", "2026-11-04", "800.00", "2026-10-05T08:00:00Z"));
        List<AppliedCash> allocs = new ArrayList<>(List.of(
                alloc(5, "B5", "2026-10-20", "INV-1", "800.00", "0", false, "2026-10-20T09:00:00Z")));
        StatementSnapshot oct = StatementCalculator.snapshot(OCT, "CNY", facts(docs, allocs, Set.of()), null,
                octGenerated);
        assertThat(oct.closingBalance()).isEqualByComparingTo("0.00");
        assertThat(oct.openItems()).isEmpty();

        allocs.add(alloc(5, "B5", "2026-10-20", "INV-1", "-800.00", "0", true, "2026-11-06T09:00:00Z"));
        StatementSnapshot nov = StatementCalculator.snapshot(NOV, "CNY", facts(docs, allocs, Set.of()),
                new StatementCalculator.Previous(OCT, oct.closingBalance(), octGenerated), at("2026-12-01T02:00:00Z"));

        assertThat(nov.adjustments()).singleElement().satisfies(l -> {
            assertThat(l.kind()).isEqualTo(LineKind.PAYMENT_REVERSAL);
            assertThat(l.amount()).isEqualByComparingTo("800.00");
            assertThat(l.reference()).isEqualTo("B5");
        });
        assertThat(nov.closingBalance()).isEqualByComparingTo("800.00");
        assertThat(nov.openItems()).singleElement().satisfies(i -> assertThat(i.daysOverdue()).isEqualTo(26));
        assertBalances(nov);
    }

    @Test
    void cashPaidAheadOfAnInvoiceIssuedLaterIsUnappliedAtThePeriodsEnd() {
        LedgerFacts facts = facts(List.of(
                doc("INV-NOV", DocumentType.INVOICE, "2026-11-02", "2026-12-02", "500.00", "2026-11-02T08:00:00Z")),
                List.of(alloc(3, "B3", "2026-10-30", "INV-NOV", "500.00", "0", false, "2026-11-02T09:00:00Z"),
                        alloc(4, "B4", "2026-10-15", null, "120.00", "0", false, "2026-10-15T09:00:00Z")),
                Set.of());

        StatementSnapshot oct = StatementCalculator.snapshot(OCT, "CNY", facts, null, at("2026-11-05T00:00:00Z"));

        assertThat(oct.closingBalance()).isEqualByComparingTo("-620.00");
        assertThat(oct.unappliedCash()).isEqualByComparingTo("620.00");
        assertThat(oct.openItems()).isEmpty();
        assertThat(oct.lines()).extracting(Line::documentNo).containsExactly(null, "INV-NOV");
        assertBalances(oct);
    }

    @Test
    void billsAreShownApartAndOnlyTheNetPositionSubtractsThem() {
        LedgerFacts facts = facts(List.of(
                doc("INV-1", DocumentType.INVOICE, "2026-10-05", "2026-11-04", "1000.00", "2026-10-05T08:00:00Z"),
                doc("BILL-1", DocumentType.BILL, "2026-10-09", "2026-11-08", "400.00", "2026-10-09T08:00:00Z"),
                doc("BILL-NOV", DocumentType.BILL, "2026-11-09", "2026-12-08", "50.00", "2026-11-09T08:00:00Z")),
                List.of(), Set.of());

        StatementSnapshot oct = StatementCalculator.snapshot(OCT, "CNY", facts, null, at("2026-11-20T00:00:00Z"));

        assertThat(oct.closingBalance()).isEqualByComparingTo("1000.00");
        assertThat(oct.lines()).extracting(Line::kind).containsExactly(LineKind.INVOICE);
        assertThat(oct.payables()).extracting(Line::documentNo).containsExactly("BILL-1");
        assertThat(oct.payablesBalance()).isEqualByComparingTo("400.00");
        assertThat(oct.netPosition()).isEqualByComparingTo("600.00");
    }

    @Test
    void whatWasRecordedAfterGenerationIsNotInTheSnapshot() {
        LedgerFacts facts = facts(List.of(
                doc("INV-1", DocumentType.INVOICE, "2026-10-05", "2026-11-04", "1000.00", "2026-10-05T08:00:00Z"),
                doc("INV-2", DocumentType.INVOICE, "2026-10-06", "2026-11-05", "9.00", "2026-11-02T08:00:00Z")),
                List.of(alloc(1, "B1", "2026-10-07", "INV-1", "1000.00", "0", false, "2026-11-03T00:00:00Z")),
                Set.of());

        StatementSnapshot s = StatementCalculator.snapshot(OCT, "JPY", facts, null, at("2026-11-01T00:00:00Z"));

        assertThat(s.lines()).extracting(Line::documentNo).containsExactly("INV-1");
        assertThat(s.closingBalance()).isEqualByComparingTo("1000");
        assertThat(s.closingBalance().scale()).isZero();
    }

    @Test
    void aPreviousStatementMustBeForAnEarlierPeriod() {
        assertThatThrownBy(() -> StatementCalculator.snapshot(OCT, "CNY", facts(List.of(), List.of(), Set.of()),
                new StatementCalculator.Previous(OCT, BigDecimal.ZERO, at("2026-11-01T00:00:00Z")),
                at("2026-11-02T00:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatementPeriod.parse("2026/10")).hasMessageContaining("2026/10");
    }

    /**
     * A random ledger recorded over months, statements generated at random moments, some months skipped: each
     * statement opens with the previous one's closing and closes at the ledger as computed here independently —
     * receivables dated up to the period's end and recorded by generation, less what was paid and written off.
     */
    @Test
    void aChainOfStatementsAlwaysClosesAtTheLedgerAsKnownAtGeneration() {
        for (int seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            List<PostedDocument> docs = new ArrayList<>();
            List<AppliedCash> allocs = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                LocalDate issued = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300));
                DocumentType type = switch (random.nextInt(8)) {
                    case 0 -> DocumentType.CREDIT_NOTE;
                    case 1 -> DocumentType.DEBIT_NOTE;
                    case 2 -> DocumentType.BILL;
                    default -> DocumentType.INVOICE;
                };
                Instant recorded = issued.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)
                        .plusSeconds(3600L * random.nextInt(24 * 60));
                docs.add(new PostedDocument("D" + i, type, issued, issued.plusDays(30), money(random), null, null,
                        recorded));
            }
            for (int t = 0; t < 20; t++) {
                PostedDocument target = docs.get(random.nextInt(docs.size()));
                LocalDate booked = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300));
                Instant recorded = booked.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)
                        .plusSeconds(3600L * random.nextInt(24 * 40));
                String documentNo = random.nextInt(5) == 0 || !target.type().isReceivable() ? null
                        : target.documentNo();
                BigDecimal cash = money(random);
                BigDecimal writeOff = random.nextInt(4) == 0 ? new BigDecimal("1.50") : BigDecimal.ZERO;
                allocs.add(new AppliedCash(allocs.size(), t, "B" + t, booked, documentNo, cash, documentNo == null ? BigDecimal.ZERO
                        : writeOff, false, recorded));
                if (random.nextInt(5) == 0) {
                    allocs.add(new AppliedCash(allocs.size(), t, "B" + t, booked, documentNo, cash.negate(),
                            (documentNo == null ? BigDecimal.ZERO : writeOff).negate(), true,
                            recorded.plusSeconds(3600L * 24 * random.nextInt(60))));
                }
            }
            LedgerFacts facts = facts(docs, allocs, Set.of());
            StatementCalculator.Previous previous = null;
            for (int m = 1; m <= 11; m++) {
                if (random.nextInt(4) == 0) {
                    continue;
                }
                StatementPeriod period = new StatementPeriod(java.time.YearMonth.of(2026, m));
                Instant asOf = period.last().plusDays(1 + random.nextInt(20)).atStartOfDay()
                        .toInstant(java.time.ZoneOffset.UTC);
                StatementSnapshot s = StatementCalculator.snapshot(period, "CNY", facts, previous, asOf);
                if (previous != null) {
                    assertThat(s.openingBalance()).isEqualByComparingTo(previous.closingBalance());
                }
                assertThat(s.closingBalance()).as("seed %d, %s", seed, period)
                        .isEqualByComparingTo(ledger(facts, period.last(), asOf));
                assertBalances(s);
                previous = new StatementCalculator.Previous(period, s.closingBalance(), asOf);
            }
        }
    }

    /** The two identities every statement satisfies. */
    static void assertBalances(StatementSnapshot s) {
        BigDecimal running = s.openingBalance();
        for (Line l : s.adjustments()) {
            running = running.add(l.amount());
            assertThat(l.balance()).isEqualByComparingTo(running);
        }
        for (Line l : s.lines()) {
            running = running.add(l.amount());
            assertThat(l.balance()).isEqualByComparingTo(running);
        }
        assertThat(running).isEqualByComparingTo(s.closingBalance());
        BigDecimal open = s.openItems().stream().map(StatementSnapshot.OpenItem::open)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(open.subtract(s.unappliedCash())).isEqualByComparingTo(s.closingBalance());
        assertThat(s.ageing().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(open);
        assertThat(s.netPosition()).isEqualByComparingTo(s.closingBalance().subtract(s.payablesBalance()));
    }

    @Test
    void aNettingShowsOnBothSidesReceivablesAndPayablesDownByTheSameAmount() {
        List<PostedDocument> docs = List.of(
                doc("INV-1", DocumentType.INVOICE, "2026-10-05", "2026-11-04", "8000.00", "2026-10-05T08:00:00Z"),
                doc("BILL-1", DocumentType.BILL, "2026-10-08", "2026-11-07", "3000.00", "2026-10-08T08:00:00Z"));
        Instant nettedAt = at("2026-10-20T02:00:00Z");
        AppliedCash receivableSide = new AppliedCash(7, 0, null, LocalDate.parse("2026-10-20"), "INV-1",
                new BigDecimal("3000.00"), BigDecimal.ZERO, false, nettedAt, "BILL-1");
        AppliedCash billSide = new AppliedCash(8, 0, null, LocalDate.parse("2026-10-20"), "INV-1",
                new BigDecimal("3000.00"), BigDecimal.ZERO, false, nettedAt, "BILL-1");
        StatementSnapshot s = StatementCalculator.snapshot(OCT, "CNY", new LedgerFacts(docs, List.of(receivableSide),
                Set.of(), List.of(billSide)), null, at("2026-11-01T02:00:00Z"));

        assertThat(s.lines()).extracting(Line::kind).containsExactly(LineKind.INVOICE, LineKind.NETTING);
        Line netting = s.lines().get(1);
        assertThat(netting.documentNo()).isEqualTo("INV-1");
        assertThat(netting.reference()).isEqualTo("BILL-1");
        assertThat(netting.amount()).isEqualByComparingTo("-3000.00");
        assertThat(s.closingBalance()).isEqualByComparingTo("5000.00");
        assertThat(s.openItems()).singleElement().satisfies(i -> assertThat(i.open()).isEqualByComparingTo("5000.00"));
        assertThat(s.payables()).extracting(Line::kind).containsExactly(LineKind.BILL, LineKind.NETTING);
        assertThat(s.payablesBalance()).isEqualByComparingTo("0.00");
        assertThat(s.netPosition()).isEqualByComparingTo("5000.00");
    }

    /** The receivable balance at the end of a day as known at an instant, straight from the facts. */
    static BigDecimal ledger(LedgerFacts facts, LocalDate end, Instant asOf) {
        BigDecimal total = BigDecimal.ZERO;
        for (PostedDocument d : facts.documents()) {
            if (d.type().isReceivable() && !d.issueDate().isAfter(end) && !d.postedAt().isAfter(asOf)) {
                total = total.add(d.type() == DocumentType.CREDIT_NOTE ? d.amount().negate() : d.amount());
            }
        }
        for (AppliedCash a : facts.allocations()) {
            if (!a.bookingDate().isAfter(end) && !a.recordedAt().isAfter(asOf)) {
                total = total.subtract(a.amount()).subtract(a.writeOff());
            }
        }
        return total;
    }

    private static BigDecimal money(Random random) {
        return BigDecimal.valueOf(1 + random.nextInt(500_000), 2);
    }

    static LedgerFacts facts(List<PostedDocument> docs, List<AppliedCash> allocs, Set<String> disputed) {
        return new LedgerFacts(docs, allocs, disputed);
    }

    static PostedDocument doc(String no, DocumentType type, String issued, String due, String amount, String recorded) {
        return new PostedDocument(no, type, LocalDate.parse(issued), LocalDate.parse(due), new BigDecimal(amount), null,
                null, at(recorded));
    }

    static AppliedCash alloc(long tx, String ref, String booked, String documentNo, String amount, String writeOff,
            boolean reversal, String recorded) {
        return new AppliedCash(tx * 1000 + (reversal ? 1 : 0), tx, ref, LocalDate.parse(booked), documentNo, new BigDecimal(amount),
                new BigDecimal(writeOff), reversal, at(recorded));
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
