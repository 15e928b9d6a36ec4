package io.crmrecon.bankfile;

import static io.crmrecon.bankfile.TestFiles.bankFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmrecon.common.ImportError;
import io.crmrecon.common.ImportException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real bank file of the corpus (src/test/resources/bankfiles, provenance and licences in the README there)
 * is read: its statements, their entry counts, and by how much each statement's entries miss its closing balance.
 * Most add up exactly; the parsers' authors edited figures in some samples, and those differences are asserted as
 * they are, so a reader that drops or misreads a line shows up as a changed difference.
 */
class BankFileCorpusTest {

    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of("genkgo-camt/camt053.v2.all-balance-types.xml", BankFileFormat.CAMT053, "1", "-5.82"),
                Arguments.of("genkgo-camt/camt053.v2.five.decimals.xml", BankFileFormat.CAMT053, "1", "0.05"),
                Arguments.of("genkgo-camt/camt053.v2.minimal.ultimate.xml", BankFileFormat.CAMT053, "1", "-54"),
                Arguments.of("genkgo-camt/camt053.v2.minimal.xml", BankFileFormat.CAMT053, "1", "-54"),
                Arguments.of("genkgo-camt/camt053.v2.multi.statement.xml", BankFileFormat.CAMT053, "1,1", "0,0"),
                Arguments.of("genkgo-camt/camt053.v2.with-account-name.xml", BankFileFormat.CAMT053, "1", "-"),
                Arguments.of("genkgo-camt/camt053.v2.with-party-ids.xml", BankFileFormat.CAMT053, "1", "-54"),
                Arguments.of("genkgo-camt/camt053.v3.xml", BankFileFormat.CAMT053, "1", "-54"),
                Arguments.of("genkgo-camt/camt053.v4.xml", BankFileFormat.CAMT053, "1", "-54"),
                Arguments.of("genkgo-camt/camt053.v8.xml", BankFileFormat.CAMT053, "1", "-54"),
                Arguments.of("genkgo-camt/camt054.v2.with-account-name.xml", BankFileFormat.CAMT054, "1", "-"),
                Arguments.of("genkgo-camt/camt054.v2.xml", BankFileFormat.CAMT054, "1", "-"),
                Arguments.of("genkgo-camt/camt054.v4.xml", BankFileFormat.CAMT054, "3", "-"),
                Arguments.of("genkgo-camt/camt054.v8-with-UETR.xml", BankFileFormat.CAMT054, "1", "-"),
                Arguments.of("genkgo-camt/camt054.v8-with-financial-institution.xml", BankFileFormat.CAMT054, "1", "-"),
                Arguments.of("genkgo-camt/camt054.v8.xml", BankFileFormat.CAMT054, "3", "-"),
                Arguments.of("oca-camt/test-camt053-no-ntry.xml", BankFileFormat.CAMT053, "0", "0"),
                Arguments.of("oca-camt/test-camt053-txdtls.xml", BankFileFormat.CAMT053, "2", "0"),
                Arguments.of("oca-camt/test-camt053.xml", BankFileFormat.CAMT053, "4", "-434.16"),
                Arguments.of("oca-camt/test-camt054.xml", BankFileFormat.CAMT054, "1", "-"),
                Arguments.of("subite-camt/LT-camt053-2024-10-02.xml", BankFileFormat.CAMT053, "10", "0"),
                Arguments.of("subite-camt/LT-camt054-2024-03-18.xml", BankFileFormat.CAMT054, "0", "-"),
                Arguments.of("svenstaro-mt940/danskebank/MT940_FI_Example.sta", BankFileFormat.MT940, "6", "0"),
                Arguments.of("svenstaro-mt940/danskebank/MT940_NO_Example.sta", BankFileFormat.MT940, "2,2,1,2,3,6,1,1,2,1,1,1,1", "0,0,0,0,0,0,0,0,0,0,0,0,0"),
                Arguments.of("svenstaro-mt940/danskebank/MT940_SE_Example.sta", BankFileFormat.MT940, "26,18,4,7,2,2,11,6,7,5,1,14", "0,0,0,0,0,0,0,0,0,0,0,0"),
                Arguments.of("jejik-mt940/deutschebank.txt", BankFileFormat.MT940, "1", "12.35"),
                Arguments.of("zilverline-mt940/triodos/triodos_iban.txt", BankFileFormat.MT940, "3", "0"),
                Arguments.of("zilverline-mt940/ing/ing_purp.txt", BankFileFormat.MT940, "1", "0"),
                Arguments.of("zilverline-mt940/ing/ing_00_00.txt", BankFileFormat.MT940, "1", "0"),
                Arguments.of("zilverline-mt940/ing/ing_references_fix.txt", BankFileFormat.MT940, "1", "0"),
                Arguments.of("fruitl00p-mt940/hsbc/sample.sta", BankFileFormat.MT940, "1", "20000"),
                Arguments.of("wolph-mt940/betterplace/sepa_mt9401.sta", BankFileFormat.MT940, "7,2,5,3,5,1,4,4,8,3,6,6,6,3,1,5,5,2,1,3,4,7,3,1,1,1", "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0"),
                Arguments.of("wolph-mt940/betterplace/sepa_snippet.sta", BankFileFormat.MT940, "4,7", "0,300.08"),
                Arguments.of("wolph-mt940/betterplace/sepa_snippet_broken.sta", BankFileFormat.MT940, "1", "307603.86"),
                Arguments.of("wolph-mt940/betterplace/with_binary_character.sta", BankFileFormat.MT940, "3,1", "0,0"),
                Arguments.of("wolph-mt940/cmxl/mt940.sta", BankFileFormat.MT940, "11,2,3", "0,0,0"),
                Arguments.of("wolph-mt940/jejik/abnamro.sta", BankFileFormat.MT940, "8,2", "-2038,-1002.6"),
                Arguments.of("wolph-mt940/jejik/generic.sta", BankFileFormat.MT940, "1,1", "0,0"),
                Arguments.of("wolph-mt940/jejik/ing.sta", BankFileFormat.MT940, "7", "49.06"),
                Arguments.of("wolph-mt940/jejik/knab.sta", BankFileFormat.MT940, "1,2", "0,4500"),
                Arguments.of("wolph-mt940/jejik/postfinance.sta", BankFileFormat.MT940, "2,2", "0,0.2"),
                Arguments.of("wolph-mt940/jejik/rabobank-iban.sta", BankFileFormat.MT940, "2,2", "0,0"),
                Arguments.of("wolph-mt940/jejik/rabobank.sta", BankFileFormat.MT940, "1,0,2,2", "1135.93,0,236.56,0"),
                Arguments.of("wolph-mt940/jejik/sns.sta", BankFileFormat.MT940, "2,0", "0,0"),
                Arguments.of("wolph-mt940/jejik/triodos.sta", BankFileFormat.MT940, "2", "111.4"),
                Arguments.of("wolph-mt940/other/ASNB/0708271685_09022020_164516.940.txt", BankFileFormat.MT940, "1,0,0,0,2,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,2,0,2", "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0"),
                Arguments.of("wolph-mt940/other/mBank/mt940.sta", BankFileFormat.MT940, "3", "0"),
                Arguments.of("wolph-mt940/other/mBank/with_newline_in_tnr.sta", BankFileFormat.MT940, "2", "770.71"),
                Arguments.of("wolph-mt940/other/sberbank/171011_01234945.sta", BankFileFormat.MT940, "3", "0"),
                Arguments.of("wolph-mt940/other/self-provided/details_60-63.sta", BankFileFormat.MT940, "1", "234.01"),
                Arguments.of("wolph-mt940/other/self-provided/february_30.sta", BankFileFormat.MT940, "1", "0"),
                Arguments.of("wolph-mt940/other/self-provided/long_statement_number.sta", BankFileFormat.MT940, "0", "0"),
                Arguments.of("wolph-mt940/other/self-provided/malformed_details.sta", BankFileFormat.MT940, "1", "234.01"),
                Arguments.of("wolph-mt940/other/self-provided/overly_long_details.sta", BankFileFormat.MT940, "1", "234.01"),
                Arguments.of("wolph-mt940/other/self-provided/raiffeisen-cmi.sta", BankFileFormat.MT940, "7", "1123264"),
                Arguments.of("wolph-mt940/other/self-provided/raphaelm.sta", BankFileFormat.MT940, "6,2,1", "0,0,0"),
                Arguments.of("wolph-mt940/other/self-provided/transaction_details_wrapped.sta", BankFileFormat.MT940, "1", "0"),
                Arguments.of("wolph-mt940/other/self-provided/whitespace.sta", BankFileFormat.MT940, "1", "234.01"),
                Arguments.of("wolph-mt940/other/self-provided/wrapped_timestamp.sta", BankFileFormat.MT940, "1", "0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everySampleImportsWithItsStatementsEntriesAndBalances(String path, BankFileFormat format, String entries,
            String differences) {
        ParsedBankFile file = BankFileReader.read(bankFile(path));
        assertThat(file.format()).isEqualTo(format);
        assertThat(file.statements()).extracting(s -> String.valueOf(s.transactions().size()))
                .containsExactly(entries.split(","));
        assertThat(file.statements()).extracting(s -> s.difference() == null ? "-"
                : s.difference().stripTrailingZeros().toPlainString()).containsExactly(differences.split(","));
        for (ParsedStatement s : file.statements()) {
            assertThat(s.account()).as("account of %s", s.statementId()).isNotBlank();
            for (ParsedTransaction t : s.transactions()) {
                assertThat(t.bookingDate()).isNotNull();
                assertThat(t.amount()).isNotNull();
                assertThat(t.currency()).hasSize(3);
            }
        }
        // reading again gives the same duplicate keys: a second import adds nothing
        for (ParsedStatement s : file.statements()) {
            assertThat(DuplicateKey.keysOf(s.transactions()))
                    .isEqualTo(DuplicateKey.keysOf(BankFileReader.read(bankFile(path)).statements()
                            .get(file.statements().indexOf(s)).transactions()));
        }
    }

    /** Fragments and cut transmissions from the same corpora: refused, naming the line. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "genkgo-camt/camt053.v2.wrong.xml, 3",
        "genkgo-camt/camt53.only-Dt-with-DtTm.xml, 9",
        "wolph-mt940/cmxl/statement_line.sta, 1",
        "wolph-mt940/other/mBank/mt942.sta, 2",
        "wolph-mt940/other/self-provided/gv_codes.sta, 1",
        "wolph-mt940/other/self-provided/mt942.sta, 1"})
    void whatIsNotAWholeStatementIsRefusedWithItsLine(String path, int line) {
        assertThatThrownBy(() -> BankFileReader.read(bankFile(path))).isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).errors()).extracting(ImportError::line)
                        .contains(line));
    }

    @Test
    void mBankFramedInSohWithFundsCodes() {
        ParsedBankFile file = BankFileReader.read(bankFile("wolph-mt940/other/mBank/mt940.sta"));
        ParsedStatement s = file.statements().get(0);
        assertThat(s.account()).isEqualTo("PL29114010810000267002001002");
        assertThat(s.openingBalance()).isEqualByComparingTo("0.40");
        assertThat(s.closingBalance()).isEqualByComparingTo("0.43");
        ParsedTransaction first = s.transactions().get(0);
        assertThat(first.amount()).isEqualByComparingTo("0.01");
        assertThat(first.currency()).isEqualTo("PLN");
        assertThat(first.bankReference()).isEqualTo("MB170119012058");
        assertThat(first.bookingDate()).isEqualTo(LocalDate.of(2017, 1, 19));
    }

    @Test
    void aBalanceWithoutCurrencyAndFundsCodeLetters() {
        ParsedBankFile file = BankFileReader.read(bankFile("wolph-mt940/other/self-provided/raphaelm.sta"));
        ParsedStatement first = file.statements().get(0);
        assertThat(first.currency()).isEqualTo("DEM");
        assertThat(first.closingBalance()).isEqualByComparingTo("105000.00");
        assertThat(first.transactions()).extracting(ParsedTransaction::amount).extracting(BigDecimal::intValue)
                .containsExactly(5000, 20000, 20000, 20000, 20000, 20000);
        assertThat(first.transactions().get(1).bankTxCode()).isEqualTo("NCHG");
    }

    @Test
    void thirtiethOfFebruaryIsTheLastDayOfFebruary() {
        ParsedTransaction t = BankFileReader.read(bankFile("wolph-mt940/other/self-provided/february_30.sta"))
                .transactions().get(0);
        assertThat(t.valueDate()).isEqualTo(LocalDate.of(2016, 2, 29));
    }

    @Test
    void camt054WithoutEntryDatesIsBookedOnItsNotificationDay() {
        ParsedBankFile file = BankFileReader.read(bankFile("genkgo-camt/camt054.v8-with-UETR.xml"));
        ParsedTransaction t = file.transactions().get(0);
        assertThat(t.bookingDate()).isEqualTo(LocalDate.of(2007, 10, 18));
        assertThat(t.amount()).isEqualByComparingTo("-200000");
        assertThat(t.currency()).isEqualTo("SEK");
    }

    @Test
    void latin1WithAnUmlautInTheReferenceIsReadAsLatin1() {
        ParsedBankFile file = BankFileReader.read(bankFile("wolph-mt940/betterplace/with_binary_character.sta"));
        assertThat(file.statements()).extracting(ParsedStatement::statementId).first().asString()
                .startsWith("STAR1\u00dcT\u00dfUMS");
    }

    @Test
    void theCorpusCoversEveryStatementSample() {
        // each listed file exists: a sample renamed or removed breaks this test, not silently the corpus
        corpus().forEach(a -> assertThat(bankFile((String) a.get()[0])).isNotEmpty());
        assertThat(corpus().count()).isGreaterThanOrEqualTo(40);
    }
}
