package io.crmrecon.statement;

import io.crmrecon.common.Money;
import io.crmrecon.ledger.Ageing;
import io.crmrecon.statement.StatementSnapshot.Line;
import io.crmrecon.statement.StatementSnapshot.OpenItem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A statement as an Excel workbook, rendered on request from the stored snapshot: the PDF's sections (header,
 * transactions with the running balance, open items, ageing, payables) in the statement's language, amounts as
 * numbers in the currency's format and dates as dates, so the customer's accountant can sum and sort them.
 */
final class StatementWorkbook {

    private final StatementSnapshot s;
    private final StatementView.Header header;
    private final CompanyDetails company;
    private final Function<String, String> text;
    private final ZoneId zone;
    private XSSFWorkbook book;
    private Sheet sheet;
    private CellStyle money;
    private CellStyle date;
    private CellStyle bold;
    private int row;

    StatementWorkbook(StatementSnapshot snapshot, StatementView.Header header, CompanyDetails company, ZoneId zone,
            Function<String, String> text) {
        this.s = snapshot;
        this.header = header;
        this.company = company;
        this.zone = zone;
        this.text = text;
    }

    byte[] render() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book = workbook;
            sheet = book.createSheet(header.statementNo());
            styles();
            headerSection();
            linesSection();
            openItemsSection();
            ageingSection();
            if (!s.payables().isEmpty()) {
                payablesSection();
            }
            for (int c = 0; c < 8; c++) {
                sheet.setColumnWidth(c, c == 3 ? 24 * 256 : 15 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void styles() {
        int digits = Money.minorDigits(s.currency());
        money = book.createCellStyle();
        money.setDataFormat(book.createDataFormat().getFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits)));
        date = book.createCellStyle();
        date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
        bold = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        bold.setFont(font);
    }

    private void headerSection() {
        Row title = sheet.createRow(row++);
        text(title, 0, t("statement.title")).setCellStyle(bold);
        pair("statement.no", header.statementNo() + (header.version() > 1 ? " (" + t("statement.version") + " "
                + header.version() + ")" : ""));
        pair("statement.period", s.period().toString());
        pair("statement.customer", header.customerName());
        pair("statement.customerCode", header.customerCode());
        pair("statement.currency", s.currency());
        pair("statement.generatedAt", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone)
                .format(s.asOf()));
        Row from = sheet.createRow(row++);
        text(from, 0, company.name());
        if (company.taxId() != null && !company.taxId().isBlank()) {
            text(from, 1, t("statement.taxId") + ": " + company.taxId());
        }
        row++;
    }

    private void linesSection() {
        heading("statement.lines");
        lineHead();
        Row opening = sheet.createRow(row++);
        text(opening, 1, t("statement.opening"));
        amount(opening, 7, s.openingBalance());
        if (!s.adjustments().isEmpty()) {
            text(sheet.createRow(row++), 1, t("statement.adjustments"));
            lines(s.adjustments());
        }
        lines(s.lines());
        Row closing = sheet.createRow(row++);
        text(closing, 1, t(s.closingBalance().signum() < 0 ? "statement.closing.credit" : "statement.closing"))
                .setCellStyle(bold);
        amount(closing, 7, s.closingBalance());
        row++;
    }

    private void openItemsSection() {
        heading("statement.openItems");
        Row head = sheet.createRow(row++);
        String[] columns = {"statement.column.document", "statement.column.kind", "statement.column.date",
                "statement.column.due", "statement.column.amount", "statement.column.open", "statement.column.overdue"};
        for (int c = 0; c < columns.length; c++) {
            text(head, c, t(columns[c])).setCellStyle(bold);
        }
        for (OpenItem i : s.openItems()) {
            Row r = sheet.createRow(row++);
            text(r, 0, i.documentNo() + (i.disputed() ? " (" + t("statement.disputed") + ")" : ""));
            text(r, 1, t("statement.kind." + i.type().name()));
            date(r, 2, i.issueDate());
            date(r, 3, i.dueDate());
            amount(r, 4, i.type().signed(i.amount()));
            amount(r, 5, i.open());
            if (i.daysLate() > 0) {
                r.createCell(6).setCellValue(i.daysLate());
            }
        }
        if (s.unappliedCash().signum() != 0) {
            Row r = sheet.createRow(row++);
            text(r, 0, t("statement.unappliedCash"));
            amount(r, 5, s.unappliedCash().negate());
        }
        row++;
    }

    private void ageingSection() {
        heading("statement.ageing");
        Row labels = sheet.createRow(row++);
        Row amounts = sheet.createRow(row++);
        int c = 0;
        for (String bucket : Ageing.BUCKETS) {
            text(labels, c, t("statement.ageing." + bucket)).setCellStyle(bold);
            amount(amounts, c++, s.ageing().getOrDefault(bucket, BigDecimal.ZERO));
        }
        row++;
    }

    private void payablesSection() {
        heading("statement.payables");
        lineHead();
        lines(s.payables());
        Row total = sheet.createRow(row++);
        text(total, 1, t("statement.payables.total")).setCellStyle(bold);
        amount(total, 7, s.payablesBalance());
        Row net = sheet.createRow(row++);
        text(net, 1, t("statement.net")).setCellStyle(bold);
        amount(net, 7, s.netPosition());
    }

    private void lineHead() {
        Row head = sheet.createRow(row++);
        String[] columns = {"statement.column.date", "statement.column.kind", "statement.column.document",
                "statement.column.reference", "statement.column.due", "statement.column.debit",
                "statement.column.credit", "statement.column.balance"};
        for (int c = 0; c < columns.length; c++) {
            text(head, c, t(columns[c])).setCellStyle(bold);
        }
    }

    private void lines(List<Line> lines) {
        for (Line l : lines) {
            Row r = sheet.createRow(row++);
            date(r, 0, l.date());
            text(r, 1, t("statement.kind." + l.kind().name()) + (l.disputed() ? " (" + t("statement.disputed") + ")"
                    : ""));
            text(r, 2, l.documentNo());
            text(r, 3, l.reference());
            date(r, 4, l.dueDate());
            amount(r, l.amount().signum() > 0 ? 5 : 6, l.amount().abs());
            amount(r, 7, l.balance());
        }
    }

    private void heading(String code) {
        text(sheet.createRow(row++), 0, t(code)).setCellStyle(bold);
    }

    private void pair(String code, String value) {
        Row r = sheet.createRow(row++);
        text(r, 0, t(code));
        text(r, 1, value);
    }

    private Cell text(Row r, int column, String value) {
        Cell cell = r.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
        }
        return cell;
    }

    private void amount(Row r, int column, BigDecimal value) {
        Cell cell = r.createCell(column);
        // a spreadsheet's numbers are doubles; the minor digits of any amount we keep survive the trip
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(money);
    }

    private void date(Row r, int column, LocalDate value) {
        if (value != null) {
            Cell cell = r.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(date);
        }
    }

    private String t(String code) {
        return text.apply(code);
    }
}
