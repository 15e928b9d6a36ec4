package io.crmrecon.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** No bank line lost, none stored from a cut transmission, and what does not add up said in the answer. */
class BankStatementLinesIT extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    String account;

    @BeforeEach
    void setUp() {
        api = new Api(rest, "clerk").language("en");
        account = "CN" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
    }

    private String camt(String id, String date, String amount, String opening, String closing) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>%2$sT18:00:00</CreDtTm></GrpHdr>
                <Stmt><Id>%1$s</Id><Acct><Id><Othr><Id>%6$s</Id></Othr></Id><Ccy>CNY</Ccy></Acct>
                <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">%4$s</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                <Dt><Dt>%2$s</Dt></Dt></Bal>
                <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">%5$s</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                <Dt><Dt>%2$s</Dt></Dt></Bal>
                <Ntry><Amt Ccy="CNY">%3$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>%2$s</Dt></BookgDt><AcctSvcrRef>NONREF</AcctSvcrRef></Ntry>
                </Stmt></BkToCstmrStmt></Document>
                """.formatted(id, date, amount, opening, closing, account);
    }

    @Test
    void twoCamtFilesWithNonrefEntriesStoreBothLines() {
        var first = api.upload("/api/bank-statements", "a.xml", camt("S1", "2026-10-02", "100.00", "0.00", "100.00"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("transactions").asInt()).isEqualTo(1);
        assertThat(first.json().get("warnings")).isEmpty();
        var second = api.upload("/api/bank-statements", "b.xml",
                camt("S2", "2026-10-03", "250.00", "100.00", "350.00"));
        assertThat(second.json().get("transactions").asInt()).as(second.body()).isEqualTo(1);
        assertThat(second.json().get("duplicates").asInt()).isZero();
        var again = api.upload("/api/bank-statements", "b.xml", camt("S2", "2026-10-03", "250.00", "100.00", "350.00"));
        assertThat(again.json().get("transactions").asInt()).isZero();
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction WHERE account = ? "
                + "AND bank_reference IS NULL", Integer.class, account)).isEqualTo(2);
    }

    @Test
    void aStatementThatDoesNotAddUpIsImportedWithAWarningKeptWithIt() {
        var response = api.upload("/api/bank-statements", "c.xml",
                camt("S3", "2026-10-04", "100.00", "1000.00", "1090.50"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("transactions").asInt()).isEqualTo(1);
        var warning = response.json().get("warnings").get(0);
        assertThat(warning.get("statement").asText()).isEqualTo("S3");
        assertThat(warning.get("difference").asText()).isEqualTo("-9.50");
        assertThat(warning.get("currency").asText()).isEqualTo("CNY");
        assertThat(warning.get("message").asText()).contains("S3", "-9.50", "1090.50");
        long id = response.json().get("bankStatementId").asLong();
        assertThat(jdbc.queryForObject("SELECT warnings FROM bank_statement WHERE id = ?", String.class, id))
                .contains("S3", "-9.50");

        var zh = new Api(rest, "clerk").language("zh").upload("/api/bank-statements", "c.xml",
                camt("S3", "2026-10-04", "100.00", "1000.00", "1090.50"));
        assertThat(zh.json().get("warnings").get(0).get("message").asText()).contains("相差", "-9.50");
    }

    @Test
    void aNotificationOfOnlyPendingEntriesSaysWhyNothingWasImported() {
        String notification = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.10"><BkToCstmrDbtCdtNtfctn>
                <GrpHdr><MsgId>N1</MsgId><CreDtTm>2026-10-05T09:00:00</CreDtTm></GrpHdr>
                <Ntfctn><Id>N1</Id><CreDtTm>2026-10-05T09:00:00</CreDtTm>
                <Acct><Id><Othr><Id>%1$s</Id></Othr></Id><Ccy>CNY</Ccy></Acct>
                <Ntry><Amt Ccy="CNY">80.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>INFO</Cd></Sts></Ntry>
                <Ntry><Amt Ccy="CNY">20.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts></Ntry>
                </Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
                """.formatted(account);
        var response = api.upload("/api/bank-statements", "n.xml", notification);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("transactions").asInt()).isZero();
        var warning = response.json().get("warnings").get(0);
        assertThat(warning.get("statement").asText()).isEqualTo("N1");
        assertThat(warning.has("difference")).isFalse();
        assertThat(warning.get("message").asText()).contains("N1", "2 entries", "not imported");
        var zh = new Api(rest, "clerk").language("zh").upload("/api/bank-statements", "n.xml", notification);
        assertThat(zh.json().get("warnings").get(0).get("message").asText()).contains("2 笔", "未导入");
    }

    @Test
    void anMt940CutOffBeforeItsClosingBalanceIs422AndStoresNothing() {
        String mt940 = ":20:A\n:25:" + account + "\n:28C:1\n:60F:C261002CNY0,00\n:61:261002C10,00NTRFNONREF\n"
                + ":86:X\n:62F:C261002CNY10,00\n-\n:20:B\n:25:" + account + "\n:28C:2\n:60F:C261002CNY10,00\n"
                + ":61:261003C5,00NTRFNONREF\n:86:Y\n";
        var response = api.upload("/api/bank-statements", "cut.sta", mt940);
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("line").asInt()).isEqualTo(9);
        assertThat(response.json().get("errors").get(0).get("message").asText()).contains(":20:B");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction WHERE account = ?", Integer.class,
                account)).isZero();
    }

    @Test
    void aBankFile422ReadsInTheCallersLanguageAndCountsItsErrorsOnce() {
        String bad = ":20:BAD\n:25:" + account + "\n:60F:C261002CNY0,00\n:61:261002CNTRFNONREF\n"
                + ":61:261302C1,00NTRFNONREF\n:62F:C261002CNY0,00\n-\n";
        var en = api.upload("/api/bank-statements", "bad.sta", bad);
        assertThat(en.status()).as(en.body()).isEqualTo(422);
        assertThat(en.json().get("detail").asText()).isEqualTo("errors in the MT940 file, nothing was imported (2)");
        assertThat(en.json().get("errors").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(en.json().get("errors").get(0).get("message").asText())
                .isEqualTo("line 4: :61: statement line has no amount");

        var zh = new Api(rest, "clerk").language("zh").upload("/api/bank-statements", "bad.sta", bad);
        assertThat(zh.status()).isEqualTo(422);
        assertThat(zh.json().get("detail").asText()).isEqualTo("MT940 文件有错误，未导入任何数据 (2)");
        assertThat(zh.json().get("errors").get(0).get("message").asText()).isEqualTo("第 4 行：:61: 流水行没有金额");
        assertThat(zh.json().get("errors").get(1).get("message").asText()).startsWith("第 5 行：");

        var unknown = new Api(rest, "clerk").language("zh").upload("/api/bank-statements", "note.txt", "hello");
        assertThat(unknown.json().get("detail").asText()).startsWith("无法识别的银行文件");
        var csv = api.upload("/api/bank-statements", "bank.csv", "account,booking_date,amount,currency\n"
                + account + ",2026-10-02,0,CNY\n");
        assertThat(csv.json().get("errors").get(0).get("message").asText())
                .isEqualTo("amount must not be zero (> 0 money in, < 0 money out)");
    }

    @Test
    void aLatinCharsetNamedByTheUploadIsReadAsSuch() {
        String mt940 = ":20:L1\n:25:" + account + "\n:28C:1\n:60F:C261002EUR0,00\n:61:261002C10,00NTRFNONREF\n"
                + ":86:Gr\u00fc\u00dfe\n:62F:C261002EUR10,00\n-\n";
        var response = api.upload("/api/bank-statements?charset=ISO-8859-1", "latin.sta",
                mt940.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT remittance_info FROM bank_transaction WHERE account = ?",
                String.class, account)).isEqualTo("Gr\u00fc\u00dfe");
    }
}
