package io.crmrecon.bankfile;

import static io.crmrecon.bankfile.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.crmrecon.common.ImportError;
import io.crmrecon.common.ImportException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CamtReaderTest {

    private static final String DOCTYPE = "XML with a DOCTYPE is not accepted (entities are never resolved)";

    static String camt053(String version, String account, String entries) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.%s">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>M1</MsgId><CreDtTm>2024-01-31T18:00:00+08:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>S1</Id>
                      <Acct><Id>%s</Id><Ccy>CNY</Ccy></Acct>
                      <Bal><Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">100.00</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2024-01-30</Dt></Dt></Bal>
                      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">50.00</Amt>
                        <CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2024-01-31</Dt></Dt></Bal>
                %s
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(version, account, entries);
    }

    @Test
    void readsVersion8WithPartyWrappersOtherAccountAndDateTimes() {
        String entries = """
                      <Ntry>
                        <Amt Ccy="CNY">12800.00</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><DtTm>2024-01-31T23:30:00+08:00</DtTm></BookgDt>
                        <ValDt><Dt>2024-02-01</Dt></ValDt>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls><TxDtls>
                          <Refs><AcctSvcrRef>BANKREF-1</AcctSvcrRef><EndToEndId>NOTPROVIDED</EndToEndId></Refs>
                          <RltdPties>
                            <Dbtr><Pty><Nm>上海鼎新贸易有限公司</Nm></Pty></Dbtr>
                            <DbtrAcct><Id><Othr><Id>6222 0000 1111</Id></Othr></Id></DbtrAcct>
                            <Cdtr><Pty><Nm>Our Company</Nm></Pty></Cdtr>
                          </RltdPties>
                          <RmtInf><Ustrd>INV-2024-001</Ustrd><Ustrd>INV-2024-002</Ustrd></RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                      <Ntry>
                        <Amt Ccy="CNY">99.00</Amt>
                        <CdtDbtInd>DBIT</CdtDbtInd>
                        <Sts><Cd>PDNG</Cd></Sts>
                        <BookgDt><Dt>2024-01-31</Dt></BookgDt>
                      </Ntry>
                      <Ntry>
                        <Amt Ccy="CNY">20.5</Amt>
                        <CdtDbtInd>DBIT</CdtDbtInd>
                        <Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>2024-01-31</Dt></BookgDt>
                        <BkTxCd><Prtry><Cd>FEE</Cd></Prtry></BkTxCd>
                        <NtryDtls><TxDtls>
                          <RltdPties><Cdtr><Pty><Nm>Bank</Nm></Pty></Cdtr></RltdPties>
                          <RmtInf><Strd><CdtrRefInf><Ref>RF18539007547034</Ref></CdtrRefInf></Strd></RmtInf>
                        </TxDtls></NtryDtls>
                      </Ntry>
                """;
        ParsedBankFile file = BankFileReader.read(utf8(camt053("08",
                "<Othr><Id>31001234567890</Id></Othr>", entries)));

        assertThat(file.format()).isEqualTo(BankFileFormat.CAMT053);
        ParsedStatement statement = file.statements().get(0);
        assertThat(statement.account()).isEqualTo("31001234567890");
        // the pending entry is not imported, but counted for the import's warning
        assertThat(statement.notBooked()).isEqualTo(1);
        assertThat(statement.currency()).isEqualTo("CNY");
        // no OPBD: the previous closing balance opens the statement
        assertThat(statement.openingBalance()).isEqualByComparingTo("100.00");
        assertThat(statement.closingBalance()).isEqualByComparingTo("-50.00");
        // the pending entry is left out
        assertThat(statement.transactions()).hasSize(2);

        ParsedTransaction in = statement.transactions().get(0);
        assertThat(in.amount()).isEqualByComparingTo("12800.00").hasScaleOf(2);
        assertThat(in.bookingDate()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(in.valueDate()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(in.bankReference()).isEqualTo("BANKREF-1");
        assertThat(in.endToEndId()).isNull();
        assertThat(in.counterpartyName()).isEqualTo("上海鼎新贸易有限公司");
        assertThat(in.counterpartyAccount()).isEqualTo("6222 0000 1111");
        assertThat(in.remittanceInfo()).isEqualTo("INV-2024-001 INV-2024-002");
        assertThat(in.structuredReference()).isNull();
        assertThat(in.bankTxCode()).isEqualTo("PMNT/RCDT/DMCT");

        ParsedTransaction fee = statement.transactions().get(1);
        assertThat(fee.amount()).isEqualByComparingTo("-20.5").hasScaleOf(1);
        assertThat(fee.valueDate()).isNull();
        assertThat(fee.counterpartyName()).isEqualTo("Bank");
        assertThat(fee.structuredReference()).isEqualTo("RF18539007547034");
        assertThat(fee.bankTxCode()).isEqualTo("FEE");
        assertThat(fee.bankReference()).isNull();
    }

    @Test
    void anEntryWithSeveralDetailsButNoDetailAmountsStaysOneTransaction() {
        String entries = """
                      <Ntry>
                        <Amt Ccy="CNY">300.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                        <BookgDt><Dt>2024-01-31</Dt></BookgDt><AcctSvcrRef>B-77</AcctSvcrRef>
                        <NtryDtls>
                          <TxDtls><RmtInf><Ustrd>first</Ustrd></RmtInf></TxDtls>
                          <TxDtls><RmtInf><Ustrd>second</Ustrd></RmtInf></TxDtls>
                        </NtryDtls>
                      </Ntry>
                """;
        ParsedBankFile file = BankFileReader.read(utf8(camt053("02", "<IBAN>CN0012345</IBAN>", entries)));
        assertThat(file.transactions()).singleElement().satisfies(t -> {
            assertThat(t.amount()).isEqualByComparingTo("300.00");
            assertThat(t.bankReference()).isEqualTo("B-77");
            assertThat(t.remittanceInfo()).isEqualTo("first");
        });
    }

    @Test
    void camt054UsesNotifications() {
        String xml = """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn>
                  <GrpHdr><MsgId>N</MsgId><CreDtTm>2024-01-31T10:00:00</CreDtTm></GrpHdr>
                  <Ntfctn><Id>N-1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
                    <Ntry><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                      <BookgDt><Dt>2024-01-31</Dt></BookgDt><AcctSvcrRef>X1</AcctSvcrRef></Ntry>
                  </Ntfctn>
                </BkToCstmrDbtCdtNtfctn></Document>
                """;
        ParsedBankFile file = BankFileReader.read(utf8(xml));
        assertThat(file.format()).isEqualTo(BankFileFormat.CAMT054);
        assertThat(file.statements().get(0).statementId()).isEqualTo("N-1");
        assertThat(file.statements().get(0).openingBalance()).isNull();
        assertThat(file.transactions()).extracting(ParsedTransaction::account).containsExactly("DE89370400440532013000");
    }

    @Test
    void badEntriesAreAllNamedWithTheirLines() {
        String entries = """
                      <Ntry>
                        <CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-01-31</Dt></BookgDt>
                      </Ntry>
                      <Ntry>
                        <Amt Ccy="CNY">1.234</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-01-31</Dt></BookgDt>
                      </Ntry>
                      <Ntry>
                        <Amt Ccy="XXQ">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-01-31</Dt></BookgDt>
                      </Ntry>
                      <Ntry>
                        <Amt Ccy="CNY">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-02-30</Dt></BookgDt>
                      </Ntry>
                """;
        assertThatThrownBy(() -> BankFileReader.read(utf8(camt053("04", "<IBAN>CN1</IBAN>", entries))))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).errors()).extracting(ImportError::message)
                        .containsExactly(
                                "line 12: <Ntry> has no amount (<Amt>)",
                                "line 15: <Ntry> amount 1.234 has more decimals than CNY allows (2)",
                                "line 18: <Ntry> currency 'XXQ' is not an ISO 4217 currency code",
                                "line 21: <BookgDt> '2024-02-30' is not a date (yyyy-MM-dd)"));
    }

    @Test
    void malformedXmlNamesTheLine() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <Stmt>
                      <Id>S1</Idd>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """;
        assertThatThrownBy(() -> BankFileReader.read(utf8(xml)))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("line 5: the XML is not well-formed")
                .satisfies(e -> assertThat(((ImportException) e).errors()).extracting(ImportError::line)
                        .containsExactly(5));
    }

    @Test
    void truncatedXmlIsMalformed() {
        String xml = camt053("02", "<IBAN>CN1</IBAN>", "");
        assertThatThrownBy(() -> BankFileReader.read(utf8(xml.substring(0, xml.length() / 2))))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("the XML is not well-formed");
    }

    @Test
    void otherIso20022MessagesAreNotBankStatements() {
        String pain = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>
                """;
        assertThatThrownBy(() -> BankFileReader.read(utf8(pain)))
                .isInstanceOf(ImportException.class)
                .hasMessage("not a bank statement: XML root is <Document> of urn:iso:std:iso:20022:tech:xsd:"
                        + "pain.001.001.03 (expected camt.053 or camt.054)");
        assertThatThrownBy(() -> BankFileReader.read(utf8("<html><body>hello</body></html>")))
                .hasMessage("not a bank statement: XML root is <html> without a namespace "
                        + "(expected camt.053 or camt.054)");
    }

    @Test
    void versionsOutsideTheContractAreNamed() {
        assertThatThrownBy(() -> BankFileReader.read(utf8(camt053("14", "<IBAN>CN1</IBAN>", ""))))
                .hasMessage("camt.053 version 001.14 is not supported (001.02 to 001.13 are)");
        assertThatThrownBy(() -> BankFileReader.read(utf8(camt053("01", "<IBAN>CN1</IBAN>", ""))))
                .hasMessage("camt.053 version 001.01 is not supported (001.02 to 001.13 are)");
    }

    @Test
    void aDateWithATimeZoneIsTheDayWritten() {
        // an xs:date may carry a zone, as Raiffeisen writes its dates: the whole file was refused for it
        String entries = """
                      <Ntry>
                        <Amt Ccy="CNY">50.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>2024-01-31+02:00</Dt></BookgDt><ValDt><Dt>2024-01-30Z</Dt></ValDt>
                      </Ntry>
                """;
        ParsedTransaction t = BankFileReader.read(utf8(camt053("08", "<IBAN>CN1</IBAN>", entries)))
                .transactions().get(0);
        assertThat(t.bookingDate()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(t.valueDate()).isEqualTo(LocalDate.of(2024, 1, 30));
    }

    @Test
    void aNettedBatchSignsEachDetailByItsOwnDirection() {
        // a credit of 95.00 that is 100.00 received less a fee of 5.00 taken from it (a Lithuanian bank's batches)
        String entries = """
                      <Ntry>
                        <Amt Ccy="CNY">95.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>2024-01-31</Dt></BookgDt>
                        <AddtlNtryInf>Batch of 2024-01-31</AddtlNtryInf>
                        <NtryDtls>
                          <TxDtls><Amt Ccy="CNY">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                            <RmtInf><Ustrd>INV-7</Ustrd></RmtInf></TxDtls>
                          <TxDtls><Amt Ccy="CNY">5.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>
                            <AddtlTxInf>Fee</AddtlTxInf></TxDtls>
                        </NtryDtls>
                      </Ntry>
                """;
        ParsedBankFile file = BankFileReader.read(utf8(camt053("10", "<IBAN>CN1</IBAN>", entries)));
        assertThat(file.transactions()).extracting(ParsedTransaction::amount)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("100.00"), new BigDecimal("-5.00"));
        // the fee's own words where it has no remittance information
        assertThat(file.transactions()).extracting(ParsedTransaction::remittanceInfo).containsExactly("INV-7", "Fee");
        assertThat(file.statements().get(0).entriesTotal()).isEqualByComparingTo("95.00");
    }

    @Test
    void theVersionsAfterTheContractsAreReadToo() {
        // banks already send 001.10 (a Lithuanian bank's notifications, viafintech's samples); later versions add
        // elements, and elements are looked for by name
        for (String version : List.of("09", "10", "13")) {
            assertThat(BankFileReader.read(utf8(camt053(version, "<IBAN>CN1</IBAN>", ""))).statements())
                    .hasSize(1);
        }
    }

    @Test
    void billionLaughsIsRejectedQuicklyWithoutExpansion() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE Document [\n  <!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("  <!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        dtd.append("]>\n");
        String xml = "<?xml version=\"1.0\"?>\n" + dtd
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">"
                + "<BkToCstmrStmt><GrpHdr><MsgId>&lol9;</MsgId></GrpHdr></BkToCstmrStmt></Document>";
        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThatThrownBy(() -> BankFileReader.read(utf8(xml)))
                        .isInstanceOf(ImportException.class)
                        .hasMessageEndingWith(DOCTYPE));
    }

    @Test
    void externalEntitiesAreNeverResolved() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                  <Stmt><Id>&xxe;</Id><Acct><Id><IBAN>&xxe;</IBAN></Id></Acct></Stmt>
                </BkToCstmrStmt></Document>
                """;
        assertThatThrownBy(() -> BankFileReader.read(utf8(xxe)))
                .isInstanceOf(ImportException.class)
                .hasMessageEndingWith(DOCTYPE)
                .satisfies(e -> assertThat(((ImportException) e).errors()).extracting(ImportError::message)
                        .noneMatch(m -> m.contains("root:")));

        // an external DTD or a parameter entity is not fetched either: the answer comes before any lookup
        String externalDtd = """
                <?xml version="1.0"?>
                <!DOCTYPE Document SYSTEM "http://127.0.0.1:9/evil.dtd">
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>
                """;
        String parameterEntity = """
                <?xml version="1.0"?>
                <!DOCTYPE Document [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>
                """;
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThatThrownBy(() -> BankFileReader.read(utf8(externalDtd))).hasMessageEndingWith(DOCTYPE);
            assertThatThrownBy(() -> BankFileReader.read(utf8(parameterEntity))).hasMessageEndingWith(DOCTYPE);
        });
    }

    @Test
    void absurdNestingIsRefused() {
        String xml = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>"
                + "<X>".repeat(5000) + "</X>".repeat(5000) + "</BkToCstmrStmt></Document>";
        assertThatThrownBy(() -> BankFileReader.read(utf8(xml)))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("line 1: the XML is not well-formed")
                .hasMessageContaining("maxElementDepth");
    }

    @Test
    void aStatementWithoutAccountIsNamed() {
        String xml = """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                  <GrpHdr><MsgId>M</MsgId></GrpHdr>
                  <Stmt><Id>S</Id>
                    <Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-01-01</Dt></BookgDt></Ntry>
                  </Stmt>
                </BkToCstmrStmt></Document>
                """;
        assertThatThrownBy(() -> BankFileReader.read(utf8(xml)))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).errors()).extracting(ImportError::message)
                        .containsExactly("line 3: <Stmt> has no account (<Acct><Id>) before its entries"));
    }

    @Test
    void aStatementThatOpensWithABalanceAndNeverClosesIsRefused() {
        String cut = camt053("02", "<IBAN>CN11</IBAN>", "").replace("""
                      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">50.00</Amt>
                        <CdtDbtInd>DBIT</CdtDbtInd><Dt><Dt>2024-01-31</Dt></Dt></Bal>
                """, "");
        assertThatThrownBy(() -> CamtReader.read(utf8(cut)))
                .satisfies(e -> assertThat(((ImportException) e).errors()).singleElement().satisfies(error -> {
                    assertThat(error.line()).isEqualTo(5);
                    assertThat(error.message()).contains("S1", "closing balance");
                }));
        // a page that says more pages follow closes on the last page
        String firstPage = cut.replace("<Id>S1</Id>", "<Id>S1</Id><StmtPgntn><PgNb>1</PgNb><LastPgInd>false</LastPgInd></StmtPgntn>");
        assertThat(CamtReader.read(utf8(firstPage)).statements().get(0).difference()).isNull();
    }

    @Test
    void entriesThatDoNotAddUpAreReadAndTheDifferenceTold() {
        // PRCD 100.00 CRDT, CLBD 50.00 DBIT: the entries should take 150.00 out; they take 99.00
        String entries = """
                      <Ntry><Amt Ccy="CNY">99.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>
                        <BookgDt><Dt>2024-01-31</Dt></BookgDt></Ntry>
                      <Ntry><Amt Ccy="CNY">7.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>PDNG</Sts>
                        <BookgDt><Dt>2024-01-31</Dt></BookgDt></Ntry>
                """;
        ParsedStatement s = CamtReader.read(utf8(camt053("02", "<IBAN>CN11</IBAN>", entries))).statements().get(0);
        assertThat(s.expectedClosing()).isEqualByComparingTo("1.00");
        assertThat(s.difference()).isEqualByComparingTo("-51.00");
    }
}
