package io.crmrecon.bankfile;

import static io.crmrecon.bankfile.TestFiles.bankFile;
import static io.crmrecon.bankfile.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmrecon.common.ImportException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The format comes from the content alone. */
class BankFileReaderTest {

    private static final String UNRECOGNISED = "unrecognised bank file: expected camt.053, camt.054, MT940 or CSV";
    private static final String MINIMAL_MT940 = ":20:A\n:25:1\n:60F:C240105EUR0,00\n:61:240105C1,00NTRFNONREF\n"
            + ":62F:C240105EUR1,00\n-\n";

    @Test
    void emptyFilesAreNamedAsSuch() {
        assertThatThrownBy(() -> BankFileReader.read(new byte[0])).isInstanceOf(ImportException.class)
                .hasMessage("the file is empty");
        assertThatThrownBy(() -> BankFileReader.read(null)).hasMessage("the file is empty");
        assertThatThrownBy(() -> BankFileReader.read(utf8(" \r\n\t\n"))).hasMessage("the file is empty");
        assertThatThrownBy(() -> BankFileReader.read(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'}))
                .hasMessage("the file is empty");
    }

    @Test
    void anMt940FileLargerThanItsLimitIsRefusedBeforeItIsHeldWhole() throws java.io.IOException {
        byte[] file = utf8(MINIMAL_MT940);
        var read = BankFileReader.read(new java.io.ByteArrayInputStream(file), null, (s, t) -> { }, file.length);
        assertThat(read.statements()).hasSize(1);
        assertThatThrownBy(() -> BankFileReader.read(new java.io.ByteArrayInputStream(file), null, (s, t) -> { },
                file.length - 1)).isInstanceOf(ImportException.class).hasMessageContaining("MT940")
                .hasMessageContaining("recon.import.max-mt940-size");
    }

    @Test
    void camtIsRecognisedByItsNamespace() {
        assertThat(BankFileReader.read(bankFile("genkgo-camt/camt053.v2.minimal.xml")).format())
                .isEqualTo(BankFileFormat.CAMT053);
        assertThat(BankFileReader.read(bankFile("genkgo-camt/camt054.v4.xml")).format())
                .isEqualTo(BankFileFormat.CAMT054);
        String noDeclaration = "\uFEFF<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\">"
                + "<BkToCstmrDbtCdtNtfctn><Ntfctn><Id>N</Id><Acct><Id><IBAN>X</IBAN></Id></Acct></Ntfctn>"
                + "</BkToCstmrDbtCdtNtfctn></Document>";
        assertThat(BankFileReader.read(utf8(noDeclaration)).format()).isEqualTo(BankFileFormat.CAMT054);
        assertThat(BankFileReader.read(noDeclaration.substring(1).getBytes(StandardCharsets.UTF_16)).format())
                .isEqualTo(BankFileFormat.CAMT054);
    }

    @Test
    void mt940IsRecognisedBareEnvelopedOrAfterBankHeaders() {
        assertThat(BankFileReader.read(utf8(MINIMAL_MT940)).format()).isEqualTo(BankFileFormat.MT940);
        assertThat(BankFileReader.read(utf8("\n\n" + MINIMAL_MT940)).transactions()).hasSize(1);
        assertThat(BankFileReader.read(utf8("{1:F01BANKBEBBAXXX0000000000}{2:O940}{4:\n" + MINIMAL_MT940
                .replace("-\n", "-}\n"))).transactions()).hasSize(1);
        assertThat(BankFileReader.read(utf8(":940:\n" + MINIMAL_MT940)).transactions()).hasSize(1);
        assertThat(BankFileReader.read(utf8("ABNANL2A\n940\nABNANL2A\n" + MINIMAL_MT940)).transactions()).hasSize(1);
        assertThat(BankFileReader.read(utf8("0000 01INGBNL2AXXXX00001\n940 00\n" + MINIMAL_MT940)).transactions())
                .hasSize(1);
        for (String sample : new String[] {"abnamro", "ing", "rabobank-iban", "triodos"}) {
            assertThat(BankFileReader.read(bankFile("wolph-mt940/jejik/" + sample + ".sta")).format()).as(sample)
                    .isEqualTo(BankFileFormat.MT940);
        }
    }

    @Test
    void csvIsRecognisedByItsHeader() {
        assertThat(BankFileReader.read(utf8("account,booking_date,amount,currency\nA,2024-01-01,1.00,CNY\n"))
                .format()).isEqualTo(BankFileFormat.CSV);
        assertThat(BankFileReader.read(utf8("\"Amount\",\"Account\",\"Currency\",\"Booking_Date\"\n"
                + "1.00,A,CNY,2024-01-01\n")).format()).isEqualTo(BankFileFormat.CSV);
    }

    @Test
    void anythingElseIsUnrecognised() {
        assertThatThrownBy(() -> BankFileReader.read(utf8("hello world"))).isInstanceOf(ImportException.class)
                .hasMessage(UNRECOGNISED);
        assertThatThrownBy(() -> BankFileReader.read(utf8("%PDF-1.7\n%âãÏÓ\n"))).hasMessage(UNRECOGNISED);
        assertThatThrownBy(() -> BankFileReader.read(utf8("{\"transactions\": []}"))).hasMessage(UNRECOGNISED);
        // another import's table is not a bank file
        assertThatThrownBy(() -> BankFileReader.read(utf8("customer_code,name,email\nC1,A,a@b.c\n")))
                .hasMessage(UNRECOGNISED);
        // a :20: somewhere further down a text is not MT940
        assertThatThrownBy(() -> BankFileReader.read(utf8("Dear customer, see below\n:20:A\n")))
                .hasMessage(UNRECOGNISED);
    }
}
