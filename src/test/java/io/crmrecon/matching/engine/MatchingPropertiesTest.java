package io.crmrecon.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.matching.engine.MatchOutcome.Application;
import io.crmrecon.matching.engine.MatchOutcome.Status;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The guarantees of {@link MatchingEngine}, over random and adversarial ledgers. */
class MatchingPropertiesTest {

    @Provide
    Arbitrary<RandomLedger> ledgers() {
        return Combinators.combine(Arbitraries.integers().between(1, 5), Arbitraries.integers().between(0, 30),
                Arbitraries.integers().between(0, 25), Arbitraries.longs()).as(RandomLedger::generate);
    }

    @Property(tries = 400)
    void neverMoreThanAPaymentOrAnItemHas(@ForAll("ledgers") RandomLedger l) {
        List<MatchOutcome> out = l.engine().matchAll(l.payments());
        assertThat(out).hasSameSizeAs(l.payments());
        Map<Long, OpenItem> items = byId(l.items());
        Map<Long, BigDecimal> taken = new HashMap<>();
        for (int k = 0; k < out.size(); k++) {
            IncomingPayment p = l.payments().get(k);
            MatchOutcome o = out.get(k);
            assertThat(o.transactionId()).isEqualTo(p.transactionId());
            BigDecimal cash = BigDecimal.ZERO;
            for (Application a : o.applications()) {
                OpenItem it = items.get(a.documentId());
                assertThat(it).as("applied to an open item").isNotNull();
                assertThat(it.currency()).isEqualTo(p.currency());
                if (it.open().signum() > 0) {
                    assertThat(a.amount().signum()).isGreaterThanOrEqualTo(0);
                    assertThat(a.writeOff().signum()).isGreaterThanOrEqualTo(0);
                } else {
                    assertThat(a.amount().signum()).isLessThanOrEqualTo(0);
                    assertThat(a.writeOff().signum()).isZero();
                }
                cash = cash.add(a.amount());
                taken.merge(a.documentId(), a.amount().add(a.writeOff()), BigDecimal::add);
            }
            if (o.status() == Status.AUTO) {
                assertThat(o.onAccount().signum()).isGreaterThanOrEqualTo(0);
                assertThat(cash.add(o.onAccount())).isEqualByComparingTo(p.amount());
                assertThat(o.rule()).isNotNull();
                assertThat(o.confidence()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
            } else {
                assertThat(o.applications()).isEmpty();
                assertThat(o.onAccount().signum()).isZero();
                assertThat(o.suggestions()).hasSizeLessThanOrEqualTo(20);
                assertThat(o.status() == Status.UNMATCHED).isEqualTo(o.suggestions().isEmpty());
                o.suggestions().forEach(s -> assertThat(s.score()).isBetween(BigDecimal.ZERO, BigDecimal.ONE));
            }
        }
        taken.forEach((id, sum) -> {
            BigDecimal open = items.get(id).open();
            if (open.signum() > 0) {
                assertThat(sum).isBetween(BigDecimal.ZERO, open);
            } else {
                assertThat(sum).isBetween(open, BigDecimal.ZERO);
            }
        });
    }

    @Property(tries = 400)
    void writeOffOnlyWithinTolerance(@ForAll("ledgers") RandomLedger l) {
        Map<Long, OpenItem> items = byId(l.items());
        for (MatchOutcome o : l.engine().matchAll(l.payments())) {
            for (Application a : o.applications()) {
                if (a.writeOff().signum() != 0) {
                    assertThat(o.rule()).isIn(MatchRule.REFERENCE_SHORT, MatchRule.REFERENCE_TYPO,
                            MatchRule.AMOUNT_SHORT);
                    BigDecimal open = items.get(a.documentId()).open().abs();
                    BigDecimal byPercent = open.multiply(l.policy().tolerancePercent()).divide(
                            BigDecimal.valueOf(100), 2, RoundingMode.FLOOR);
                    assertThat(a.writeOff()).isLessThanOrEqualTo(l.policy().toleranceAbsolute().min(byPercent));
                }
            }
        }
    }

    @Property(tries = 400)
    void neverAcrossCustomersUnlessByReference(@ForAll("ledgers") RandomLedger l) {
        Map<Long, OpenItem> items = byId(l.items());
        List<MatchOutcome> out = l.engine().matchAll(l.payments());
        for (int k = 0; k < out.size(); k++) {
            IncomingPayment p = l.payments().get(k);
            MatchOutcome o = out.get(k);
            if (o.status() != Status.AUTO) {
                continue;
            }
            Set<Long> plausible = plausiblePayers(l, p);
            for (Application a : o.applications()) {
                long customer = items.get(a.documentId()).customerId();
                if (o.rule().name().startsWith("AMOUNT")) {
                    assertThat(plausible).as("an amount rule pays the payer's own items").contains(customer);
                    assertThat(o.customerId()).isEqualTo(customer);
                } else if (!plausible.isEmpty() && !plausible.contains(customer)) {
                    assertThat(mentionsNumberOf(l, p, customer))
                            .as("%s pays customer %d's item: the text must name a number of that customer", o, customer)
                            .isTrue();
                }
            }
        }
    }

    @Property(tries = 400)
    void matchingTheRestAgainChangesNothing(@ForAll("ledgers") RandomLedger l) {
        List<MatchOutcome> first = l.engine().matchAll(l.payments());
        Map<Long, BigDecimal> taken = new HashMap<>();
        List<IncomingPayment> rest = new ArrayList<>();
        Map<Long, MatchOutcome> firstByTx = new HashMap<>();
        for (int k = 0; k < first.size(); k++) {
            MatchOutcome o = first.get(k);
            for (Application a : o.applications()) {
                taken.merge(a.documentId(), a.amount().add(a.writeOff()), BigDecimal::add);
            }
            if (o.status() != Status.AUTO) {
                rest.add(l.payments().get(k));
                firstByTx.put(o.transactionId(), o);
            }
        }
        List<OpenItem> left = new ArrayList<>();
        List<SettledDocument> settled = new ArrayList<>(l.settled());
        for (OpenItem it : l.items()) {
            BigDecimal open = it.open().subtract(taken.getOrDefault(it.documentId(), BigDecimal.ZERO));
            if (open.signum() != 0) {
                left.add(new OpenItem(it.documentId(), it.documentNo(), it.taxInvoiceNo(), it.customerId(),
                        it.kind(), it.currency(), open, it.issueDate(), it.dueDate()));
            } else {
                settled.add(new SettledDocument(it.documentId(), it.documentNo(), it.taxInvoiceNo(),
                        it.customerId(), it.currency()));
            }
        }
        List<MatchOutcome> second = MatchingEngine.create(left, l.payers(), l.statements(), l.policy(), settled)
                .matchAll(rest);
        for (MatchOutcome o : second) {
            assertThat(o).isEqualTo(firstByTx.get(o.transactionId()));
        }
    }

    @Property(tries = 300)
    void theOrderOfTheInputAndTheThreadsDoNotMatter(@ForAll("ledgers") RandomLedger l, @ForAll long shuffle)
            throws Exception {
        Map<Long, MatchOutcome> expected = byTx(l.engine().matchAll(l.payments()));
        RandomLedger s = l.shuffled(shuffle);
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool three = new ForkJoinPool(3);
        try {
            assertThat(byTx(one.submit(() -> s.engine().matchAll(s.payments())).get())).isEqualTo(expected);
            assertThat(byTx(three.submit(() -> s.engine().matchAll(s.payments())).get())).isEqualTo(expected);
        } finally {
            one.shutdown();
            three.shutdown();
        }
    }

    @Property(tries = 200)
    void oneEngineServesRunsOneAfterAnother(@ForAll("ledgers") RandomLedger l) {
        MatchingEngine engine = l.engine();
        assertThat(engine.matchAll(l.payments())).isEqualTo(engine.matchAll(l.payments()));
    }

    // ------------------------------------------------------------------ helpers

    private static Map<Long, OpenItem> byId(List<OpenItem> items) {
        return items.stream().collect(Collectors.toMap(OpenItem::documentId, Function.identity()));
    }

    private static Map<Long, MatchOutcome> byTx(List<MatchOutcome> outcomes) {
        return outcomes.stream().collect(Collectors.toMap(MatchOutcome::transactionId, Function.identity()));
    }

    /** Customers the payment's account or name could stand for, by the engine's normalisation. */
    private static Set<Long> plausiblePayers(RandomLedger l, IncomingPayment p) {
        Set<Long> out = new HashSet<>();
        String account = PayerNames.account(p.counterpartyAccount());
        String exact = PayerNames.exactName(p.counterpartyName());
        String tolerant = PayerNames.tolerantName(p.counterpartyName());
        for (Payer payer : l.payers()) {
            boolean byAccount = account != null
                    && payer.accounts().stream().map(PayerNames::account).anyMatch(account::equals);
            boolean byName = exact != null && (exact.equals(PayerNames.exactName(payer.name()))
                    || tolerant.equals(PayerNames.tolerantName(payer.name())));
            if (byAccount || byName) {
                out.add(payer.customerId());
            }
        }
        return out;
    }

    private static boolean mentionsNumberOf(RandomLedger l, IncomingPayment p, long customer) {
        String text = (p.remittanceInfo() == null ? "" : p.remittanceInfo()) + " "
                + (p.structuredReference() == null ? "" : p.structuredReference());
        String key = ReferenceKeys.key(text);
        String stripped = ReferenceKeys.stripped(text);
        List<String> numbers = new ArrayList<>();
        for (OpenItem it : l.items()) {
            if (it.customerId() == customer) {
                numbers.add(it.documentNo());
                if (it.taxInvoiceNo() != null) {
                    numbers.add(it.taxInvoiceNo());
                }
            }
        }
        for (StatementRef s : l.statements()) {
            if (s.customerId() == customer) {
                numbers.add(s.statementNo());
            }
        }
        for (String n : numbers) {
            String k = ReferenceKeys.key(n);
            String st = ReferenceKeys.stripped(n);
            if (key.contains(k) || key.contains(st) || stripped.contains(st)) {
                return true;
            }
        }
        return false;
    }
}
