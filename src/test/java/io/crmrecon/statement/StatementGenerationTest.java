package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The rules of generation that need no database: which statement a new one continues, the PDF's hash. */
class StatementGenerationTest {

    static Statement stored(String period, int version, String closing, String generatedAt, StatementStatus status) {
        Statement s = new Statement("S" + period.substring(2, 4) + period.substring(5) + "-00011", version, 1L, "CNY",
                StatementPeriod.parse(period), null, Locale.SIMPLIFIED_CHINESE, BigDecimal.ZERO, new BigDecimal(closing),
                "{}", "", Instant.parse(generatedAt));
        if (status == StatementStatus.SUPERSEDED) {
            s.status(StatementStatus.SUPERSEDED);
        }
        return s;
    }

    static final StatementPeriod OCTOBER = new StatementPeriod(YearMonth.of(2026, 10));

    @Test
    void aFirstStatementContinuesNothing() {
        assertThat(StatementGeneration.previousOf(List.of(), OCTOBER)).isEmpty();
        assertThat(StatementGeneration.previousOf(List.of(
                stored("2026-10", 1, "5.00", "2026-11-01T00:00:00Z", StatementStatus.GENERATED)), OCTOBER)).isEmpty();
    }

    @Test
    void theLatestEarlierPeriodsVersionInForceIsContinued() {
        List<Statement> history = List.of(
                stored("2026-11", 1, "9.00", "2026-12-01T00:00:00Z", StatementStatus.GENERATED),
                stored("2026-09", 2, "120.00", "2026-10-09T00:00:00Z", StatementStatus.GENERATED),
                stored("2026-09", 1, "150.00", "2026-10-01T00:00:00Z", StatementStatus.SUPERSEDED),
                stored("2026-08", 1, "80.00", "2026-09-01T00:00:00Z", StatementStatus.GENERATED));
        StatementCalculator.Previous previous = StatementGeneration.previousOf(history, OCTOBER).orElseThrow();
        assertThat(previous.period().toString()).isEqualTo("2026-09");
        assertThat(previous.closingBalance()).isEqualByComparingTo("120.00");
        assertThat(previous.generatedAt()).isEqualTo(Instant.parse("2026-10-09T00:00:00Z"));
    }

    @Test
    void aSupersededVersionIsNeverContinuedEvenWhenItIsTheNewest() {
        List<Statement> history = List.of(
                stored("2026-09", 2, "150.00", "2026-10-09T00:00:00Z", StatementStatus.SUPERSEDED),
                stored("2026-09", 1, "120.00", "2026-10-01T00:00:00Z", StatementStatus.GENERATED));
        assertThat(StatementGeneration.previousOf(history, OCTOBER).orElseThrow().closingBalance())
                .isEqualByComparingTo("120.00");
    }

    @Test
    void aMonthWithoutStatementIsSkippedOver() {
        List<Statement> history = List.of(
                stored("2026-07", 1, "70.00", "2026-08-01T00:00:00Z", StatementStatus.GENERATED));
        assertThat(StatementGeneration.previousOf(history, OCTOBER).orElseThrow().period().toString())
                .isEqualTo("2026-07");
    }

    @Test
    void thePdfsHashIsSha256InLowerCaseHex() {
        assertThat(StatementGeneration.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void linksAreThePublicBaseWithTheToken() {
        assertThat(StatementSending.link("https://recon.example.com/", "tok")).isEqualTo("https://recon.example.com/s/tok");
        assertThat(StatementSending.link("http://localhost:8080", "tok")).isEqualTo("http://localhost:8080/s/tok");
    }
}
