package io.crmrecon.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A {@link Report} as JSON (a map Jackson writes), CSV (one table, read by header) or XLSX (a sheet per table, headers
 * in the reader's language, amounts as numbers at their currency's digits).
 */
final class ReportRendering {

    private ReportRendering() {
    }

    /**
     * The parameters, then each table by its name as a list of objects; the main table's total rows as
     * {@code total}. Written as it goes: a report of 100,000 customers is not built as a tree first. Amounts and
     * other decimals are strings, as everywhere in the API.
     */
    static void json(Report report, ObjectMapper mapper, OutputStream out) throws IOException {
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("report", report.name());
            for (Map.Entry<String, Object> p : report.parameters().entrySet()) {
                json.writeFieldName(p.getKey());
                Object v = p.getValue();
                if (v instanceof LocalDate || v instanceof BigDecimal) {
                    json.writeString(v.toString());
                } else {
                    mapper.writeValue(json, v);
                }
            }
            for (Report.Table table : report.tables()) {
                objects(json, table, table.name(), table.rows());
                if (!table.totals().isEmpty()) {
                    objects(json, table, "total", table.totals());
                }
            }
            json.writeEndObject();
        }
    }

    private static void objects(JsonGenerator json, Report.Table table, String name, List<List<Object>> rows)
            throws IOException {
        json.writeArrayFieldStart(name);
        List<Report.Column> columns = table.columns();
        for (List<Object> row : rows) {
            json.writeStartObject();
            for (int i = 0; i < row.size(); i++) {
                json.writeFieldName(columns.get(i).key());
                Object v = row.get(i);
                if (v == null) {
                    json.writeNull();
                } else if (v instanceof Number n && !(v instanceof BigDecimal)) {
                    json.writeNumber(n.longValue());
                } else {
                    json.writeString(v instanceof BigDecimal b ? b.toPlainString() : v.toString());
                }
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /**
     * The table's rows and then its totals, whose first text column reads {@code totalLabel}.
     *
     * @param forPeople a byte order mark first, so that Excel reads the Chinese of a downloaded file right
     */
    static void csv(Report.Table table, String totalLabel, boolean forPeople, OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        if (forPeople) {
            writer.write('\uFEFF');
        }
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader(table.keys().toArray(String[]::new)).get());
        for (List<Object> row : table.rows()) {
            printer.printRecord(csvValues(row));
        }
        for (List<Object> row : table.totals()) {
            printer.printRecord(csvValues(labelled(table, row, totalLabel)));
        }
        printer.flush();
    }

    private static List<Object> csvValues(List<Object> row) {
        return row.stream().map(v -> v instanceof BigDecimal b ? b.toPlainString() : v).toList();
    }

    /** A total row whose first empty text cell says what it is. */
    private static List<Object> labelled(Report.Table table, List<Object> row, String label) {
        List<Object> out = new ArrayList<>(row);
        for (int i = 0; i < out.size(); i++) {
            if (table.columns().get(i).kind() == Report.Kind.TEXT && out.get(i) == null) {
                out.set(i, label);
                break;
            }
        }
        return out;
    }

    /** {@code header}: a column's key → its title in the reader's language. */
    static void xlsx(Report report, Function<String, String> header, String totalLabel, OutputStream out)
            throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            book.setCompressTempFiles(true);
            Styles styles = new Styles(book);
            for (Report.Table table : report.tables()) {
                Sheet sheet = book.createSheet(table.name());
                Row head = sheet.createRow(0);
                for (int i = 0; i < table.columns().size(); i++) {
                    Cell cell = head.createCell(i);
                    cell.setCellValue(header.apply(table.columns().get(i).key()));
                    cell.setCellStyle(styles.bold);
                }
                sheet.createFreezePane(0, 1);
                int next = 1;
                for (List<Object> row : table.rows()) {
                    write(sheet.createRow(next++), table, row, styles, false);
                }
                for (List<Object> row : table.totals()) {
                    write(sheet.createRow(next++), table, labelled(table, row, totalLabel), styles, true);
                }
            }
            book.write(out);
            book.dispose();
        }
    }

    private static void write(Row row, Report.Table table, List<Object> values, Styles styles, boolean total) {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (v instanceof BigDecimal b) {
                cell.setCellValue(b.doubleValue());
                cell.setCellStyle(styles.number(b.scale(), total));
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
                if (total) {
                    cell.setCellStyle(styles.bold);
                }
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(styles.date);
            } else {
                cell.setCellValue(v.toString());
                if (total) {
                    cell.setCellStyle(styles.bold);
                }
            }
        }
    }

    private static final class Styles {
        final CellStyle bold;
        final CellStyle date;
        private final CellStyle[] plain = new CellStyle[5];
        private final CellStyle[] strong = new CellStyle[5];

        Styles(SXSSFWorkbook book) {
            Font font = book.createFont();
            font.setBold(true);
            bold = book.createCellStyle();
            bold.setFont(font);
            date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            for (int digits = 0; digits < plain.length; digits++) {
                short format = book.createDataFormat().getFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits));
                plain[digits] = book.createCellStyle();
                plain[digits].setDataFormat(format);
                strong[digits] = book.createCellStyle();
                strong[digits].setDataFormat(format);
                strong[digits].setFont(font);
            }
        }

        CellStyle number(int digits, boolean total) {
            int d = Math.min(plain.length - 1, Math.max(0, digits));
            return total ? strong[d] : plain[d];
        }
    }
}
