package io.crmrecon.bankfile;

import static io.crmrecon.bankfile.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmrecon.common.ImportError;
import io.crmrecon.common.ImportException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class Mt940ReaderTest {

    private static final String ENVELOPED = """
            {1:F01ABNANL2AXXXX0000000000}{2:O9401200240102ABNANL2AXXXX00000000002401021200N}{4:
            :20:STMT-1
            :25:NL91ABNA0417164300
            :28C:1/1
            :60F:C231229EUR1000,00
            :61:2312290102C500,00NTRFINV-2023-12//B231229001
            :86:/TRTP/SEPA OVERBOEKING/IBAN/NL20INGB0001234567/BIC/INGBNL2A/NAME/ACME BV/REMI/INVOICE 2023-12/EREF/
            E2E-1
            :61:2401021229D20,NCHGNONREF
            :86:KOSTEN
            :62F:C240102EUR1480,00
            -}{5:{CHK:123456789ABC}}
            {1:F01ABNANL2AXXXX0000000000}{2:O9401200240103ABNANL2AXXXX00000000002401031200N}{4:
            :20:STMT-2
            :25:NL91ABNA0417164300
            :28C:2/1
            :60F:C240102EUR1480,00
            :61:240103C7,5NTRFNONREF
            :86:/TRTP/SEPA OVERBOEKING/IBAN/NL20INGB0001234567/NAME/ACME BV/REMI/STRD/CUR/RF18539007547034/
            :62F:C240103EUR1487,50
            -}
            """;

    @Test
    void severalStatementsInSwiftEnvelopes() {
        ParsedBankFile file = BankFileReader.read(utf8(ENVELOPED));
        assertThat(file.format()).isEqualTo(BankFileFormat.MT940);
        assertThat(file.statements()).extracting(ParsedStatement::statementId).containsExactly("STMT-1/1/1", "STMT-2/2/1");
        assertThat(file.statements()).extracting(ParsedStatement::closingBalance)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("1480"), new java.math.BigDecimal("1487.5"));

        ParsedTransaction in = file.transactions().get(0);
        assertThat(in.account()).isEqualTo("NL91ABNA0417164300");
        assertThat(in.amount()).isEqualByComparingTo("500.00");
        assertThat(in.bankReference()).isEqualTo("B231229001");
        assertThat(in.counterpartyName()).isEqualTo("ACME BV");
        assertThat(in.counterpartyAccount()).isEqualTo("NL20INGB0001234567");
        assertThat(in.remittanceInfo()).isEqualTo("INVOICE 2023-12");
        assertThat(in.endToEndId()).isEqualTo("E2E-1");
        assertThat(in.structuredReference()).isEqualTo("E2E-1");
        assertThat(in.bankTxCode()).isEqualTo("NTRF");

        ParsedTransaction fee = file.transactions().get(1);
        assertThat(fee.amount()).isEqualByComparingTo("-20").hasScaleOf(0);
        assertThat(fee.bankReference()).isNull();
        assertThat(fee.remittanceInfo()).isEqualTo("KOSTEN");

        // ABN AMRO's structured creditor reference: /REMI/STRD/CUR/<ref>/
        ParsedTransaction structured = file.transactions().get(2);
        assertThat(structured.amount()).isEqualByComparingTo("7.5").hasScaleOf(1);
        assertThat(structured.structuredReference()).isEqualTo("RF18539007547034");
        assertThat(structured.bookingDate()).isEqualTo(LocalDate.of(2024, 1, 3));
    }

    @Test
    void aLowerCaseMarkIsReadAsTheUpperCaseOne() {
        // ABN AMRO's own published examples write :61: marks in lower case
        String text = ENVELOPED.replace("2312290102C500,00NTRF", "2312290102c500,00NTRF")
                .replace("2401021229D20,NCHG", "2401021229d20,NCHG");
        assertThat(BankFileReader.read(utf8(text)).transactions()).extracting(ParsedTransaction::amount)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("500.00"), new java.math.BigDecimal("-20.00"),
                        new java.math.BigDecimal("7.50"));
    }

    @Test
    void theStatementsCurrencyAfterTheAccountIsNotPartOfIt() {
        assertThat(Mt940Reader.withoutCurrency("NL62INGB0006868686EUR", "EUR")).isEqualTo("NL62INGB0006868686");
        assertThat(Mt940Reader.withoutCurrency("NL10BUNQ2290325473 EUR", "EUR")).isEqualTo("NL10BUNQ2290325473");
        assertThat(Mt940Reader.withoutCurrency("2121.21.211EUR", "EUR")).isEqualTo("2121.21.211");
        assertThat(Mt940Reader.withoutCurrency("DABADKKK/1234567890/DKK", "DKK")).isEqualTo("DABADKKK/1234567890");
        // another currency, letters before it, or nothing but the code: left as written
        assertThat(Mt940Reader.withoutCurrency("NL62INGB0006868686EUR", "USD")).isEqualTo("NL62INGB0006868686EUR");
        assertThat(Mt940Reader.withoutCurrency("ACCOUNTEUR", "EUR")).isEqualTo("ACCOUNTEUR");
        assertThat(Mt940Reader.withoutCurrency("EUR", "EUR")).isEqualTo("EUR");
        assertThat(Mt940Reader.withoutCurrency("NL91ABNA0417164300", "EUR")).isEqualTo("NL91ABNA0417164300");
    }

    @Test
    void entryDatesTakeTheYearNearestTheValueDate() {
        ParsedBankFile file = BankFileReader.read(utf8(ENVELOPED));
        // value 29 Dec 2023, booked 2 Jan: the next year
        assertThat(file.transactions().get(0).valueDate()).isEqualTo(LocalDate.of(2023, 12, 29));
        assertThat(file.transactions().get(0).bookingDate()).isEqualTo(LocalDate.of(2024, 1, 2));
        // value 2 Jan 2024, booked 29 Dec: the year before
        assertThat(file.transactions().get(1).valueDate()).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(file.transactions().get(1).bookingDate()).isEqualTo(LocalDate.of(2023, 12, 29));

        assertThat(Mt940Reader.entryDate(LocalDate.of(2024, 3, 1), 2, 29)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Mt940Reader.entryDate(LocalDate.of(2025, 3, 1), 2, 29)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Mt940Reader.entryDate(LocalDate.of(2024, 6, 30), 7, 1)).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(Mt940Reader.entryDate(LocalDate.of(2024, 6, 30), 13, 1)).isNull();
    }

    @Test
    void germanSubFieldsWithSepaTags() {
        String mt940 = """
                :20:STARTUMSE
                :25:10020030/1234567890
                :28C:00001/001
                :60F:C240105EUR10000,00
                :61:2401050105CR1500,00NTRFNONREF//2401051234
                :86:166?00SEPA-GUTSCHRIFT?109310?20EREF+RE-2024-0042?21SVWZ+Rechnung RE-2024-0042 v
                om 2?22. Januar?30COBADEFFXXX?31DE02120300000000202051?32Mueller und Soehne GmbH
                ?33 & Co. KG?60 Danke
                :61:2401050105DR35,70NDDTKREF+//2401051235
                :86:105?00SEPA-BASISLASTSCHRIFT?20EREF+NOTPROVIDED?21MREF+M-77?22CRED+DE98ZZZ09999999999
                ?23SVWZ+Strom Januar?24ABWA+Stadtwerke Beispiel?25IBAN+DE44500105175407324931
                :61:2401050105RD35,70NRTINONREF
                :86:109?00RUECKLASTSCHRIFT?20SVWZ+Strom Januar
                :62F:C240105EUR11464,30
                """;
        ParsedBankFile file = BankFileReader.read(utf8(mt940));
        ParsedTransaction credit = file.transactions().get(0);
        assertThat(credit.amount()).isEqualByComparingTo("1500.00");
        assertThat(credit.bankReference()).isEqualTo("2401051234");
        assertThat(credit.endToEndId()).isEqualTo("RE-2024-0042");
        assertThat(credit.remittanceInfo()).isEqualTo("Rechnung RE-2024-0042 vom 2. Januar Danke");
        assertThat(credit.counterpartyName()).isEqualTo("Mueller und Soehne GmbH & Co. KG");
        assertThat(credit.counterpartyAccount()).isEqualTo("DE02120300000000202051");

        ParsedTransaction debit = file.transactions().get(1);
        assertThat(debit.amount()).isEqualByComparingTo("-35.70");
        assertThat(debit.endToEndId()).isNull();
        assertThat(debit.remittanceInfo()).isEqualTo("Strom Januar");
        // no ?32/?31: the SEPA tags name the other side
        assertThat(debit.counterpartyName()).isEqualTo("Stadtwerke Beispiel");
        assertThat(debit.counterpartyAccount()).isEqualTo("DE44500105175407324931");

        // RD, the reversal of a debit, brings the money back
        assertThat(file.transactions().get(2).amount()).isEqualByComparingTo("35.70");
    }

    @Test
    void isoLatin1TextIsDecoded() {
        String mt940 = ":20:X\r\n:25:123\r\n:60F:C240105EUR0,00\r\n:61:240105C1,00NTRFNONREF\r\n"
                + ":86:Zahlung M\u00fcller Stra\u00dfe\r\n:62F:C240105EUR1,00\r\n-\r\n";
        ParsedBankFile file = BankFileReader.read(mt940.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(file.transactions().get(0).remittanceInfo()).isEqualTo("Zahlung M\u00fcller Stra\u00dfe");
    }

    @Test
    void everyBadLineIsNamed() {
        String mt940 = """
                :20:BAD
                :28C:1
                :60F:C240105EUR0,00
                :61:240105CNTRFNONREF
                :61:240105X1,00NTRFNONREF
                :61:240199C1,00NTRFNONREF
                :61:240105C1,001NTRFNONREF
                :61:240105C1,00
                :62F:C240105XYZ1,00
                """;
        assertThatThrownBy(() -> BankFileReader.read(utf8(mt940)))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).errors()).extracting(ImportError::message)
                        .containsExactly(
                                "line 1: statement :20:BAD (line 1) has no account (:25:)",
                                "line 4: :61: statement line has no amount",
                                "line 5: :61: statement line has no debit/credit mark (C, D, RC or RD) after its dates",
                                "line 6: :61: date '240199' is not a date (YYMMDD)",
                                "line 7: :61: amount 1,001 has more decimals than EUR allows (2)",
                                "line 9: :62F: currency 'XYZ' is not an ISO 4217 currency code"));
    }

    @Test
    void headerLinesAndEmptyStatementsAreFine() {
        String mt940 = "ABNANL2A\n940\nABNANL2A\n:20:A\n:25:1\n:60F:C240105EUR0,00\n:62F:C240105EUR0,00\n-\n";
        ParsedBankFile file = BankFileReader.read(utf8(mt940));
        assertThat(file.statements()).singleElement().satisfies(s -> {
            assertThat(s.account()).isEqualTo("1");
            assertThat(s.transactions()).isEmpty();
        });
    }

    @Test
    void fieldsOutsideAStatementAndMissingBalancesAreNamed() {
        assertThatThrownBy(() -> Mt940Reader.read(utf8(":25:1\n:20:A\n:25:1\n:60F:C240105EUR0,00\n:62F:C240105EUR0,00\n")))
                .hasMessage("line 1: :25: comes before the first :20: that starts a statement")
                .satisfies(e -> assertThat(((ImportException) e).errors()).extracting(ImportError::message)
                        .containsExactly("line 1: :25: comes before the first :20: that starts a statement"));
        assertThatThrownBy(() -> BankFileReader.read(utf8(":20:A\n:25:1\n:61:240105C1,00NTRFNONREF\n-\n")))
                .satisfies(e -> assertThat(((ImportException) e).errors()).extracting(ImportError::message)
                        .containsExactly("line 1: statement :20:A (line 1) ends without its closing balance "
                                + "(:62F:): the transmission is incomplete",
                                "line 1: statement :20:A (line 1) has no opening balance (:60F:) "
                                + "to give the currency of its lines"));
    }

    @Test
    void aStatementCutOffBeforeItsClosingBalanceIsRefused() {
        String whole = ":20:A\n:25:1\n:28C:1\n:60F:C240105EUR0,00\n:61:240105C1,00NTRFNONREF\n:86:X\n"
                + ":62F:C240105EUR1,00\n-\n";
        assertThat(Mt940Reader.read(utf8(whole)).statements()).hasSize(1);
        String cut = whole + ":20:B\n:25:1\n:28C:2\n:60F:C240105EUR1,00\n:61:240106C2,00NTRFNONREF\n:86:Y\n";
        assertThatThrownBy(() -> Mt940Reader.read(utf8(cut)))
                .satisfies(e -> assertThat(((ImportException) e).errors()).singleElement()
                        .satisfies(error -> {
                            assertThat(error.line()).isEqualTo(9);
                            assertThat(error.message()).contains(":20:B", "closing balance");
                        }));
    }

    @Test
    void entriesThatDoNotAddUpAreReadAndTheDifferenceTold() {
        String text = ":20:A\n:25:1\n:28C:1\n:60F:C240105EUR100,00\n:61:240105C1,00NTRFNONREF\n:86:X\n"
                + ":61:240105D0,50NTRFNONREF\n:62F:C240105EUR101,00\n-\n";
        ParsedStatement s = Mt940Reader.read(utf8(text)).statements().get(0);
        assertThat(s.transactions()).hasSize(2);
        assertThat(s.expectedClosing()).isEqualByComparingTo("100.50");
        assertThat(s.difference()).isEqualByComparingTo("0.50");
    }
}
