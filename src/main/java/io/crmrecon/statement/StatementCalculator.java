package io.crmrecon.statement;

import io.crmrecon.common.Money;
import io.crmrecon.ledger.Ageing;
import io.crmrecon.ledger.LedgerHistory.AppliedCash;
import io.crmrecon.ledger.LedgerHistory.PostedDocument;
import io.crmrecon.statement.StatementSnapshot.Line;
import io.crmrecon.statement.StatementSnapshot.LineKind;
import io.crmrecon.statement.StatementSnapshot.OpenItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a statement from the ledger as known at one instant (CONTRACT.md §4).
 *
 * <p>The opening balance is the previous statement's closing (or, for a customer's first statement, the ledger at
 * the period's start). Whatever the previous statement could not show — dated before this period but recorded
 * after it was generated, or dated between its period and this one — is a prior-period adjustment. So the closing
 * balance is the ledger at the period's end as known now, and it continues the previous statement without a gap.
 */
final class StatementCalculator {

    /** What this statement continues: the customer's previous statement in the same currency. */
    record Previous(StatementPeriod period, BigDecimal closingBalance, Instant generatedAt) {
    }

    private StatementCalculator() {
    }

    static StatementSnapshot snapshot(StatementPeriod period, String currency, LedgerFacts facts, Previous previous,
            Instant asOf) {
        if (previous != null && !previous.period().month().isBefore(period.month())) {
            throw new IllegalArgumentException("the previous statement (" + previous.period()
                    + ") must be for an earlier period than " + period);
        }
        int digits = Money.minorDigits(currency);
        List<Entry> known = new ArrayList<>();
        List<PostedDocument> bills = new ArrayList<>();
        for (PostedDocument d : facts.documents()) {
            if (!d.postedAt().isAfter(asOf)) {
                if (d.type().isReceivable()) {
                    known.add(Entry.of(d, facts.disputedDocumentNos().contains(d.documentNo())));
                } else {
                    bills.add(d);
                }
            }
        }
        known.addAll(Entry.of(facts.allocations().stream().filter(a -> !a.recordedAt().isAfter(asOf)).toList()));

        BigDecimal opening = previous != null ? previous.closingBalance()
                : sum(known.stream().filter(e -> e.date.isBefore(period.first())).toList());
        List<Entry> adjustments = previous == null ? List.of() : known.stream()
                .filter(e -> e.date.isBefore(period.first()) && !shownBy(previous, e)).sorted(ORDER).toList();
        List<Entry> lines = known.stream().filter(e -> period.contains(e.date)).sorted(ORDER).toList();

        BigDecimal balance = opening;
        List<Line> adjustmentLines = new ArrayList<>();
        for (Entry e : adjustments) {
            balance = balance.add(e.effect);
            adjustmentLines.add(e.line(balance, digits));
        }
        List<Line> periodLines = new ArrayList<>();
        for (Entry e : lines) {
            balance = balance.add(e.effect);
            periodLines.add(e.line(balance, digits));
        }
        BigDecimal closing = balance;

        OpenItems open = openItems(facts, period.last(), asOf, digits);
        List<Line> payableLines = new ArrayList<>();
        BigDecimal payables = BigDecimal.ZERO;
        for (PayableEntry p : payables(bills, facts.billNettings(), period.last(), asOf)) {
            payables = payables.add(p.effect());
            payableLines.add(new Line(p.kind(), p.date(), p.documentNo(), p.reference(), p.description(),
                    p.dueDate(), scaled(p.effect(), digits), scaled(payables, digits), false));
        }
        return new StatementSnapshot(period, currency, asOf, scaled(opening, digits), adjustmentLines, periodLines,
                scaled(closing, digits), open.items, open.ageing, scaled(open.unappliedCash, digits), payableLines,
                scaled(payables, digits), scaled(closing.subtract(payables), digits));
    }

    private record PayableEntry(LineKind kind, LocalDate date, String documentNo, String reference,
            String description, LocalDate dueDate, BigDecimal effect) {
    }

    /** The bills up to the period's end, less what of them was netted against receivables by then. */
    private static List<PayableEntry> payables(List<PostedDocument> bills, List<AppliedCash> nettings, LocalDate end,
            Instant asOf) {
        List<PayableEntry> out = new ArrayList<>();
        for (PostedDocument b : bills) {
            if (!b.issueDate().isAfter(end)) {
                out.add(new PayableEntry(LineKind.BILL, b.issueDate(), b.documentNo(), b.reference(),
                        b.description(), b.dueDate(), b.amount()));
            }
        }
        for (AppliedCash n : nettings) {
            if (!n.bookingDate().isAfter(end) && !n.recordedAt().isAfter(asOf)) {
                out.add(new PayableEntry(n.reversal() ? LineKind.NETTING_REVERSAL : LineKind.NETTING,
                        n.bookingDate(), n.nettedBillNo(), n.documentNo(), null, null, n.amount().negate()));
            }
        }
        out.sort(Comparator.comparing(PayableEntry::date).thenComparing(p -> p.kind().ordinal())
                .thenComparing(PayableEntry::documentNo));
        return out;
    }

    /** Whether the previous statement already counted this entry in its closing balance. */
    private static boolean shownBy(Previous previous, Entry e) {
        return !e.date.isAfter(previous.period().last()) && !e.recordedAt.isAfter(previous.generatedAt());
    }

    private record OpenItems(List<OpenItem> items, Map<String, BigDecimal> ageing, BigDecimal unappliedCash) {
    }

    /**
     * Receivable documents open at the period's end, and the cash not applied to any of them by then: on account,
     * or paid ahead for a document issued later.
     */
    private static OpenItems openItems(LedgerFacts facts, LocalDate end, Instant asOf, int digits) {
        Map<String, PostedDocument> issued = new LinkedHashMap<>();
        for (PostedDocument d : facts.documents()) {
            if (d.type().isReceivable() && !d.postedAt().isAfter(asOf) && !d.statementDate().isAfter(end)) {
                issued.put(d.documentNo(), d);
            }
        }
        Map<String, BigDecimal> applied = new HashMap<>();
        BigDecimal unapplied = BigDecimal.ZERO;
        for (AppliedCash a : facts.allocations()) {
            if (a.recordedAt().isAfter(asOf) || a.bookingDate().isAfter(end)) {
                continue;
            }
            BigDecimal settled = a.amount().add(a.writeOff());
            if (a.documentNo() != null && issued.containsKey(a.documentNo())) {
                applied.merge(a.documentNo(), settled, BigDecimal::add);
            } else {
                unapplied = unapplied.add(settled);
            }
        }
        List<OpenItem> items = new ArrayList<>();
        Map<String, BigDecimal> buckets = new HashMap<>();
        for (PostedDocument d : issued.values().stream().sorted(Comparator.comparing(PostedDocument::dueDate)
                .thenComparing(PostedDocument::documentNo)).toList()) {
            BigDecimal open = d.type().signed(d.amount()).subtract(applied.getOrDefault(d.documentNo(),
                    BigDecimal.ZERO));
            if (open.signum() != 0) {
                long overdue = Ageing.daysOverdue(d.dueDate(), end);
                String bucket = Ageing.bucket(overdue);
                buckets.merge(bucket, open, BigDecimal::add);
                items.add(new OpenItem(d.documentNo(), d.type(), d.issueDate(), d.dueDate(), scaled(d.amount(),
                        digits), scaled(open, digits), overdue, bucket,
                        facts.disputedDocumentNos().contains(d.documentNo())));
            }
        }
        Map<String, BigDecimal> ageing = new LinkedHashMap<>();
        Ageing.sums(buckets).forEach((b, v) -> ageing.put(b, scaled(v, digits)));
        return new OpenItems(items, ageing, unapplied);
    }

    private static BigDecimal sum(List<Entry> entries) {
        return entries.stream().map(e -> e.effect).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal scaled(BigDecimal amount, int digits) {
        return amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    private static final Comparator<Entry> ORDER = Comparator.<Entry, LocalDate>comparing(e -> e.date)
            .thenComparing(e -> e.kind.ordinal())
            .thenComparing(e -> Objects.toString(e.documentNo, ""))
            .thenComparing(e -> Objects.toString(e.reference, ""));

    /**
     * One fact as a statement line would show it, with its effect on the receivable balance. {@code date} places it
     * on a statement; {@code shownDate} is the date the line prints (they differ for a note that corrects an earlier
     * period: dated when granted, shown on the statement it corrects).
     */
    private record Entry(LineKind kind, LocalDate date, Instant recordedAt, String documentNo, String reference,
            String description, LocalDate dueDate, BigDecimal effect, boolean disputed, LocalDate shownDate) {

        Entry(LineKind kind, LocalDate date, Instant recordedAt, String documentNo, String reference,
                String description, LocalDate dueDate, BigDecimal effect, boolean disputed) {
            this(kind, date, recordedAt, documentNo, reference, description, dueDate, effect, disputed, date);
        }

        static Entry of(PostedDocument d, boolean disputed) {
            return new Entry(LineKind.of(d.type()), d.statementDate(), d.postedAt(), d.documentNo(), d.reference(),
                    d.description(), d.dueDate(), d.type().signed(d.amount()), disputed, d.issueDate());
        }

        /**
         * A payment's allocations as lines: its cash as one line, what was written off with it as another, and a
         * reversal as lines of their own; rows recorded at different moments stay apart, so that the ones recorded
         * after a previous statement can be its adjustments.
         */
        static List<Entry> of(List<AppliedCash> allocations) {
            record Key(long transactionId, boolean netting, boolean reversal, Instant recordedAt) {
            }
            Map<Key, List<AppliedCash>> groups = new LinkedHashMap<>();
            for (AppliedCash a : allocations) {
                groups.computeIfAbsent(new Key(a.transactionId(), a.netting(), a.reversal(), a.recordedAt()),
                        k -> new ArrayList<>()).add(a);
            }
            List<Entry> out = new ArrayList<>();
            groups.forEach((k, rows) -> {
                AppliedCash first = rows.get(0);
                BigDecimal cash = rows.stream().map(AppliedCash::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal writeOff = rows.stream().map(AppliedCash::writeOff).reduce(BigDecimal.ZERO,
                        BigDecimal::add);
                String documents = documentNos(rows);
                if (k.netting()) {
                    String billNos = String.join(", ", rows.stream().map(AppliedCash::nettedBillNo).distinct()
                            .toList());
                    out.add(new Entry(k.reversal() ? LineKind.NETTING_REVERSAL : LineKind.NETTING,
                            first.bookingDate(), k.recordedAt(), documents, billNos, null, null, cash.negate(),
                            false));
                    return;
                }
                if (cash.signum() != 0) {
                    out.add(new Entry(k.reversal() ? LineKind.PAYMENT_REVERSAL : LineKind.PAYMENT,
                            first.bookingDate(), k.recordedAt(), documents, first.bankReference(), null, null,
                            cash.negate(), false));
                }
                if (writeOff.signum() != 0) {
                    out.add(new Entry(k.reversal() ? LineKind.WRITE_OFF_REVERSAL : LineKind.WRITE_OFF,
                            first.bookingDate(), k.recordedAt(), documents, first.bankReference(), null, null,
                            writeOff.negate(), false));
                }
            });
            return out;
        }

        private static String documentNos(List<AppliedCash> rows) {
            Set<String> seen = new HashSet<>();
            List<String> nos = new ArrayList<>();
            for (AppliedCash a : rows) {
                if (a.documentNo() != null && seen.add(a.documentNo())) {
                    nos.add(a.documentNo());
                }
            }
            return nos.isEmpty() ? null : String.join(", ", nos);
        }

        Line line(BigDecimal balance, int digits) {
            return new Line(kind, shownDate, documentNo, reference, description, dueDate, scaled(effect, digits),
                    scaled(balance, digits), disputed);
        }
    }
}
