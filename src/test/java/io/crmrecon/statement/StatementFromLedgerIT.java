package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.IntegrationTest;
import io.crmrecon.customer.CustomerBalances;
import io.crmrecon.ledger.LedgerHistory;
import io.crmrecon.receipts.ReceiptsFixture;
import io.crmrecon.statement.StatementSnapshot.Line;
import io.crmrecon.statement.StatementSnapshot.LineKind;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Statements built from a ledger that imports, matching, a clerk and a reversal wrote on PostgreSQL: month after
 * month each opens with the previous closing, and the last closes at the balance the ledger reports itself.
 */
class StatementFromLedgerIT extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    LedgerHistory history;
    @Autowired
    CustomerBalances balances;
    @Autowired
    Clock clock;

    @Test
    void monthAfterMonthTheStatementsContinueEachOtherAndCloseAtTheLedgersBalance() {
        ReceiptsFixture f = new ReceiptsFixture(rest, jdbc, runtime, management, tasks);
        f.ledger();
        f.standardPayments();
        var partly = f.complete(f.taskOf("A3"), "{\"allocations\":{\"value\":\"[{\\\"documentNo\\\":\\\"" + f.p
                + "-INV-2\\\",\\\"amount\\\":\\\"70.00\\\"}]\"}}");
        assertThat(partly.getStatusCode().value()).as(partly.getBody()).isEqualTo(204);
        f.reverse(f.allocationId("A1", f.p + "-INV-1"));
        long customer = jdbc.queryForObject("SELECT id FROM customer WHERE customer_code = ?", Long.class, f.p + "A");

        LocalDate today = LocalDate.now(clock);
        List<StatementSnapshot> chain = new ArrayList<>();
        StatementCalculator.Previous previous = null;
        for (YearMonth m = YearMonth.from(today.minusDays(60)); !m.isAfter(YearMonth.from(today)); m = m.plusMonths(1)) {
            StatementPeriod period = new StatementPeriod(m);
            LedgerFacts facts = LedgerFacts.from(history.of(customer, "CNY", period.last()), Set.of());
            StatementSnapshot s = StatementCalculator.snapshot(period, "CNY", facts, previous, clock.instant());
            StatementCalculatorTest.assertBalances(s);
            if (previous != null) {
                assertThat(s.openingBalance()).isEqualByComparingTo(previous.closingBalance());
            }
            chain.add(s);
            previous = new StatementCalculator.Previous(period, s.closingBalance(), clock.instant());
        }

        StatementSnapshot current = chain.get(chain.size() - 1);
        BigDecimal ledgerBalance = balances.receivableBalances(List.of(customer)).get(customer);
        assertThat(current.closingBalance()).isEqualByComparingTo(ledgerBalance).isEqualByComparingTo("2922.23");
        List<Line> all = chain.stream().flatMap(s -> s.lines().stream()).toList();
        assertThat(all).extracting(Line::kind).contains(LineKind.INVOICE, LineKind.PAYMENT,
                LineKind.PAYMENT_REVERSAL);
        assertThat(all).filteredOn(l -> l.kind() == LineKind.PAYMENT_REVERSAL).singleElement()
                .satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("1000.00"));
        // A3's 77.77: 70.00 to INV-2 and 7.77 on account, one payment line for the customer
        assertThat(all).filteredOn(l -> l.kind() == LineKind.PAYMENT && ("A3-" + f.p).equals(l.reference()))
                .singleElement().satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("-77.77"));
        assertThat(current.unappliedCash()).isEqualByComparingTo("7.77");
    }
}
