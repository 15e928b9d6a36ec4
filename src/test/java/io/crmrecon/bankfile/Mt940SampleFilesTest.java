package io.crmrecon.bankfile;

import static io.crmrecon.bankfile.TestFiles.bankFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The wolph/mt940 sample files, each compared with what wolph's parser reads from it. The expected figures come
 * from the {@code *.expected.yml} beside each file (Python-tagged YAML that SnakeYAML refuses), copied once into
 * the rows below with wolph's field names. Where our reading differs from wolph's by design, the test says how:
 * <ul>
 * <li>wolph signs RC/RD lines like C/D; RC (reversal of a credit) is money out, as the statements' own balances
 * confirm ({@link #betterplaceBalancesAddUp()});</li>
 * <li>the bank reference is wolph's bank_reference, else its customer_reference unless that only says there is
 * none (NONREF, Rabobank's EREF);</li>
 * <li>free-text {@code :86:} lines are joined with a space; structured ones are split into their fields;</li>
 * <li>a {@code :86:} after the closing balance describes the statement, not its last line (wolph appends it,
 * with ING's "-XXX" trailer).</li>
 * </ul>
 */
class Mt940SampleFilesTest {

    private static final String DIR = "wolph-mt940/";
    // placeholders banks write where a reference would stand (as Mt940Reader knows them)
    private static final Set<String> NO_REFERENCE = Set.of("NONREF", "NOTPROVIDED", "EREF", "PREF", "MARF", "KREF+");

    /** One transaction as wolph reads it: status, amount, date (value date), entry_date, customer_reference,
     *  bank_reference, extra_details, transaction_details (the :86: text, lines kept). */
    record Wolph(String status, String amount, String date, String entryDate, String customerReference,
            String bankReference, String extraDetails, String details) {
    }

    private static Wolph wolph(String status, String amount, String date, String entryDate, String customerReference,
            String bankReference, String extraDetails, String details) {
        return new Wolph(status, amount, date, entryDate, customerReference, bankReference, extraDetails, details);
    }

    private static final List<Wolph> ABNAMRO = List.of(
            wolph("D", "-9", "2011-05-24", "2011-05-24", "NONREF", null, null, "GIRO   428428 KPN - DIGITENNE    BETALINGSKENM.  000000042188659\n5314606715                       BETREFT FACTUUR D.D. 20-05-2011\nINCL. 1,44 BTW"),
            wolph("D", "-11.59", "2011-05-21", "2011-05-23", "NONREF", null, null, "BEA   NR:XXX1234   21.05.11/12.54 DIRCKIII FIL2500 KATWIJK,PAS999"),
            wolph("D", "-11.63", "2011-05-23", "2011-05-23", "NONREF", null, null, "BEA   NR:XXX1234   23.05.11/09.08 DIGROS FIL1015 KATWIJK Z,PAS999"),
            wolph("D", "-11.8", "2011-05-22", "2011-05-23", "NONREF", null, null, "BEA   NR:XXX1234   22.05.11/14.25 MC DONALDS A44 LEIDEN,PAS999"),
            wolph("D", "-13.45", "2011-05-21", "2011-05-23", "NONREF", null, null, "BEA   NR:XXX1234   21.05.11/12.09 PRINCE FIL. 55 KATWIJK Z,PAS999"),
            wolph("D", "-15.49", "2011-05-21", "2011-05-23", "NONREF", null, null, "BEA   NR:XXX1234   21.05.11/12.55 DIRX FIL6017 KATWIJK ZH ,PAS999"),
            wolph("D", "-107", "2011-05-21", "2011-05-23", "NONREF", null, null, "BEA   NR:XXX1234   21.05.11/12.04 HANS ANDERS OPT./056 KAT,PAS999"),
            wolph("D", "-141.48", "2011-05-22", "2011-05-23", "NONREF", null, null, "BEA   NR:XXX1234   22.05.11/13.45 MYCOM DEN HAAG  S-GRAVEN,PAS999"),
            wolph("D", "-9.49", "2011-05-24", "2011-05-24", "NONREF", null, null, "BEA   NR:XXX1234   24.05.11/09.18 PETS PLACE KATWIJK KATWI,PAS999"),
            wolph("D", "-15", "2011-05-24", "2011-05-24", "NONREF", null, null, "52.89.39.882                    MYCOM DEN HAAG")
    );

    private static final List<Wolph> ING = List.of(
            wolph("D", "-25.03", "2010-07-22", null, "NONREF", null, null, "RC AFREKENING BETALINGSVERKEER\nBETREFT REKENING 4715589 PERIODE: 01-10-2010 / 31-12-2010\nING Bank N.V. tarifering ING"),
            wolph("D", "-3.03", "2010-07-22", null, "NONREF", null, null, "0111111111 GPSEOUL SPOEDBETALING\tMPBZS1016000047 GPSEOUL"),
            wolph("D", "-1.11", "2010-07-22", null, "TMG TANGO", null, null, "0111111111 ING iDEAL KN: TMG TANGO TRANSACTIENR 0050000534527978 10\u00ad06\u00ad2010 15:32 TMG TANGO ING Bank inzake GPKyoto"),
            wolph("D", "-20.00", "2010-07-22", null, "NONREF", null, null, "ABN AMRO BANK>AMSTERDAM 22\u00ad07\u00ad2010 09:57 002\t5595781"),
            wolph("D", "-1.10", "2010-07-22", null, "NONREF", null, null, "0111111111 GPPeking 170000001AC"),
            wolph("C", "3.68", "2010-07-22", null, "NONREF", null, null, "0123456789 EJ46GREENP100610T1456 CLIEOP TMG GPHONGKONG AMSTERDAM"),
            wolph("C", "1.00", "2010-07-23", null, "NONREF", null, null, "0111111111 Hr S Marechal\nROSMALEN Hr S Marechal ROSMALEN\nBetaling transactiedatum: 22-07-2010\nD000004C000002D25,24C28,71\n-XXX")
    );

    private static final List<Wolph> RABOBANK = List.of(
            wolph("D", "-25.00", "2013-01-01", null, "EREF", null, "NL70ABNA0987654321", "/EREF/01-01-2013 12:00 0030000987654321/BENM//NAME/CONTRA ACCOUN\nT HOLDER/REMI//ISDT/2013-07-11"),
            wolph("D", "-10.00", "2013-01-02", null, "NONREF", null, "P001234567", "/BENM//NAME/JOHN DOE/REMI/Reference 201301234/ISDT/2013-01-02"),
            wolph("D", "-25.00", "2013-01-08", null, "EREF", null, "NL70ABNA0987654321", "/EREF/08-01-2013 12:00 0030000987654321/BENM//NAME/CONTRA ACCOUN\nT HOLDER/REMI//ISDT/2013-07-11"),
            wolph("D", "-10.00", "2013-01-09", null, "NONREF", null, "P001234567", "/BENM//NAME/JOHN DOE/REMI/Reference 201301234/ISDT/2013-01-09")
    );

    private static final List<Wolph> TRIODOS = List.of(
            wolph("D", "-15.70", "2011-01-01", null, "NONREF", null, null, "000>100987654321\n>20ALGEMENE TUSSENREKENING KOS>21TEN VAN 01-10-2010 TOT EN M\n>22ET 31-12-2010>310390123456"),
            wolph("D", "-700.00", "2011-01-25", null, "NONREF", null, null, "000>100133967858\n>20 HUUR>21 KANTOOR - FEB 2010")
    );

    @Test
    void abnAmroTwoStatementsWithHeaderLines() {
        ParsedBankFile file = BankFileReader.read(bankFile(DIR + "jejik/abnamro.sta"));
        assertThat(file.format()).isEqualTo(BankFileFormat.MT940);
        assertMatchesWolph(file.transactions(), ABNAMRO);
        for (int i = 0; i < ABNAMRO.size(); i++) {
            assertThat(file.transactions().get(i).remittanceInfo()).isEqualTo(freeText(ABNAMRO.get(i).details()));
        }
        // wolph: final_opening 3236.28 / final_closing 876.84 (:60F:/:62F:), intermediate 2876.84 / 1849.75 (:60M:/:62M:)
        assertThat(file.statements()).extracting(ParsedStatement::statementId)
                .containsExactly("ABN AMRO BANK NV/19321/1", "ABN AMRO BANK NV/19322/1");
        assertStatement(file.statements().get(0), "517852257", "3236.28", "876.84", 8);
        assertStatement(file.statements().get(1), "517852257", "2876.84", "1849.75", 2);
    }

    @Test
    void ingWithHeaderLinesAndStatementInformation() {
        ParsedBankFile file = BankFileReader.read(bankFile(DIR + "jejik/ing.sta"));
        assertMatchesWolph(file.transactions(), ING);
        for (int i = 0; i < ING.size(); i++) {
            String details = ING.get(i).details();
            if (i == ING.size() - 1) {
                // wolph appends the statement's own :86: (after :62F:) and the "-XXX" trailer to the last line
                assertThat(details).endsWith("\nD000004C000002D25,24C28,71\n-XXX");
                details = details.substring(0, details.indexOf("\nD000004C"));
            }
            assertThat(file.transactions().get(i).remittanceInfo()).isEqualTo(freeText(details));
        }
        // the account owner's reference is no bank reference (not unique); matching reads it as a structured one
        assertThat(file.transactions().get(2).bankReference()).isNull();
        assertThat(file.transactions().get(2).structuredReference()).isEqualTo("TMG TANGO");
        assertThat(file.statements()).singleElement()
                .satisfies(s -> assertStatement(s, "0001234567", "0.00", "3.47", 7));
    }

    @Test
    void rabobankStructuredSlashCodes() {
        ParsedBankFile file = BankFileReader.read(bankFile(DIR + "jejik/rabobank-iban.sta"));
        assertMatchesWolph(file.transactions(), RABOBANK);
        // /EREF/.../BENM//NAME/CONTRA ACCOUN|T HOLDER/REMI//ISDT/... : the name is wrapped mid-word
        List<ParsedTransaction> t = file.transactions();
        for (int i : new int[] {0, 2}) {
            assertThat(t.get(i).counterpartyName()).isEqualTo("CONTRA ACCOUNT HOLDER");
            assertThat(t.get(i).counterpartyAccount()).isEqualTo(RABOBANK.get(i).extraDetails());
            assertThat(t.get(i).remittanceInfo()).isNull();
        }
        assertThat(t.get(0).endToEndId()).isEqualTo("01-01-2013 12:00 0030000987654321");
        assertThat(t.get(0).structuredReference()).isEqualTo("01-01-2013 12:00 0030000987654321");
        assertThat(t.get(2).endToEndId()).isEqualTo("08-01-2013 12:00 0030000987654321");
        for (int i : new int[] {1, 3}) {
            assertThat(t.get(i).counterpartyName()).isEqualTo("JOHN DOE");
            assertThat(t.get(i).remittanceInfo()).isEqualTo("Reference 201301234");
            // "P001234567" (supplementary details) is no IBAN
            assertThat(t.get(i).counterpartyAccount()).isNull();
            assertThat(t.get(i).endToEndId()).isNull();
        }
        assertThat(file.statements()).hasSize(2);
        // wolph: final_opening 965.00 / final_closing 930.00 are the second statement's
        assertStatement(file.statements().get(0), "NL71RABO0123456789", "1000.00", "965.00", 2);
        assertStatement(file.statements().get(1), "NL71RABO0123456789", "965.00", "930.00", 2);
    }

    @Test
    void triodosSubFieldsWithAngleBrackets() {
        ParsedBankFile file = BankFileReader.read(bankFile(DIR + "jejik/triodos.sta"));
        assertMatchesWolph(file.transactions(), TRIODOS);
        // 000>10..>20ALGEMENE TUSSENREKENING KOS>21TEN VAN ... >22ET 31-12-2010>310390123456
        ParsedTransaction first = file.transactions().get(0);
        assertThat(first.remittanceInfo()).isEqualTo("ALGEMENE TUSSENREKENING KOSTEN VAN 01-10-2010 TOT EN MET 31-12-2010");
        // >31 is the statement's own account (:25:TRIODOSBANK/0390123456), not the counterparty's
        assertThat(first.counterpartyAccount()).isNull();
        assertThat(file.transactions().get(1).remittanceInfo()).isEqualTo("HUUR KANTOOR - FEB 2010");
        assertThat(file.statements()).singleElement()
                .satisfies(s -> assertStatement(s, "TRIODOSBANK/0390123456", "4975.09", "4370.79", 2));
    }

    @Test
    void betterplaceGermanSepaSubFields() {
        ParsedBankFile file = BankFileReader.read(bankFile(DIR + "betterplace/sepa_mt9401.sta"));
        List<ParsedTransaction> transactions = file.transactions();
        List<BetterplaceExpected.Row> expected = BetterplaceExpected.TRANSACTIONS;
        assertThat(transactions).hasSize(97).hasSize(expected.size());
        assertThat(file.statements()).hasSize(26);
        for (int i = 0; i < expected.size(); i++) {
            BetterplaceExpected.Row e = expected.get(i);
            ParsedTransaction t = transactions.get(i);
            String at = "transaction " + (i + 1);
            assertThat(t.amount()).as(at + " amount").isEqualTo(amount(e.status(), e.amount()));
            assertThat(t.currency()).as(at).isEqualTo("EUR");
            assertThat(t.valueDate()).as(at + " value date").isEqualTo(LocalDate.parse(e.date()));
            assertThat(t.bookingDate()).as(at + " booking date").isEqualTo(LocalDate.parse(e.entryDate()));
            assertThat(t.bankReference()).as(at + " bank reference").isEqualTo(e.bankReference());
            String remittance = e.purpose() == null && e.additionalPurpose() == null ? null
                    : nullToEmpty(e.purpose()) + nullToEmpty(e.additionalPurpose());
            assertThat(t.remittanceInfo()).as(at + " remittance (SVWZ+, ?60)").isEqualTo(remittance);
            assertThat(t.counterpartyName()).as(at + " name (?32?33)").isEqualTo(e.applicantName());
            assertThat(t.counterpartyAccount()).as(at + " account (?31)").isEqualTo(e.applicantIban());
            String endToEnd = "NONREF".equals(e.endToEndReference()) ? null : e.endToEndReference();
            assertThat(t.endToEndId()).as(at + " EREF+").isEqualTo(endToEnd);
            if (endToEnd != null) {
                assertThat(t.structuredReference()).as(at + " EREF+").isEqualTo(endToEnd);
            } else if (e.customerReference() != null) {
                // wolph reads no owner's reference where it has spaces ("TFNr 01011 MSGID"); SWIFT allows them
                assertThat(t.structuredReference()).as(at + " the owner's reference")
                        .isEqualTo(ownerReference(e.customerReference()));
            }
        }
        // the two reversals (RC) of the file
        assertThat(transactions.get(5).amount()).isEqualByComparingTo("-204.88");
        assertThat(transactions.get(5).bankTxCode()).isEqualTo("NRTI");
    }

    @Test
    void betterplaceBalancesAddUp() {
        ParsedBankFile file = BankFileReader.read(bankFile(DIR + "betterplace/sepa_mt9401.sta"));
        for (ParsedStatement s : file.statements()) {
            BigDecimal sum = s.transactions().stream().map(ParsedTransaction::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(s.openingBalance().add(sum)).as(s.statementId()).isEqualByComparingTo(s.closingBalance());
        }
        // wolph's last statement: final_opening 0 (22 Aug), final_closing 50.05
        ParsedStatement last = file.statements().get(file.statements().size() - 1);
        assertStatement(last, "50880050/0194804000888", "0", "50.05", 1);
    }

    private static void assertMatchesWolph(List<ParsedTransaction> transactions, List<Wolph> expected) {
        assertThat(transactions).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Wolph e = expected.get(i);
            ParsedTransaction t = transactions.get(i);
            String at = "transaction " + (i + 1);
            assertThat(t.amount()).as(at + " amount").isEqualTo(amount(e.status(), e.amount()));
            assertThat(t.currency()).as(at).isEqualTo("EUR");
            assertThat(t.valueDate()).as(at + " value date").isEqualTo(LocalDate.parse(e.date()));
            assertThat(t.bookingDate()).as(at + " booking date")
                    .isEqualTo(LocalDate.parse(e.entryDate() != null ? e.entryDate() : e.date()));
            assertThat(t.bankReference()).as(at + " bank reference").isEqualTo(e.bankReference());
        }
    }

    private static void assertStatement(ParsedStatement s, String account, String opening, String closing, int lines) {
        assertThat(s.account()).isEqualTo(account);
        assertThat(s.currency()).isEqualTo("EUR");
        assertThat(s.openingBalance()).isEqualByComparingTo(opening);
        assertThat(s.closingBalance()).isEqualByComparingTo(closing);
        assertThat(s.transactions()).hasSize(lines);
    }

    /** wolph's amount at wolph's scale; RC is money out whatever wolph's sign. */
    private static BigDecimal amount(String status, String amount) {
        BigDecimal a = new BigDecimal(amount);
        return status.equals("RC") ? a.abs().negate() : status.equals("RD") ? a.abs() : a;
    }

    /** wolph appends the :61: supplementary details to the owner's reference after a line break. */
    private static String ownerReference(String customerReference) {
        String reference = customerReference == null ? null : customerReference.lines().findFirst().orElse(null);
        return reference == null || NO_REFERENCE.contains(reference) ? null : reference;
    }

    private static String freeText(String details) {
        return String.join(" ", details.lines().map(String::strip).toList());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
