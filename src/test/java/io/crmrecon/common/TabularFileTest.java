package io.crmrecon.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TabularFileTest {

    @Test
    void readsUtf8WithBomAndHeadersInAnyCaseAndOrder() {
        byte[] csv = ("\uFEFFName,Customer_Code\r\n\"上海华东, 有限公司\",C1\r\n").getBytes(StandardCharsets.UTF_8);
        TabularFile file = TabularFile.read(csv, null);
        assertThat(file.hasColumn("customer_code")).isTrue();
        assertThat(file.rows()).singleElement().satisfies(row -> {
            assertThat(row.rowNumber()).isEqualTo(2);
            assertThat(row.get("name")).isEqualTo("上海华东, 有限公司");
            assertThat(row.get("customer_code")).isEqualTo("C1");
            assertThat(row.get("email")).isNull();
        });
    }

    @Test
    void detectsGb18030() {
        byte[] csv = "customer_code,name\nC1,深圳市星河电子科技有限公司\n".getBytes(TabularFile.GB18030);
        assertThat(TabularFile.read(csv, null).rows().get(0).get("name")).isEqualTo("深圳市星河电子科技有限公司");
    }

    @Test
    void honoursANamedCharset() {
        byte[] csv = "customer_code,name\nC1,北京\n".getBytes(TabularFile.GB18030);
        assertThat(TabularFile.read(csv, TabularFile.charsetNamed("GB18030")).rows().get(0).get("name"))
                .isEqualTo("北京");
        assertThatThrownBy(() -> TabularFile.charsetNamed("no-such-charset"))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("no-such-charset");
    }

    @Test
    void refusesTextInNeitherUtf8NorGb18030() {
        byte[] latin1AtTheEnd = {'a', ',', 'b', '\n', 'c', ',', (byte) 0xE9};
        assertThatThrownBy(() -> TabularFile.read(latin1AtTheEnd, null))
                .isInstanceOf(ImportException.class).hasMessageContaining("neither UTF-8 nor GB18030");
        byte[] utf16 = "a,b\n".getBytes(StandardCharsets.UTF_16);
        assertThatThrownBy(() -> TabularFile.read(utf16, null)).hasMessageContaining("UTF-16");
    }

    @Test
    void anUploadIsReadFromItsStreamWithItsEncodingToldByAllOfItsText() throws IOException {
        // the only character beyond ASCII comes after 200 KB: a look at the head alone would take it for UTF-8
        StringBuilder text = new StringBuilder("customer_code,name\n");
        for (int i = 0; text.length() < 200_000; i++) {
            text.append("C").append(i).append(",Plain Name ").append(i).append('\n');
        }
        text.append("C-LAST,深圳市星河电子科技有限公司\n");
        long spooled = spooledFiles();
        TabularFile file = TabularFile.read(new ByteArrayInputStream(text.toString().getBytes(TabularFile.GB18030)),
                null);
        assertThat(file.rows().get(file.rows().size() - 1).get("name")).isEqualTo("深圳市星河电子科技有限公司");
        assertThat(file.rows()).hasSize(TabularFile.read(text.toString().getBytes(StandardCharsets.UTF_8), null)
                .rows().size());
        assertThatThrownBy(() -> TabularFile.read(new ByteArrayInputStream("a,b\nx,\0\n".getBytes(
                StandardCharsets.UTF_8)), null)).isInstanceOf(ImportException.class).hasMessageContaining("binary");
        assertThat(TabularFile.read(new ByteArrayInputStream(workbook()), null).rows()).hasSize(1);
        assertThat(spooledFiles()).as("no temporary file left behind, read or refused").isEqualTo(spooled);
    }

    private static long spooledFiles() throws IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("recon-import-")).count();
        }
    }

    @Test
    void refusesEmptyFiles() {
        assertThatThrownBy(() -> TabularFile.read(new byte[0], null)).hasMessageContaining("empty");
        assertThatThrownBy(() -> TabularFile.read("  \n".getBytes(StandardCharsets.UTF_8), null))
                .hasMessageContaining("empty");
    }

    @Test
    void namesEveryMissingRequiredColumnAndDuplicateHeaders() {
        TabularFile file = TabularFile.read("name,foo\nx,y\n".getBytes(StandardCharsets.UTF_8), null);
        assertThatThrownBy(() -> file.requireColumns("customer_code", "name", "email"))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.errors())
                        .extracting(ImportError::column).containsExactly("customer_code", "email"));
        assertThatThrownBy(() -> TabularFile.read("a,A\n1,2\n".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.errors().get(0).row()).isEqualTo(1));
    }

    @Test
    void rowNumbersAreThoseASpreadsheetShowsEvenWithQuotedLineBreaksAndBlankRows() {
        String csv = "a,b\n1,\"two\nlines\"\n\n3,4\n";
        TabularFile file = TabularFile.read(csv.getBytes(StandardCharsets.UTF_8), null);
        assertThat(file.rows()).extracting(TabularFile.TabularRow::rowNumber).containsExactly(2, 4);
    }

    @Test
    void flagsRowsWithMoreCellsThanTheHeader() {
        TabularFile file = TabularFile.read("a,amount\nx,12,800.00\ny,5\n".getBytes(StandardCharsets.UTF_8), null);
        assertThat(file.rows()).extracting(TabularFile.TabularRow::overflow).containsExactly(true, false);
        java.util.List<ImportError> errors = new java.util.ArrayList<>();
        new Cells(file.rows().get(0), errors);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.message()).contains("more cells than the header");
        });
    }

    @Test
    void readsXlsxCellsAtTheirExactDecimalValueAndDatesAsDates() throws IOException {
        byte[] xlsx = workbook();
        TabularFile file = TabularFile.read(xlsx, null);
        TabularFile.TabularRow row = file.rows().get(0);
        assertThat(row.rowNumber()).isEqualTo(2);
        assertThat(row.get("amount")).isEqualTo("12800.1");
        assertThat(row.get("small")).isEqualTo("0.3");
        assertThat(row.get("issue_date")).isEqualTo("2026-10-05");
        assertThat(row.get("code")).isEqualTo("1001");
    }

    @Test
    void refusesATruncatedXlsx() throws IOException {
        byte[] xlsx = workbook();
        byte[] truncated = Arrays.copyOf(xlsx, xlsx.length / 2);
        assertThatThrownBy(() -> TabularFile.read(truncated, null))
                .isInstanceOf(ImportException.class).hasMessageContaining("damaged or truncated");
    }

    @Test
    void refusesAZipBombAsSuchAndNotAsDamaged() throws IOException {
        // 64 MB of blanks in the sheet pack to some 64 KB: an inflate ratio far below POI's 1 %
        byte[] bomb = XlsxFiles.withPadding(workbook(), 64 << 20);
        assertThat(bomb.length).isLessThan(1 << 20);
        assertThatThrownBy(() -> TabularFile.read(bomb, null))
                .isInstanceOf(ImportException.class).hasMessageContaining("zip bomb");
        // the same padding, modestly: a valid sheet that is read
        assertThat(TabularFile.read(XlsxFiles.withPadding(workbook(), 1000), null).rows()).hasSize(1);
    }

    @Test
    void refusesAPartThatInflatesPastTheEntrySizeLimit() throws IOException {
        double ratio = ZipSecureFile.getMinInflateRatio();
        long entrySize = ZipSecureFile.getMaxEntrySize();
        try {
            ZipSecureFile.setMinInflateRatio(0);
            ZipSecureFile.setMaxEntrySize(1 << 20);
            byte[] padded = XlsxFiles.withPadding(workbook(), 4 << 20);
            assertThatThrownBy(() -> TabularFile.read(padded, null))
                    .isInstanceOf(ImportException.class).hasMessageContaining("zip bomb");
        } finally {
            ZipSecureFile.setMinInflateRatio(ratio);
            ZipSecureFile.setMaxEntrySize(entrySize);
        }
    }

    @Test
    void readsALargeSheetRowByRow() throws IOException {
        int rows = 100_000;
        byte[] xlsx = XlsxFiles.large(java.util.List.of("document_no", "amount", "description"), rows,
                r -> new Object[] {"D-" + r, r + 0.25, "第" + r + "行"});
        TabularFile file = TabularFile.read(xlsx, null);
        assertThat(file.rows()).hasSize(rows);
        TabularFile.TabularRow last = file.rows().get(rows - 1);
        assertThat(last.rowNumber()).isEqualTo(rows + 1);
        assertThat(last.get("document_no")).isEqualTo("D-" + rows);
        assertThat(last.get("amount")).isEqualTo(rows + ".25");
        assertThat(last.get("description")).isEqualTo("第" + rows + "行");
    }

    @Test
    void readsInlineStringsBooleansAndEastAsianDateFormats() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet();
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("flag");
            header.createCell(2).setCellValue("issue_date");
            Row row = sheet.createRow(3);
            row.createCell(0).setCellValue(true);
            CellStyle chinese = wb.createCellStyle();
            chinese.setDataFormat((short) 31);
            var date = row.createCell(2);
            date.setCellValue(LocalDate.of(2026, 11, 21));
            date.setCellStyle(chinese);
            wb.write(out);
            TabularFile file = TabularFile.read(out.toByteArray(), null);
            assertThat(file.rows()).singleElement().satisfies(r -> {
                assertThat(r.rowNumber()).isEqualTo(4);
                assertThat(r.get("flag")).isEqualTo("true");
                assertThat(r.get("issue_date")).isEqualTo("2026-11-21");
            });
        }
    }

    private static byte[] workbook() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet();
            Row header = sheet.createRow(0);
            String[] names = {"Amount", "small", "issue_date", "code"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(12800.10);
            row.createCell(1).setCellValue(0.1 + 0.2);
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            var date = row.createCell(2);
            date.setCellValue(LocalDate.of(2026, 10, 5));
            date.setCellStyle(dateStyle);
            row.createCell(3).setCellValue(1001);
            wb.write(out);
            return out.toByteArray();
        }
    }
}
