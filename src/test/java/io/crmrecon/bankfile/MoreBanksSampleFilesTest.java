package io.crmrecon.bankfile;

import static io.crmrecon.bankfile.TestFiles.bankFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * What real files of further banks (Danske Bank, ING, HSBC, a Lithuanian bank's camt; provenance in the bankfiles
 * README) showed the readers did wrong: each test is one such thing, on the file that showed it.
 */
class MoreBanksSampleFilesTest {

    @Test
    void danskeBankExamplesWithAPreambleAndARulerBeforeTheFirstTagAreRead() {
        ParsedBankFile file = BankFileReader.read(bankFile("svenstaro-mt940/danskebank/MT940_FI_Example.sta"));
        assertThat(file.format()).isEqualTo(BankFileFormat.MT940);
        assertThat(file.statements()).hasSize(1);
        assertThat(file.statements().get(0).transactions()).hasSize(6);
        assertThat(file.statements().get(0).difference()).isEqualByComparingTo("0");
    }

    @Test
    void aLineDescribedInSeveralConsecutive86FieldsKeepsThemAll() {
        ParsedTransaction interest = BankFileReader.read(bankFile("svenstaro-mt940/danskebank/MT940_FI_Example.sta"))
                .transactions().get(0);
        // four :86: after the :61:, the last with the bank's name: before, only the first was kept
        assertThat(interest.remittanceInfo()).contains("For your inform. IBAN no.: FI1111111111111111",
                "111111-11111111", "DANSKE BANK");
    }

    @Test
    void ingsAccountLosesItsCurrencyAndItsReferencesTheirClosingSlash() {
        ParsedBankFile file = BankFileReader.read(bankFile("zilverline-mt940/ing/ing_purp.txt"));
        // :25:NL62INGB0006868686EUR is the account NL62INGB0006868686 in EUR, as camt names it
        assertThat(file.statements().get(0).account()).isEqualTo("NL62INGB0006868686");
        ParsedTransaction t = file.transactions().get(0);
        assertThat(t.account()).isEqualTo("NL62INGB0006868686");
        // /EREF/400313131313//MARF/: the slash closes the value
        assertThat(t.endToEndId()).isEqualTo("400313131313");
        assertThat(t.amount()).isEqualByComparingTo("-10.00");
    }

    @Test
    void aWrappedLineThatLooksLikeATagContinuesItsField() {
        // ING wrapped "05/31/2017 00:00:00" so that the next line reads ":00:00/": no MT940 tag, the text goes on
        ParsedTransaction t = BankFileReader.read(bankFile("zilverline-mt940/ing/ing_00_00.txt")).transactions().get(0);
        assertThat(t.remittanceInfo()).isEqualTo("KASSA VERZAMELFACTUUR DINSDAG 2 ABC-654321 05/31/2017 00:00:00");
        assertThat(t.counterpartyName()).isEqualTo("RAAMEN NV");
        assertThat(t.counterpartyAccount()).isEqualTo("NL88INGB0999999999");
    }

    @Test
    void sepaTagsRunningOnInsideASubFieldStillOpenTheirSections() {
        // Deutsche Bank: ?20EREF+…?21… KREF+…?22… MR?23EF+… CRED+…?24… OAMT+11,85 SVWZ+?25SONSTIGE GRUENDE…
        ParsedTransaction t = BankFileReader.read(bankFile("jejik-mt940/deutschebank.txt")).transactions().get(0);
        assertThat(t.endToEndId()).isEqualTo("A1.200080779.400143254.4961336");
        assertThat(t.remittanceInfo()).startsWith("SONSTIGE GRUENDE ENDABRECHNUNG NR. 500106875");
        // and a blank before the transaction type (D12,35 NRTIKREF+) leaves it a type, KREF+ no reference
        assertThat(t.bankTxCode()).isEqualTo("NRTI");
        assertThat(t.counterpartyAccount()).isEqualTo("DE50712345600200691329");
        assertThat(t.amount()).isEqualByComparingTo("-12.35");
    }

    @Test
    void triodosGivesTheCounterpartysIbanIn21AndOurOwnAccountIn31() {
        ParsedBankFile file = BankFileReader.read(bankFile("zilverline-mt940/triodos/triodos_iban.txt"));
        ParsedTransaction t = file.transactions().get(0);
        // 000>100000000000 >20RABONL2U >21NL12RABO0888888888 >22METSELAARBAASIK … >310454545454
        assertThat(t.counterpartyAccount()).isEqualTo("NL12RABO0888888888");
        assertThat(t.remittanceInfo()).startsWith("METSELAARBAASIK PAARDENA POSTBUS 969").doesNotContain("RABONL2U");
        // "NET NONREF": a three-letter type and no reference
        assertThat(t.bankTxCode()).isEqualTo("NET");
        assertThat(t.structuredReference()).isNull();
        // a card payment's text in >20 and >21: text, and no counterparty account
        ParsedTransaction card = file.transactions().get(2);
        assertThat(card.counterpartyAccount()).isNull();
        assertThat(card.remittanceInfo()).contains("BETAALAUTOMAAT");
    }

    @Test
    void hsbcsTextAfterAnOriginalAmountCodeIsKeptAsRemittance() {
        ParsedTransaction t = BankFileReader.read(bankFile("fruitl00p-mt940/hsbc/sample.sta")).transactions().get(0);
        assertThat(t.remittanceInfo()).contains("PAYMENT OF INVOICES 204011665");
        assertThat(t.amount()).isEqualByComparingTo("-20000.00");
        assertThat(t.bankReference()).isEqualTo("6128522200250001");
    }

    @Test
    void aCamtStatementWhoseEntriesGiveNoDateIsBookedOnItsBalancesDay() {
        ParsedBankFile file = BankFileReader.read(bankFile("subite-camt/LT-camt053-2024-10-02.xml"));
        ParsedStatement statement = file.statements().get(0);
        assertThat(statement.transactions()).hasSize(10)
                .allSatisfy(t -> assertThat(t.bookingDate()).isEqualTo(LocalDate.of(2024, 10, 2)));
        assertThat(statement.difference()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void aCamt054OfVersion10IsRead() {
        ParsedBankFile file = BankFileReader.read(bankFile("subite-camt/LT-camt054-2024-03-18.xml"));
        assertThat(file.format()).isEqualTo(BankFileFormat.CAMT054);
        // every entry of this notification is INFO (not booked): the same money comes again booked
        assertThat(file.statements()).hasSize(1);
        assertThat(file.transactions()).isEmpty();
        assertThat(file.statements().get(0).notBooked()).isEqualTo(1);
    }
}
