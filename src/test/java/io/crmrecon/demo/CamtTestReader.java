package io.crmrecon.demo;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads what the tests need from a camt.053 with the JDK's StAX (namespace-aware, no DTDs). */
final class CamtTestReader {

    record Entry(BigDecimal amount, String currency, boolean credit, LocalDate bookingDate, String ref,
                 String partyName, String partyAccount, String remittance, String domain, String family,
                 String subFamily) {
    }

    record Statement(String rootNamespace, String account, String currency, Map<String, BigDecimal> balances,
                     int summaryCount, BigDecimal summaryCredits, BigDecimal summaryDebits, List<Entry> entries) {
    }

    private CamtTestReader() {
    }

    static Statement read(InputStream in) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        XMLStreamReader r = f.createXMLStreamReader(in, "UTF-8");
        Deque<String> path = new ArrayDeque<>();
        String rootNamespace = null;
        String account = null;
        String currency = null;
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        String balanceCode = null;
        BigDecimal balanceAmount = null;
        int summaryCount = -1;
        BigDecimal summaryCredits = null;
        BigDecimal summaryDebits = null;
        List<Entry> entries = new ArrayList<>();
        Map<String, String> e = null;
        StringBuilder text = new StringBuilder();
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (path.isEmpty()) {
                    rootNamespace = r.getNamespaceURI();
                }
                path.push(r.getLocalName());
                text.setLength(0);
                String p = path(path);
                if (p.endsWith("/Stmt/Ntry")) {
                    e = new LinkedHashMap<>();
                } else if (e != null && p.endsWith("/Ntry/Amt")) {
                    e.put("Ccy", r.getAttributeValue(null, "Ccy"));
                }
            } else if (event == XMLStreamConstants.CHARACTERS) {
                text.append(r.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String p = path(path);
                String t = text.toString().trim();
                if (e != null) {
                    if (p.endsWith("/Stmt/Ntry")) {
                        entries.add(new Entry(new BigDecimal(e.get("Amt")), e.get("Ccy"), "CRDT".equals(e.get("Ind")),
                                LocalDate.parse(e.get("BookgDt")), e.get("Ref"), e.get("Nm"), e.get("Acct"),
                                e.get("Ustrd"), e.get("Domn"), e.get("Fmly"), e.get("Sub")));
                        e = null;
                    } else if (p.endsWith("/Ntry/Amt")) {
                        e.put("Amt", t);
                    } else if (p.endsWith("/Ntry/CdtDbtInd")) {
                        e.put("Ind", t);
                    } else if (p.endsWith("/Ntry/BookgDt/Dt")) {
                        e.put("BookgDt", t);
                    } else if (p.endsWith("/Ntry/AcctSvcrRef")) {
                        e.put("Ref", t);
                    } else if (p.endsWith("/Ntry/BkTxCd/Domn/Cd")) {
                        e.put("Domn", t);
                    } else if (p.endsWith("/Ntry/BkTxCd/Domn/Fmly/Cd")) {
                        e.put("Fmly", t);
                    } else if (p.endsWith("/Ntry/BkTxCd/Domn/Fmly/SubFmlyCd")) {
                        e.put("Sub", t);
                    } else if (p.endsWith("/RltdPties/Dbtr/Nm") || p.endsWith("/RltdPties/Cdtr/Nm")) {
                        e.put("Nm", t);
                    } else if (p.endsWith("Acct/Id/IBAN") || p.endsWith("Acct/Id/Othr/Id")) {
                        e.put("Acct", t);
                    } else if (p.endsWith("/RmtInf/Ustrd")) {
                        e.put("Ustrd", t);
                    }
                } else if (p.endsWith("/Stmt/Acct/Id/Othr/Id") || p.endsWith("/Stmt/Acct/Id/IBAN")) {
                    account = t;
                } else if (p.endsWith("/Stmt/Acct/Ccy")) {
                    currency = t;
                } else if (p.endsWith("/Bal/Tp/CdOrPrtry/Cd")) {
                    balanceCode = t;
                } else if (p.endsWith("/Bal/Amt")) {
                    balanceAmount = new BigDecimal(t);
                } else if (p.endsWith("/Bal/CdtDbtInd")) {
                    balances.put(balanceCode, "DBIT".equals(t) ? balanceAmount.negate() : balanceAmount);
                } else if (p.endsWith("/TxsSummry/TtlNtries/NbOfNtries")) {
                    summaryCount = Integer.parseInt(t);
                } else if (p.endsWith("/TxsSummry/TtlCdtNtries/Sum")) {
                    summaryCredits = new BigDecimal(t);
                } else if (p.endsWith("/TxsSummry/TtlDbtNtries/Sum")) {
                    summaryDebits = new BigDecimal(t);
                }
                path.pop();
                text.setLength(0);
            }
        }
        r.close();
        return new Statement(rootNamespace, account, currency, balances, summaryCount, summaryCredits,
                summaryDebits, entries);
    }

    private static String path(Deque<String> path) {
        StringBuilder sb = new StringBuilder();
        path.descendingIterator().forEachRemaining(s -> sb.append('/').append(s));
        return sb.toString();
    }
}
