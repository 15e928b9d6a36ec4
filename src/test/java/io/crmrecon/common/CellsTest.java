package io.crmrecon.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellsTest {

    private final List<ImportError> errors = new ArrayList<>();

    private Cells row(String... columnsAndValues) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        String[] values = new String[columnsAndValues.length / 2];
        for (int i = 0; i < values.length; i++) {
            columns.put(columnsAndValues[2 * i], i);
            values[i] = columnsAndValues[2 * i + 1];
        }
        return new Cells(new TabularFile.TabularRow(7, values, columns), errors);
    }

    @Test
    void readsWhatAChineseSpreadsheetWrites() {
        Cells cells = row("issue_date", "2026/11/21", "due_date", "2026年12月1日", "amount", "¥1,250.00");
        assertThat(cells.date("issue_date")).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(cells.date("due_date")).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(cells.amount("amount", "CNY", true)).isEqualByComparingTo("1250.00");
        assertThat(errors).isEmpty();
    }

    @Test
    void anAmbiguousValueIsAnErrorOfItsCellWithACodeAndTheColumnFirst() {
        Cells cells = row("issue_date", "21/11/2026", "amount", "1.250,00");
        assertThat(cells.date("issue_date")).isNull();
        assertThat(cells.amount("amount", "CNY", true)).isNull();
        assertThat(errors).extracting(ImportError::row, ImportError::column, ImportError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(7, "issue_date", "import.date.format"),
                org.assertj.core.groups.Tuple.tuple(7, "amount", "import.amount.format"));
        assertThat(errors.get(0).args()).containsExactly("issue_date", "21/11/2026");
        // the English text is rendered from the same bundle the API uses, quotes and all
        assertThat(errors.get(0).message()).startsWith("issue_date '21/11/2026' is not a date");
        assertThat(errors.get(1).message()).contains("'1.250,00'").contains("'.' as decimal separator");
    }

    @Test
    void aSignOfAnotherCurrencyTooManyDecimalsAndNonPositiveAmountsAreErrors() {
        Cells cells = row("a", "$10.00", "b", "¥1.005", "c", "-5");
        assertThat(cells.amount("a", "CNY", true)).isNull();
        assertThat(cells.amount("b", "CNY", true)).isNull();
        assertThat(cells.amount("c", "CNY", true)).isNull();
        assertThat(errors).extracting(ImportError::code)
                .containsExactly("import.amount.sign", "import.amount.decimals", "import.amount.positive");
        assertThat(errors.get(1).message()).isEqualTo("b '¥1.005' has more than 2 decimals for CNY");
    }

    @Test
    void amountsWithoutACurrencyTakeAnyOneSign() {
        assertThat(row("limit", "$50,000").amount("limit", null, false)).isEqualTo(new BigDecimal("50000"));
        assertThat(errors).isEmpty();
    }

    @Test
    void requiredIntegersAndBooleansHaveCodes() {
        Cells cells = row("name", "", "days", "abc", "flag", "maybe", "n", "５");
        cells.required("name");
        cells.integer("days", 0, 10);
        cells.bool("flag");
        assertThat(cells.integer("n", 0, 10)).isEqualTo(5);
        assertThat(errors).extracting(ImportError::code)
                .containsExactly("import.cell.required", "import.cell.integer", "import.cell.boolean");
        assertThat(errors.get(0).message()).isEqualTo("name is required");
    }
}
