package io.crmrecon.bankfile;

import static io.crmrecon.bankfile.TestFiles.bankFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmrecon.common.ImportError;
import io.crmrecon.common.ImportException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The genkgo/camt sample files, each compared field by field with the result genkgo's own parser expects
 * ({@code *.expected.json}, a dump of its objects). That dump prints an object once and writes
 * {@code "__RECURSIVITY__"} wherever it meets it again, and its message-level entry list keeps only the last
 * record's entries; the comparison follows those references and says where the dump is silent.
 */
class CamtSampleFilesTest {

    private static final String DIR = "genkgo-camt/";
    private static final String SEEN = "__RECURSIVITY__";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void camt053v2Minimal() throws IOException {
        ParsedBankFile file = compareWithGenkgo("camt053.v2.minimal");
        assertThat(file.format()).isEqualTo(BankFileFormat.CAMT053);
        assertThat(file.transactions()).singleElement().satisfies(t -> {
            assertThat(t.amount()).isEqualByComparingTo("8.85");
            assertThat(t.counterpartyName()).isEqualTo("NAME NAME");
            assertThat(t.structuredReference()).isEqualTo("4654654654654654");
            assertThat(t.bankReference()).isNull();
        });
    }

    @Test
    void camt053v2MultiStatement() throws IOException {
        ParsedBankFile file = compareWithGenkgo("camt053.v2.multi.statement");
        // the dump holds only the second statement's entry; the first one, read from the XML itself
        ParsedStatement first = file.statements().get(0);
        assertThat(first.statementId()).isEqualTo("253EURNL26VAYB8060476890");
        assertThat(first.openingBalance()).isEqualByComparingTo("18.15");
        assertThat(first.closingBalance()).isEqualByComparingTo("27.00");
        assertThat(first.transactions()).singleElement().satisfies(t -> {
            assertThat(t.amount()).isEqualByComparingTo("8.85");
            assertThat(t.currency()).isEqualTo("EUR");
            assertThat(t.bookingDate()).isEqualTo(LocalDate.of(2014, 12, 31));
            assertThat(t.valueDate()).isEqualTo(LocalDate.of(2015, 1, 2));
            assertThat(t.endToEndId()).isEqualTo("000000001");
            assertThat(t.remittanceInfo()).isEqualTo("Transaction Description 1");
            // a credit whose only named party is the creditor (the account holder): no counterparty
            assertThat(t.counterpartyName()).isNull();
            assertThat(t.bankTxCode()).isEqualTo("544");
        });
        assertThat(file.transactions()).hasSize(2);
    }

    @Test
    void camt053v2WithPartyIds() throws IOException {
        ParsedBankFile file = compareWithGenkgo("camt053.v2.with-party-ids");
        assertThat(file.transactions()).hasSize(1);
    }

    @Test
    void camt053v4() throws IOException {
        ParsedBankFile file = compareWithGenkgo("camt053.v4");
        // Acct/Id/Othr/Id instead of an IBAN
        assertThat(file.statements().get(0).account()).isEqualTo("NL26VAYB8060476890");
        assertThat(file.transactions().get(0).bankReference()).isEqualTo("AAAASESS-FP-CN_98765/01");
    }

    @Test
    void camt054v4() throws IOException {
        ParsedBankFile file = compareWithGenkgo("camt054.v4");
        assertThat(file.format()).isEqualTo(BankFileFormat.CAMT054);
        // one entry with three TxDtls, each with its own amount: three transactions, signed by the entry (DBIT)
        assertThat(file.transactions()).extracting(ParsedTransaction::amount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("-3.10"), new BigDecimal("-3.20"), new BigDecimal("-3.20"));
        assertThat(file.transactions().get(2).remittanceInfo()).isEqualTo(
                "Unstructured Remittance Information V3 block 1 Unstructured Remittance Information V3 block 2");
        assertThat(DuplicateKey.keysOf(file.statements().get(0).transactions())).doesNotHaveDuplicates();
    }

    @Test
    void camt053v2WrongIsRejectedWithAReason() {
        assertThatThrownBy(() -> BankFileReader.read(bankFile(DIR + "camt053.v2.wrong.xml")))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("contains no statement")
                .hasMessageContaining("<BkToCstmrStmt> has only a group header and no <Stmt>")
                .satisfies(e -> assertThat(((ImportException) e).errors())
                        .extracting(ImportError::line).containsExactly(3));
    }

    /** Parses the XML and checks every transaction the expected dump shows, and the counts. */
    private ParsedBankFile compareWithGenkgo(String name) throws IOException {
        ParsedBankFile file = BankFileReader.read(bankFile(DIR + name + ".xml"));
        JsonNode expected = json.readTree(bankFile(DIR + name + ".expected.json"));

        assertThat(file.statements()).as("statements").hasSize(expected.get("getRecords").size());
        int compared = 0;
        for (JsonNode entry : expected.get("getEntries")) {
            JsonNode record = entry.get("getRecord");
            ParsedStatement statement = file.statements().stream()
                    .filter(s -> s.statementId().equals(record.get("getId").asText()))
                    .findFirst().orElseThrow();
            compareStatement(statement, record);

            List<JsonNode> details = details(entry);
            // genkgo's per-TxDtls amounts are what we split by; without them the entry is one transaction
            boolean split = details.size() > 1 && details.stream().allMatch(d -> !d.get("getAmount").isNull());
            int index = entry.get("getIndex").asInt();
            List<ParsedTransaction> transactions = statement.transactions();
            if (split) {
                assertThat(transactions).as("one transaction per TxDtls").hasSize(details.size());
                for (int i = 0; i < details.size(); i++) {
                    compareTransaction(transactions.get(i), entry, details.get(i), details.get(i).get("getAmount"));
                    compared++;
                }
            } else {
                assertThat(transactions.size()).as("transactions of " + record.get("getId").asText())
                        .isEqualTo(record.get("getEntries").size());
                JsonNode detail = details.isEmpty() ? null : details.get(0);
                compareTransaction(transactions.get(index), entry, detail, entry.get("getAmount"));
                compared++;
            }
        }
        assertThat(compared).isPositive();
        return file;
    }

    private static void compareStatement(ParsedStatement statement, JsonNode record) {
        assertThat(statement.account()).isEqualTo(record.get("getAccount").get("getIdentification").asText());
        for (JsonNode balance : record.path("getBalances")) {
            BigDecimal amount = money(balance.get("getAmount"));
            switch (balance.get("getType").asText()) {
                case "opening" -> assertThat(statement.openingBalance()).isEqualByComparingTo(amount);
                case "closing" -> assertThat(statement.closingBalance()).isEqualByComparingTo(amount);
                default -> {
                    // available balances are not part of the statement we keep
                }
            }
        }
    }

    private static void compareTransaction(ParsedTransaction t, JsonNode entry, JsonNode detail, JsonNode money) {
        assertThat(t.amount()).as("amount").isEqualByComparingTo(money(money));
        assertThat(t.currency()).as("currency").isEqualTo(money.get("getCurrency").get("getCode").asText());
        assertThat(t.bookingDate()).as("booking date").isEqualTo(date(entry.get("getBookingDate")));
        assertThat(t.valueDate()).as("value date").isEqualTo(date(entry.get("getValueDate")));

        JsonNode refs = detail == null ? null : detail.get("getReference");
        String servicerRef = text(entry.get("getAccountServicerReference"));
        if (servicerRef == null && refs != null) {
            servicerRef = text(refs.get("getAccountServicerReference"));
        }
        assertThat(t.bankReference()).as("bank reference (AcctSvcrRef)").isEqualTo(servicerRef);
        String endToEnd = refs == null ? null : text(refs.get("getEndToEndId"));
        assertThat(t.endToEndId()).as("end-to-end id").isEqualTo(endToEnd);

        String code = detail == null ? null : bankTxCode(detail.get("getBankTransactionCode"));
        assertThat(t.bankTxCode()).as("bank transaction code (TxDtls, else the entry's)")
                .isEqualTo(code != null ? code : bankTxCode(entry.get("getBankTransactionCode")));

        String partyClass = t.amount().signum() < 0 ? "Creditor" : "Debtor";
        JsonNode party = null;
        if (detail != null) {
            for (JsonNode p : detail.get("getRelatedParties")) {
                if (p.isObject() && p.get("getRelatedPartyType").get("__CLASS__").asText().endsWith("\\" + partyClass)) {
                    party = p;
                }
            }
        }
        assertThat(t.counterpartyName()).as("counterparty name")
                .isEqualTo(party == null ? null : text(party.get("getRelatedPartyType").get("getName")));
        assertThat(t.counterpartyAccount()).as("counterparty account")
                .isEqualTo(party == null ? null : text(party.get("getAccount").get("getIdentification")));

        JsonNode remittance = detail == null ? null : detail.get("getRemittanceInformation");
        List<String> unstructured = new ArrayList<>();
        String creditorRef = null;
        if (remittance != null && !remittance.isNull()) {
            for (JsonNode block : remittance.get("getUnstructuredBlocks")) {
                JsonNode b = block.isTextual() && SEEN.equals(block.asText())
                        ? remittance.get("getUnstructuredBlock") : block;
                unstructured.add(b.get("getMessage").asText());
            }
            JsonNode structured = remittance.get("getStructuredBlock");
            if (structured != null && !structured.isNull()) {
                JsonNode cri = structured.get("getCreditorReferenceInformation");
                if (cri.isTextual() && SEEN.equals(cri.asText())) {
                    cri = remittance.get("getCreditorReferenceInformation");
                }
                creditorRef = text(cri.get("getRef"));
            }
        }
        // without Ustrd, the bank's words about the entry (AddtlNtryInf) are the text a clerk and the matching read
        String entryInfo = text(entry.get("getAdditionalInfo"));
        assertThat(t.remittanceInfo()).as("remittance (Ustrd, else AddtlNtryInf)")
                .isEqualTo(!unstructured.isEmpty() ? String.join(" ", unstructured)
                        : entryInfo == null || entryInfo.isEmpty() ? null : entryInfo);
        assertThat(t.structuredReference()).as("structured reference (CdtrRefInf/Ref, else EndToEndId)")
                .isEqualTo(creditorRef != null ? creditorRef : endToEnd);
    }

    /** The entry's TxDtls, the first of which the dump writes out as the entry's getTransactionDetail. */
    private static List<JsonNode> details(JsonNode entry) {
        List<JsonNode> details = new ArrayList<>();
        for (JsonNode d : entry.get("getTransactionDetails")) {
            details.add(d.isTextual() && SEEN.equals(d.asText()) ? entry.get("getTransactionDetail") : d);
        }
        return details;
    }

    private static String bankTxCode(JsonNode code) {
        if (code == null || code.isNull()) {
            return null;
        }
        JsonNode domain = code.get("getDomain");
        if (domain != null && !domain.isNull()) {
            JsonNode family = domain.get("getFamily");
            return domain.get("getCode").asText() + "/" + family.get("getCode").asText() + "/"
                    + family.get("getSubFamilyCode").asText();
        }
        JsonNode proprietary = code.get("getProprietary");
        return proprietary == null || proprietary.isNull() ? null : proprietary.get("getCode").asText();
    }

    /** genkgo keeps money as minor units of the currency ("885" EUR is 8.85). */
    private static BigDecimal money(JsonNode money) {
        String currency = money.get("getCurrency").get("getCode").asText();
        return new BigDecimal(money.get("getAmount").asText())
                .movePointLeft(Currency.getInstance(currency).getDefaultFractionDigits());
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.get("0").asText().substring(0, 10));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
