package io.crmrecon.bankfile;

import static io.crmrecon.bankfile.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmrecon.common.ImportException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The forms real MT940 exports take that the standard does not, each read the same as the textbook form. */
class Mt940AsBanksWriteItTest {

    private static final String TEXTBOOK = ":20:S1\n:25:CN1234\n:28C:1/1\n:60F:C240105CNY100,00\n"
            + ":61:2401050105C12,50NTRFINV-1//B1\n:86:PAYMENT INV-1\n:62F:C240105CNY112,50\n-\n";

    private static ParsedTransaction only(String text) {
        ParsedBankFile file = BankFileReader.read(utf8(text));
        assertThat(file.statements()).hasSize(1);
        assertThat(file.statements().get(0).difference()).isZero();
        return file.transactions().get(0);
    }

    @Test
    void olderExportsWithDecimalPointsAndHeaderLines() {
        ParsedTransaction t = only(":940:\n:20:940S240105\n:25:CN1234\n:28:00000/00\n:60F:C240105CNY100.00\n"
                + ":61:2401050105C12.50NTRFINV-1//B1\n:86:PAYMENT INV-1\n:62F:C240105CNY112.50\n-\n");
        assertThat(t.amount()).isEqualByComparingTo("12.50");
        assertThat(t.bankReference()).isEqualTo("B1");
    }

    @Test
    void aStatementLineWithoutTransactionTypeOrWithAFundsCode() {
        ParsedTransaction noType = only(TEXTBOOK.replace("C12,50NTRFINV-1//B1", "C12,50INV-1//B1"));
        assertThat(noType.amount()).isEqualByComparingTo("12.50");
        assertThat(noType.bankTxCode()).isNull();
        assertThat(noType.bankReference()).isEqualTo("B1");
        ParsedTransaction nonref = only(TEXTBOOK.replace("C12,50NTRFINV-1//B1", "C12,50NONREF//B1"));
        assertThat(nonref.bankTxCode()).isNull();
        assertThat(nonref.bankReference()).isEqualTo("B1");
        ParsedTransaction funds = only(TEXTBOOK.replace("C12,50NTRF", "CY12,50NTRF"));
        assertThat(funds.amount()).isEqualByComparingTo("12.50");
        assertThat(funds.bankTxCode()).isEqualTo("NTRF");
    }

    @Test
    void swiftBlocksHeadersBeforeTheFirstTagAndLineEndings() {
        String enveloped = "{1:F01BANKCNBJAXXX0000000000}{2:O940BANKCNBJAXXXN}{4:\n"
                + TEXTBOOK.replace("-\n", "-}{5:{CHK:ABC}}\n");
        assertThat(only(enveloped).amount()).isEqualByComparingTo("12.50");
        assertThat(only("BANK OF CHINA\nEXPORT 2024-01-05 10:00\n" + TEXTBOOK).amount()).isEqualByComparingTo("12.50");
        assertThat(only(TEXTBOOK.replace("\n", "\r")).remittanceInfo()).isEqualTo("PAYMENT INV-1");
        assertThat(only(TEXTBOOK.replace("\n", "\r\n")).remittanceInfo()).isEqualTo("PAYMENT INV-1");
        assertThat(only(TEXTBOOK.replace("\n", "   \n")).remittanceInfo()).isEqualTo("PAYMENT INV-1");
        assertThat(only("\u0001\n" + TEXTBOOK + "\u0003").amount()).isEqualByComparingTo("12.50");
    }

    @Test
    void detailsLinesStartingWithADashOrAColonStayWithTheirLine() {
        ParsedTransaction t = only(TEXTBOOK.replace(":86:PAYMENT INV-1\n",
                ":86:PAYMENT INV-1\n-EUR 12,50 CHARGES\n:SEE CONTRACT 7\n"));
        assertThat(t.remittanceInfo()).isEqualTo("PAYMENT INV-1 -EUR 12,50 CHARGES :SEE CONTRACT 7");
    }

    @Test
    void gb18030IsDetectedAndALatinCharsetIsTakenWhenTheUploadNamesIt() {
        String chinese = TEXTBOOK.replace("PAYMENT INV-1", "上海华东机电设备有限公司 货款 INV-1");
        ParsedBankFile gb = BankFileReader.read(chinese.getBytes(Charset.forName("GB18030")));
        assertThat(gb.transactions().get(0).remittanceInfo()).isEqualTo("上海华东机电设备有限公司 货款 INV-1");

        String german = TEXTBOOK.replace("PAYMENT INV-1", "Zahlung Müller Straße");
        byte[] latin1 = german.getBytes(StandardCharsets.ISO_8859_1);
        assertThat(BankFileReader.read(latin1, StandardCharsets.ISO_8859_1).transactions().get(0).remittanceInfo())
                .isEqualTo("Zahlung Müller Straße");
        // two accented letters side by side are valid GB18030 too: only the named charset reads them right
        byte[] grusse = TEXTBOOK.replace("PAYMENT INV-1", "Grüße").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(BankFileReader.read(grusse, StandardCharsets.ISO_8859_1).transactions().get(0).remittanceInfo())
                .isEqualTo("Grüße");
        assertThat(BankFileReader.read(grusse).transactions().get(0).remittanceInfo()).isNotEqualTo("Grüße");
        // without a name, a lone accented letter between ASCII is Latin, not half a Chinese character
        assertThat(BankFileReader.read(latin1).transactions().get(0).remittanceInfo())
                .isEqualTo("Zahlung Müller Straße");
    }

    @Test
    void whatIsNotABankStatementIsStillRefusedWithItsLine() {
        assertThatThrownBy(() -> BankFileReader.read(utf8(TEXTBOOK.replace(":61:2401050105C12,50", ":61:2401X"))))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).errors().get(0).line()).isEqualTo(5));
        assertThatThrownBy(() -> BankFileReader.read(utf8("Dear customer,\nplease find attached\n")))
                .isInstanceOf(ImportException.class);
    }
}
