package io.crmrecon.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportErrorTest {

    @Test
    void theJsonShapeStaysRowColumnLineMessageWhateverTheCode() throws Exception {
        ImportError coded = ImportError.cell(3, "amount", "import.amount.positive", "amount", "-5");
        assertThat(new ObjectMapper().writeValueAsString(coded))
                .isEqualTo("{\"row\":3,\"column\":\"amount\",\"message\":\"amount '-5' must be greater than zero\"}");
        assertThat(new ObjectMapper().writeValueAsString(ImportError.atLine(7, "line 7: bad")))
                .isEqualTo("{\"line\":7,\"message\":\"line 7: bad\"}");
    }

    @Test
    void aRenamedColumnKeepsItsCode() {
        ImportError renamed = ImportError.cell(1, "issue_date", "import.cell.required", "issue_date").inColumn("issueDate");
        assertThat(renamed.column()).isEqualTo("issueDate");
        assertThat(renamed.code()).isEqualTo("import.cell.required");
        assertThat(renamed.args()).containsExactly("issue_date");
    }

    @Test
    void theSummaryOfBadRowsCountsRows() {
        ImportException e = ImportException.ofRows(List.of(ImportError.cell(2, "a", "import.cell.required", "a"),
                ImportError.cell(2, "b", "import.cell.required", "b"), ImportError.cell(5, "a", "import.cell.required",
                        "a")));
        assertThat(e.summaryCode()).isEqualTo(ImportException.ROWS_INVALID);
        assertThat(e.getMessage()).isEqualTo("2 row(s) of the file are not valid; nothing was imported");
    }

    @Test
    void everyImportKeyHasAChineseText() throws Exception {
        for (String bundle : List.of("errors", "customer", "ledger")) {
            var english = new java.util.Properties();
            var chinese = new java.util.Properties();
            try (var in = getClass().getResourceAsStream("/messages/" + bundle + ".properties");
                    var zh = getClass().getResourceAsStream("/messages/" + bundle + "_zh.properties")) {
                english.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
                chinese.load(new java.io.InputStreamReader(zh, java.nio.charset.StandardCharsets.UTF_8));
            }
            english.stringPropertyNames().stream().filter(k -> k.startsWith("import.") || k.contains(".import."))
                    .forEach(k -> assertThat(chinese).as(bundle + "_zh: " + k).containsKey(k));
        }
    }
}
