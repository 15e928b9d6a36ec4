package io.crmrecon.bankfile;

import static io.crmrecon.bankfile.TestFiles.bankFile;
import static io.crmrecon.bankfile.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateKeyTest {

    private static ParsedTransaction line(String account, String reference, String amount, String remittance) {
        return new ParsedTransaction(account, reference, LocalDate.of(2024, 1, 31), LocalDate.of(2024, 1, 31),
                new BigDecimal(amount), "CNY", "Payer", "6222000011112222", remittance, null, null, null);
    }

    @Test
    void identicalLinesWithoutReferenceGetDifferentKeysAndRereadingGivesTheSameKeys() {
        List<ParsedTransaction> statement = List.of(
                line("ACC", null, "100.00", "card fee"),
                line("ACC", null, "100.00", "card fee"),
                line("ACC", null, "100.00", "card fee"));
        List<String> keys = DuplicateKey.keysOf(statement);
        assertThat(keys).doesNotHaveDuplicates().allMatch(k -> k.startsWith("N") && k.length() <= 80);
        assertThat(DuplicateKey.keysOf(new ArrayList<>(statement))).isEqualTo(keys);
        // the same first line in another import is the same first line: a duplicate of the one stored
        assertThat(DuplicateKey.keysOf(List.of(statement.get(0)))).containsExactly(keys.get(0));
    }

    @Test
    void aNoReferenceKeyUsesTheContractsFields() {
        String base = DuplicateKey.keysOf(List.of(line("ACC", null, "100.00", "x"))).get(0);
        // the same amount written differently, the account with spaces and lower case: the same line
        assertThat(DuplicateKey.keysOf(List.of(line("acc ", null, "100", "x")))).containsExactly(base);
        assertThat(DuplicateKey.keysOf(List.of(line("ACC", null, "100.01", "x")))).doesNotContain(base);
        assertThat(DuplicateKey.keysOf(List.of(line("ACC", null, "100.00", "y")))).doesNotContain(base);
        assertThat(DuplicateKey.keysOf(List.of(line("OTHER", null, "100.00", "x")))).doesNotContain(base);
        ParsedTransaction otherDay = new ParsedTransaction("ACC", null, LocalDate.of(2024, 2, 1), null,
                new BigDecimal("100.00"), "CNY", "Payer", "6222000011112222", "x", null, null, null);
        assertThat(DuplicateKey.keysOf(List.of(otherDay))).doesNotContain(base);
    }

    @Test
    void aBankReferenceAloneWithTheAccountMakesTheKey() {
        String key = DuplicateKey.keysOf(List.of(line("ACC", "REF-1", "100.00", "x"))).get(0);
        assertThat(key).startsWith("R").hasSize(65);
        // same account and reference: a duplicate whatever else the bank changed
        assertThat(DuplicateKey.keysOf(List.of(line("ACC", "REF-1", "99.00", "y")))).containsExactly(key);
        assertThat(DuplicateKey.keysOf(List.of(line("OTHER", "REF-1", "100.00", "x")))).doesNotContain(key);
        // a reference repeated inside one statement (a camt entry split in its details) stays unique
        List<String> split = DuplicateKey.keysOf(List.of(line("ACC", "REF-1", "1.00", "a"),
                line("ACC", "REF-1", "2.00", "b")));
        assertThat(split).doesNotHaveDuplicates().first().isEqualTo(key);
    }

    @Test
    void theSameTransactionInCamtAndCsvHasTheSameKey() {
        ParsedTransaction camt = BankFileReader.read(bankFile("genkgo-camt/camt053.v4.xml")).transactions().get(0);
        String csv = "transaction_id,account,booking_date,amount,currency\n"
                + "AAAASESS-FP-CN_98765/01,NL26 VAYB 8060 4768 90,2014-12-31,8.85,EUR\n";
        ParsedTransaction fromCsv = BankFileReader.read(utf8(csv)).transactions().get(0);
        assertThat(DuplicateKey.keysOf(List.of(fromCsv))).isEqualTo(DuplicateKey.keysOf(List.of(camt)));
    }

    @Test
    void aRealFileGivesUniqueStableKeys() {
        ParsedBankFile first = BankFileReader.read(bankFile("wolph-mt940/betterplace/sepa_mt9401.sta"));
        ParsedBankFile again = BankFileReader.read(bankFile("wolph-mt940/betterplace/sepa_mt9401.sta"));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < first.statements().size(); i++) {
            List<String> statementKeys = DuplicateKey.keysOf(first.statements().get(i).transactions());
            assertThat(DuplicateKey.keysOf(again.statements().get(i).transactions())).isEqualTo(statementKeys);
            keys.addAll(statementKeys);
        }
        assertThat(keys).hasSize(97).doesNotHaveDuplicates();
    }

    @Test
    void identicalNonrefLinesOfARealStatementDiffer() {
        // ABN AMRO: every line is NONREF; the amounts differ, so do the keys, and a repeated line gets occurrence 2
        List<ParsedTransaction> lines = new ArrayList<>(
                BankFileReader.read(bankFile("wolph-mt940/jejik/abnamro.sta")).statements().get(0).transactions());
        lines.add(lines.get(3));
        List<String> keys = DuplicateKey.keysOf(lines);
        assertThat(keys).hasSize(9).doesNotHaveDuplicates().allMatch(k -> k.startsWith("N"));
    }
}
