package io.crmrecon.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.IntegrationTest;
import io.crmrecon.common.TabularFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** documents.csv and .xlsx as a Chinese Excel saves them: slashed and 年月日 dates, ¥ and thousands separators. */
class ChineseSpreadsheetImportIT extends IntegrationTest {

    private static final String HEADER = "单据说明,document_no,customer_code,type,issue_date,due_date,currency,amount,"
            + "description\r\n";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    String p;

    @BeforeEach
    void setUp() {
        api = new Api(rest, "clerk");
        p = "X" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String customers = "customer_code,name,email,credit_limit\n" + p + ",华南贸易有限公司,t@example.cn,\"¥500,000\"\n";
        var imported = api.upload("/api/customers/import", "c.csv", customers);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    }

    private String rows() {
        return HEADER
                + "十一月货款," + p + "-1," + p + ",INVOICE,2026/11/21,2026/12/21,CNY,\"¥1,250.00\",货款\r\n"
                + "运费," + p + "-2," + p + ",DEBIT_NOTE,2026-1-5,,CNY,\"12,800\",运费\r\n"
                + "折让," + p + "-3," + p + ",CREDIT_NOTE,2026年11月21日,2026年12月1日,CNY,￥99.50,折让\r\n";
    }

    @Test
    void aGb18030CsvAsExcelSavesIt() {
        var response = api.upload("/api/documents/import", "单据.csv", rows().getBytes(TabularFile.GB18030));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("created").asInt()).isEqualTo(3);
        assertStored();
    }

    @Test
    void aUtf8CsvWithBomAsExcelSavesIt() {
        var response = api.upload("/api/documents/import", "documents.csv",
                ("\uFEFF" + rows()).getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertStored();
        assertThat(jdbc.queryForObject("SELECT credit_limit FROM customer WHERE customer_code = ?", BigDecimal.class, p))
                .isEqualByComparingTo("500000");
    }

    private void assertStored() {
        assertThat(document(p + "-1")).containsExactly(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 12, 21),
                new BigDecimal("1250.00"));
        assertThat(document(p + "-2").subList(0, 1)).containsExactly(LocalDate.of(2026, 1, 5));
        assertThat(document(p + "-2").get(2)).isEqualTo(new BigDecimal("12800.00"));
        assertThat(document(p + "-3")).containsExactly(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 12, 1),
                new BigDecimal("99.50"));
    }

    private List<Object> document(String no) {
        return jdbc.queryForObject("SELECT issue_date, due_date, amount FROM document WHERE document_no = ?",
                (rs, i) -> List.of(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        rs.getBigDecimal(3).setScale(2)), no);
    }

    @Test
    void anXlsxWithDateCellsAndDatesTypedAsText() throws IOException {
        var response = api.upload("/api/documents/import", "单据.xlsx", workbook());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("created").asInt()).isEqualTo(3);
        assertThat(document(p + "-X1")).containsExactly(LocalDate.of(2026, 11, 21), LocalDate.of(2026, 12, 21),
                new BigDecimal("1250.00"));
        assertThat(document(p + "-X2").subList(0, 2)).containsExactly(LocalDate.of(2026, 11, 21),
                LocalDate.of(2026, 12, 21));
        assertThat(document(p + "-X3").get(0)).isEqualTo(LocalDate.of(2026, 11, 21));
    }

    @Test
    void whatCouldBeReadTwoWaysIsARowErrorInTheCallersLanguage() {
        String csv = HEADER
                + "a," + p + "-E1," + p + ",INVOICE,21/11/2026,,CNY,100.00,\r\n"
                + "b," + p + "-E2," + p + ",INVOICE,11/21/2026,,CNY,100.00,\r\n"
                + "c," + p + "-E3," + p + ",INVOICE,2026/11/21,,CNY,\"1.250,00\",\r\n"
                + "d," + p + "-E4," + p + ",INVOICE,2026/11/21,,CNY,\"1,25\",\r\n"
                + "e," + p + "-E5," + p + ",INVOICE,2026/11/21,,CNY,\"1,2500.00\",\r\n"
                + "f," + p + "-E6," + p + ",INVOICE,2026/11/21,,CNY,¥¥100,\r\n"
                + "g," + p + "-E7," + p + ",INVOICE,2026/11/21,,CNY,$100,\r\n"
                + "h," + p + "-OK," + p + ",INVOICE,2026/11/21,,CNY,100,\r\n";
        var english = api.language("en").upload("/api/documents/import", "documents.csv", csv);
        assertThat(english.status()).as(english.body()).isEqualTo(422);
        List<String> cells = new ArrayList<>();
        english.json().get("errors").forEach(e -> cells.add(e.get("row").asInt() + ":" + e.get("column").asText()));
        assertThat(cells).containsExactly("2:issue_date", "3:issue_date", "4:amount", "5:amount", "6:amount",
                "7:amount", "8:amount");
        var first = english.json().get("errors").get(0);
        assertThat(first.get("message").asText()).isEqualTo("issue_date '21/11/2026' is not a date: write the year "
                + "first, as 2026-11-21, 2026/11/21 or 2026年11月21日");
        assertThat(first.has("code")).as("the JSON shape stays row, column, message").isFalse();
        assertThat(english.json().get("title").asText()).isEqualTo("The file cannot be imported");
        assertThat(english.json().get("detail").asText()).contains("7 row(s)");

        var chinese = api.language("zh-CN,zh;q=0.9,en;q=0.8").upload("/api/documents/import", "documents.csv", csv);
        assertThat(chinese.status()).isEqualTo(422);
        assertThat(chinese.json().get("title").asText()).isEqualTo("文件无法导入");
        assertThat(chinese.json().get("detail").asText()).contains("7 行无效");
        assertThat(chinese.json().get("errors").get(0).get("message").asText()).contains("“21/11/2026”不是日期");
        assertThat(chinese.json().get("errors").get(6).get("message").asText()).contains("货币符号与币种 CNY 不符");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE document_no LIKE ?", Integer.class,
                p + "-%")).isZero();
    }

    @Test
    void fileErrorsAndMissingColumnsAreTranslatedToo() {
        var empty = api.language("zh").upload("/api/documents/import", "documents.csv", new byte[0]);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.json().get("detail").asText()).isEqualTo("文件为空");
        var missing = api.language("en").upload("/api/documents/import", "documents.csv", "document_no\nX\n");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("message").asText())
                .isEqualTo("required column 'customer_code' is missing from the header");
        assertThat(api.language("zh").upload("/api/documents/import", "documents.csv", "document_no\nX\n").json()
                .get("errors").get(0).get("message").asText()).isEqualTo("表头缺少必填列“customer_code”");
    }

    /** Date cells as Excel stores them (a custom format and the East Asian built-in 31), and one typed as text. */
    private byte[] workbook() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("单据");
            String[] header = HEADER.trim().split(",");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            CellStyle slashed = wb.createCellStyle();
            slashed.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            CellStyle builtIn31 = wb.createCellStyle();
            builtIn31.setDataFormat((short) 31);
            Object[][] rows = {
                {p + "-X1", slashed, 1250.0},
                {p + "-X2", builtIn31, "¥1,250.00"},
                {p + "-X3", null, "1250"},
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                row.createCell(1).setCellValue((String) rows[r][0]);
                row.createCell(2).setCellValue(p);
                row.createCell(3).setCellValue("INVOICE");
                CellStyle style = (CellStyle) rows[r][1];
                if (style == null) {
                    row.createCell(4).setCellValue("2026年11月21日");
                } else {
                    var issue = row.createCell(4);
                    issue.setCellValue(LocalDate.of(2026, 11, 21));
                    issue.setCellStyle(style);
                    var due = row.createCell(5);
                    due.setCellValue(LocalDate.of(2026, 12, 21));
                    due.setCellStyle(style);
                }
                row.createCell(6).setCellValue("CNY");
                if (rows[r][2] instanceof Double d) {
                    row.createCell(7).setCellValue(d);
                } else {
                    row.createCell(7).setCellValue((String) rows[r][2]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
