package io.crmrecon.common;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Workbooks for the tests of what an import must survive: a zip bomb, and a sheet too large to hold as a DOM. */
public final class XlsxFiles {

    private XlsxFiles() {
    }

    /**
     * The same workbook with {@code padding} bytes of blanks after the first sheet's rows: still a valid sheet, but it
     * inflates about a thousand times its compressed size, as a zip bomb does.
     */
    public static byte[] withPadding(byte[] xlsx, int padding) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int end = xml.indexOf("</sheetData>");
                    zip.write(xml.substring(0, end).getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int written = 0; written < padding; written += blanks.length) {
                        zip.write(blanks, 0, Math.min(blanks.length, padding - written));
                    }
                    zip.write(xml.substring(end).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A sheet of {@code rows} data rows under {@code header}, written streaming (text cells, numbers as numbers). */
    public static byte[] large(List<String> header, int rows, IntFunction<Object[]> row) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet();
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 1; r <= rows; r++) {
                Row data = sheet.createRow(r);
                Object[] values = row.apply(r);
                for (int i = 0; i < values.length; i++) {
                    if (values[i] instanceof Number n) {
                        data.createCell(i).setCellValue(n.doubleValue());
                    } else if (values[i] != null) {
                        data.createCell(i).setCellValue(values[i].toString());
                    }
                }
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        }
    }
}
