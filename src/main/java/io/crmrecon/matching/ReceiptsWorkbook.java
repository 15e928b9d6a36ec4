package io.crmrecon.matching;

import io.crmrecon.common.Money;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The unapplied receipts as an Excel sheet, streamed (SXSSF keeps only a window of rows in memory, so a list of a
 * million receipts does not hold a million rows). Amounts are numbers at the currency's digits, dates dates.
 */
final class ReceiptsWorkbook {

    private static final int AMOUNT = UnappliedReceiptsController.COLUMNS.indexOf("amount");
    private static final int REMAINING = UnappliedReceiptsController.COLUMNS.indexOf("remaining");

    private ReceiptsWorkbook() {
    }

    static void write(List<String> headers, OutputStream out,
            Consumer<Consumer<UnappliedReceipts.Receipt>> receipts) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            book.setCompressTempFiles(true);
            Sheet sheet = book.createSheet("unapplied");
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle[] money = new CellStyle[4];
            for (int digits = 0; digits < money.length; digits++) {
                money[digits] = book.createCellStyle();
                money[digits].setDataFormat(book.createDataFormat().getFormat(
                        digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits)));
            }
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                head.createCell(i).setCellValue(headers.get(i));
                head.getCell(i).setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            receipts.accept(r -> {
                Row row = sheet.createRow(next[0]++);
                CellStyle m = money[Math.min(money.length - 1, Money.minorDigits(r.currency()))];
                List<Object> values = UnappliedReceiptsController.values(r);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v == null) {
                        continue;
                    }
                    var cell = row.createCell(i);
                    if (i == AMOUNT || i == REMAINING) {
                        // a spreadsheet's numbers are doubles: exact for amounts up to 15 significant digits
                        cell.setCellValue(i == AMOUNT ? r.amount().doubleValue() : r.remaining().doubleValue());
                        cell.setCellStyle(m);
                    } else if (v instanceof java.time.LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            });
            book.write(out);
            book.dispose();
        }
    }
}
