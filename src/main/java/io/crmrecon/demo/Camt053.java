package io.crmrecon.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;

/**
 * Writes one ISO 20022 camt.053.001.02 bank-to-customer statement, elements in schema order, streamed: the
 * header needs the totals, so the caller supplies them (computed by a first pass over the same entries).
 */
final class Camt053 {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";
    /** the company's time zone offset, used in the timestamps of the file */
    private static final String OFFSET = "+08:00";

    /** The statement itself. */
    record Header(String messageId, LocalDate created, String statementId, long sequenceNumber,
                  LocalDate from, LocalDate to, String account, String currency, String ownerName,
                  String servicerBic, String servicerName, BigDecimal openingBalance, BigDecimal closingBalance,
                  int credits, BigDecimal creditSum, int debits, BigDecimal debitSum) {
    }

    /**
     * One booked entry with one transaction. {@code amount} is positive; {@code credit} says the direction. The
     * party is the debtor of a credit (who paid us) or the creditor of a debit (whom we paid); null for none.
     */
    record Entry(String entryRef, BigDecimal amount, boolean credit, LocalDate bookingDate, LocalDate valueDate,
                 String accountServicerRef, String domain, String family, String subFamily,
                 String partyName, String partyAccount, boolean partyAccountIsIban, String partyAgent,
                 String remittance) {
    }

    /** Totals of a sequence of entries, for the header. */
    static final class Totals {
        int credits;
        int debits;
        BigDecimal creditSum = BigDecimal.ZERO.setScale(2);
        BigDecimal debitSum = BigDecimal.ZERO.setScale(2);

        void add(Entry e) {
            if (e.credit()) {
                credits++;
                creditSum = creditSum.add(e.amount());
            } else {
                debits++;
                debitSum = debitSum.add(e.amount());
            }
        }

        BigDecimal net() {
            return creditSum.subtract(debitSum);
        }
    }

    private Camt053() {
    }

    /** Writes the file to {@code out} (not closed, flushed). */
    static void write(OutputStream out, Header h, Iterator<Entry> entries) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        XmlWriter x = new XmlWriter(w);
        x.declaration();
        x.start("Document", "xmlns", NAMESPACE, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
        x.start("BkToCstmrStmt");
        x.start("GrpHdr");
        x.leaf("MsgId", h.messageId());
        x.leaf("CreDtTm", h.created() + "T06:30:00" + OFFSET);
        x.start("MsgPgntn");
        x.leaf("PgNb", "1");
        x.leaf("LastPgInd", "true");
        x.end();
        x.end();
        x.start("Stmt");
        x.leaf("Id", h.statementId());
        x.leaf("ElctrncSeqNb", Long.toString(h.sequenceNumber()));
        x.leaf("CreDtTm", h.created() + "T06:30:00" + OFFSET);
        x.start("FrToDt");
        x.leaf("FrDtTm", h.from() + "T00:00:00" + OFFSET);
        x.leaf("ToDtTm", h.to() + "T23:59:59" + OFFSET);
        x.end();
        x.start("Acct");
        x.start("Id");
        x.start("Othr");
        x.leaf("Id", h.account());
        x.end();
        x.end();
        x.leaf("Ccy", h.currency());
        x.start("Ownr");
        x.leaf("Nm", h.ownerName());
        x.end();
        x.start("Svcr");
        x.start("FinInstnId");
        x.leaf("BIC", h.servicerBic());
        x.leaf("Nm", h.servicerName());
        x.end();
        x.end();
        x.end();
        balance(x, "OPBD", h.openingBalance(), h.currency(), h.from());
        balance(x, "CLBD", h.closingBalance(), h.currency(), h.to());
        x.start("TxsSummry");
        x.start("TtlNtries");
        x.leaf("NbOfNtries", Integer.toString(h.credits() + h.debits()));
        x.leaf("Sum", plain(h.creditSum().add(h.debitSum())));
        BigDecimal net = h.creditSum().subtract(h.debitSum());
        x.leaf("TtlNetNtryAmt", plain(net.abs()));
        x.leaf("CdtDbtInd", net.signum() < 0 ? "DBIT" : "CRDT");
        x.end();
        x.start("TtlCdtNtries");
        x.leaf("NbOfNtries", Integer.toString(h.credits()));
        x.leaf("Sum", plain(h.creditSum()));
        x.end();
        x.start("TtlDbtNtries");
        x.leaf("NbOfNtries", Integer.toString(h.debits()));
        x.leaf("Sum", plain(h.debitSum()));
        x.end();
        x.end();
        while (entries.hasNext()) {
            entry(x, entries.next(), h.currency());
        }
        x.end(); // Stmt
        x.end(); // BkToCstmrStmt
        x.end(); // Document
        x.flush();
    }

    private static void balance(XmlWriter x, String code, BigDecimal amount, String currency, LocalDate date)
            throws IOException {
        x.start("Bal");
        x.start("Tp");
        x.start("CdOrPrtry");
        x.leaf("Cd", code);
        x.end();
        x.end();
        x.leaf("Amt", plain(amount.abs()), "Ccy", currency);
        x.leaf("CdtDbtInd", amount.signum() < 0 ? "DBIT" : "CRDT");
        x.start("Dt");
        x.leaf("Dt", date.toString());
        x.end();
        x.end();
    }

    private static void entry(XmlWriter x, Entry e, String currency) throws IOException {
        x.start("Ntry");
        x.leaf("NtryRef", e.entryRef());
        x.leaf("Amt", plain(e.amount()), "Ccy", currency);
        x.leaf("CdtDbtInd", e.credit() ? "CRDT" : "DBIT");
        x.leaf("Sts", "BOOK");
        x.start("BookgDt");
        x.leaf("Dt", e.bookingDate().toString());
        x.end();
        x.start("ValDt");
        x.leaf("Dt", e.valueDate().toString());
        x.end();
        x.leaf("AcctSvcrRef", e.accountServicerRef());
        bankTransactionCode(x, e);
        x.start("NtryDtls");
        x.start("TxDtls");
        x.start("Refs");
        x.leaf("AcctSvcrRef", e.accountServicerRef());
        x.end();
        if (e.partyName() != null || e.partyAccount() != null) {
            String party = e.credit() ? "Dbtr" : "Cdtr";
            x.start("RltdPties");
            if (e.partyName() != null) {
                x.start(party);
                x.leaf("Nm", e.partyName());
                x.end();
            }
            if (e.partyAccount() != null) {
                x.start(party + "Acct");
                x.start("Id");
                if (e.partyAccountIsIban()) {
                    x.leaf("IBAN", e.partyAccount());
                } else {
                    x.start("Othr");
                    x.leaf("Id", e.partyAccount());
                    x.end();
                }
                x.end();
                x.end();
            }
            x.end();
            if (e.partyAgent() != null) {
                x.start("RltdAgts");
                x.start(party + "Agt");
                x.start("FinInstnId");
                x.leaf("Nm", e.partyAgent());
                x.end();
                x.end();
                x.end();
            }
        }
        if (e.remittance() != null && !e.remittance().isEmpty()) {
            x.start("RmtInf");
            x.leaf("Ustrd", e.remittance());
            x.end();
        }
        x.end(); // TxDtls
        x.end(); // NtryDtls
        x.end(); // Ntry
    }

    private static void bankTransactionCode(XmlWriter x, Entry e) throws IOException {
        x.start("BkTxCd");
        x.start("Domn");
        x.leaf("Cd", e.domain());
        x.start("Fmly");
        x.leaf("Cd", e.family());
        x.leaf("SubFmlyCd", e.subFamily());
        x.end();
        x.end();
        x.end();
    }

    static String plain(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }
}
