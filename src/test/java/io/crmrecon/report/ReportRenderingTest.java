package io.crmrecon.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ReportRenderingTest {

    private final Report report = new Report("aging", Map.of("asOf", LocalDate.of(2026, 10, 31)), List.of(
            new Report.Table("customers", List.of(Report.Column.text("customerCode"), Report.Column.text("currency"),
                    Report.Column.money("total"), Report.Column.decimal("rate")),
                    List.of(Arrays.asList("C1", "CNY", new BigDecimal("12800.00"), null),
                            Arrays.asList("C2", "JPY", new BigDecimal("500"), new BigDecimal("0.5000"))),
                    List.of(Arrays.asList(null, "CNY", new BigDecimal("12800.00"), null))),
            new Report.Table("other", List.of(Report.Column.integer("n")), List.of(List.of(3L)))));

    @Test
    void jsonHasAmountsAsStringsAtTheirDigitsAndTheTotalsApart() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportRendering.json(report, mapper, out);
        JsonNode json = mapper.readTree(out.toByteArray());
        assertThat(json.get("report").asText()).isEqualTo("aging");
        assertThat(json.get("asOf").asText()).isEqualTo("2026-10-31");
        assertThat(json.get("customers").get(0).get("total").isTextual()).isTrue();
        assertThat(json.get("customers").get(0).get("total").asText()).isEqualTo("12800.00");
        assertThat(json.get("customers").get(0).get("rate").isNull()).isTrue();
        assertThat(json.get("customers").get(1).get("total").asText()).isEqualTo("500");
        assertThat(json.get("customers").get(1).get("rate").asText()).isEqualTo("0.5000");
        assertThat(json.get("total")).hasSize(1);
        assertThat(json.get("total").get(0).get("customerCode").isNull()).isTrue();
        assertThat(json.get("other").get(0).get("n").isIntegralNumber()).isTrue();
    }

    @Test
    void csvIsOneTableWithItsTotalRowLabelled() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportRendering.csv(report.tables().get(0), "合计", false, out);
        assertThat(out.toString(StandardCharsets.UTF_8).split("\r\n")).containsExactly(
                "customerCode,currency,total,rate", "C1,CNY,12800.00,", "C2,JPY,500,0.5000", "合计,CNY,12800.00,");
    }

    @Test
    void xlsxHasASheetPerTableWithNumbersAsNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportRendering.xlsx(report, key -> key.toUpperCase(), "Total", out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(2);
            var sheet = book.getSheet("customers");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("TOTAL");
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(12800.0);
            assertThat(sheet.getRow(1).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Total");
        }
    }
}
