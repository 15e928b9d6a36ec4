package io.crmrecon.bankfile;

import static io.crmrecon.bankfile.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.crmrecon.common.ImportError;
import io.crmrecon.common.ImportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class BankCsvReaderTest {

    private static final String HEADER = "transaction_id,account,booking_date,value_date,amount,currency,"
            + "counterparty_name,counterparty_account,remittance_info\n";

    @Test
    void readsTheContractColumnsInAnyOrderIgnoringOthers() {
        String csv = "Amount,Currency,Account,Booking_Date,note,remittance_info,transaction_id,counterparty_name\n"
                + "12800.00,CNY,31001234567890,2024-01-31,ignored,\"INV-001, INV-002\",TX-1,上海鼎新贸易有限公司\n"
                + "-35.5,cny,31001234567890,2024-01-31,,\"fee\nJanuary\",,\n"
                + ",,,,,,,\n";
        ParsedBankFile file = BankFileReader.read(utf8(csv));
        assertThat(file.format()).isEqualTo(BankFileFormat.CSV);
        ParsedStatement statement = file.statements().get(0);
        assertThat(statement.account()).isEqualTo("31001234567890");
        assertThat(statement.currency()).isEqualTo("CNY");
        assertThat(statement.openingBalance()).isNull();

        ParsedTransaction in = statement.transactions().get(0);
        assertThat(in.bankReference()).isEqualTo("TX-1");
        assertThat(in.amount()).isEqualByComparingTo("12800.00").hasScaleOf(2);
        assertThat(in.bookingDate()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(in.valueDate()).isNull();
        assertThat(in.counterpartyName()).isEqualTo("上海鼎新贸易有限公司");
        assertThat(in.remittanceInfo()).isEqualTo("INV-001, INV-002");

        ParsedTransaction out = statement.transactions().get(1);
        // an empty transaction_id: no bank reference, the duplicate rule falls back to the line's content
        assertThat(out.bankReference()).isNull();
        assertThat(out.amount()).isEqualByComparingTo("-35.5");
        assertThat(out.currency()).isEqualTo("CNY");
        assertThat(out.remittanceInfo()).isEqualTo("fee\nJanuary");
        assertThat(statement.transactions()).hasSize(2);
    }

    @Test
    void everyBadRowIsNamedInOneAnswer() {
        String csv = HEADER
                + "T1,ACC,2024-01-31,,100.00,CNY,,,\n"          // row 2 fine
                + "T2,,2024-01-31,,100.00,CNY,,,\n"             // row 3 no account
                + "T3,ACC,31/01/2024,2024-13-01,100.00,CNY,,,\n" // row 4 bad dates
                + "T4,ACC,2024-01-31,,\"12.800,00\",CNY,,,\n"   // row 5 malformed amount (12,800.00 is fine)
                + "T5,ACC,2024-01-31,,100.001,CNY,,,\n"         // row 6 too many decimals
                + "T6,ACC,2024-01-31,,0.00,CNY,,,\n"            // row 7 zero
                + "T7,ACC,2024-01-31,,5,RMB,,,\n"               // row 8 unknown currency
                + "T8,ACC,2024-01-31,,5.5,JPY,,,\n"             // row 9 JPY has no minor digits
                + "T9,ACC,,,,,,,\n";                            // row 10 nothing required
        assertThatThrownBy(() -> BankFileReader.read(utf8(csv)))
                .isInstanceOf(ImportException.class)
                .hasMessage("8 row(s) of the file are not valid; nothing was imported")
                .satisfies(e -> assertThat(((ImportException) e).errors())
                        .extracting(ImportError::row, ImportError::column)
                        .containsExactly(
                                tuple(3, "account"),
                                tuple(4, "booking_date"), tuple(4, "value_date"),
                                tuple(5, "amount"),
                                tuple(6, "amount"),
                                tuple(7, "amount"),
                                tuple(8, "currency"),
                                tuple(9, "amount"),
                                tuple(10, "booking_date"), tuple(10, "currency"), tuple(10, "amount")))
                .satisfies(e -> assertThat(((ImportException) e).errors()).extracting(ImportError::message)
                        .contains("account is required",
                                "booking_date '31/01/2024' is not a date: write the year first, as 2026-11-21, 2026/11/21 or "
                                        + "2026年11月21日",
                                "amount '12.800,00' is not an amount: digits with '.' as decimal separator, optionally ',' between "
                                        + "thousands and one leading currency sign (¥1,250.00)",
                                "amount '100.001' has more than 2 decimals for CNY",
                                "amount must not be zero (> 0 money in, < 0 money out)",
                                "currency 'RMB' is not an ISO 4217 currency code",
                                "amount '5.5' has more than 0 decimals for JPY"));
    }

    @Test
    void missingRequiredColumnsAreNamed() {
        assertThatThrownBy(() -> BankFileReader.read(utf8("transaction_id,amount,remittance_info\nT1,5.00,x\n")))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).errors())
                        .extracting(ImportError::row, ImportError::column)
                        .containsExactly(tuple(1, "account"), tuple(1, "booking_date"), tuple(1, "currency")));
    }

    @Test
    void gb18030IsDetected() {
        Charset gb18030 = Charset.forName("GB18030");
        String csv = HEADER + "T1,6222000011112222,2024-01-31,2024-01-31,8800.00,CNY,北京华信科技有限公司,"
                + "6222000033334444,货款 发票号 FP20240131\n";
        ParsedBankFile file = BankFileReader.read(csv.getBytes(gb18030));
        assertThat(file.transactions()).singleElement().satisfies(t -> {
            assertThat(t.counterpartyName()).isEqualTo("北京华信科技有限公司");
            assertThat(t.remittanceInfo()).isEqualTo("货款 发票号 FP20240131");
            assertThat(t.counterpartyAccount()).isEqualTo("6222000033334444");
        });
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() {
        byte[] body = utf8(HEADER + "T1,ACC,2024-01-31,,1.00,EUR,Zoë,,\n");
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        ParsedBankFile file = BankFileReader.read(withBom);
        assertThat(file.format()).isEqualTo(BankFileFormat.CSV);
        assertThat(file.transactions()).extracting(ParsedTransaction::bankReference, ParsedTransaction::counterpartyName)
                .containsExactly(tuple("T1", "Zoë"));
    }

    @Test
    void textInNeitherUtf8NorGb18030IsRefused() {
        byte[] header = HEADER.getBytes(StandardCharsets.US_ASCII);
        byte[] bad = {'T', '1', ',', 'A', ',', (byte) 0xFF, (byte) 0xFF, '\n'};
        byte[] content = new byte[header.length + bad.length];
        System.arraycopy(header, 0, content, 0, header.length);
        System.arraycopy(bad, 0, content, header.length, bad.length);
        assertThatThrownBy(() -> BankFileReader.read(content))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("the file is neither UTF-8 nor GB18030");
    }

    @Test
    void theSameTableIsAcceptedAsXlsx() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet();
            String[] header = {"transaction_id", "account", "booking_date", "amount", "currency"};
            var head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("X-1");
            row.createCell(1).setCellValue("ACC");
            row.createCell(2).setCellValue("2024-01-31");
            row.createCell(3).setCellValue(-12.5);
            row.createCell(4).setCellValue("CNY");
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        ParsedBankFile file = BankFileReader.read(xlsx);
        assertThat(file.format()).isEqualTo(BankFileFormat.CSV);
        assertThat(file.transactions()).singleElement().satisfies(t -> {
            assertThat(t.amount()).isEqualByComparingTo("-12.5");
            assertThat(t.bankReference()).isEqualTo("X-1");
        });
    }
}
