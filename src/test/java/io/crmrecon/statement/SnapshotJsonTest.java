package io.crmrecon.statement;

import static io.crmrecon.statement.StatementCalculatorTest.alloc;
import static io.crmrecon.statement.StatementCalculatorTest.at;
import static io.crmrecon.statement.StatementCalculatorTest.doc;
import static io.crmrecon.statement.StatementCalculatorTest.facts;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.ledger.DocumentType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {

    @Test
    void aStoredSnapshotReadsBackEqualWithItsAmountsDigitForDigit() {
        StatementSnapshot s = StatementCalculator.snapshot(StatementCalculatorTest.OCT, "CNY", facts(List.of(
                        doc("INV-1", DocumentType.INVOICE, "2026-09-10", "2026-10-10", "1000.00", "2026-09-10T08:00:00Z"),
                        doc("BILL-1", DocumentType.BILL, "2026-10-03", "2026-11-03", "300.00", "2026-10-03T08:00:00Z"),
                        doc("CN-1", DocumentType.CREDIT_NOTE, "2026-10-20", "2026-10-20", "100.10", "2026-10-20T08:00:00Z")),
                List.of(alloc(7, "B7", "2026-10-12", "INV-1", "990.00", "10.00", false, "2026-10-12T09:00:00Z")),
                Set.of("CN-1")), null, at("2026-11-01T02:00:00Z"));

        String json = SnapshotJson.write(s);
        StatementSnapshot back = SnapshotJson.read(json);

        assertThat(back).isEqualTo(s);
        assertThat(back.closingBalance().toPlainString()).isEqualTo(s.closingBalance().toPlainString());
        assertThat(json).contains("\"2026-10-12\"").doesNotContain("E+");
    }
}
