package io.crmrecon.bankfile;

import io.crmrecon.bankfile.XmlSubtrees.Fields;
import io.crmrecon.common.ImportException;
import io.crmrecon.common.Money;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * ISO 20022 camt.053 (statement) and camt.054 (debit/credit notification), versions 001.02 to 001.13, read as a
 * stream: only one entry is held at a time, so a statement with 100,000 entries costs no more memory per entry
 * than one with ten. Element names are matched by local name, so the version-to-version differences (e.g. the
 * {@code Pty} wrapper of 001.08 parties) are handled by looking in both places.
 */
final class CamtReader {

    private static final Pattern NAMESPACE =
            Pattern.compile("urn:iso:std:iso:20022:tech:xsd:camt\\.(05[34])\\.001\\.(\\d{2})");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");
    /** The newest version published; the later ones add elements, and elements are looked for by name. */
    private static final int MAX_VERSION = 13;

    // where each field sits, relative to its Ntry or TxDtls; 001.08 wraps parties in Pty
    private static final String[] TX_AMOUNT = {"AmtDtls/TxAmt/Amt", "Amt"};
    private static final String[] TX_AMOUNT_CCY = {"AmtDtls/TxAmt/Amt@Ccy", "Amt@Ccy"};
    private static final String[] BOOKING_DATE = {"BookgDt/Dt", "BookgDt/DtTm"};
    private static final String[] VALUE_DATE = {"ValDt/Dt", "ValDt/DtTm"};
    private static final String[] DEBTOR_NAME = parties("Dbtr", "/Nm");
    private static final String[] CREDITOR_NAME = parties("Cdtr", "/Nm");
    private static final String[] DEBTOR_ACCOUNT = {"RltdPties/DbtrAcct/Id/IBAN", "RltdPties/DbtrAcct/Id/Othr/Id"};
    private static final String[] CREDITOR_ACCOUNT = {"RltdPties/CdtrAcct/Id/IBAN", "RltdPties/CdtrAcct/Id/Othr/Id"};

    private final XMLStreamReader r;
    private final BankErrors errors = new BankErrors();
    private final XmlSubtrees tree;
    private String kind;
    /** The signed sum of the booked entries of the statement being read. */
    private BigDecimal entriesTotal;
    /** Its entries given only as pending or for information. */
    private int notBooked;

    private final BankFileReader.TransactionSink sink;
    /** The position in the file of the statement being read. */
    private int statementIndex;

    private CamtReader(XMLStreamReader r, BankFileReader.TransactionSink sink) {
        this.r = r;
        this.sink = sink;
        this.tree = new XmlSubtrees(r);
    }

    static ParsedBankFile read(byte[] content) {
        return read(content, (statement, transaction) -> { });
    }

    static ParsedBankFile read(byte[] content, BankFileReader.TransactionSink sink) {
        return read(new ByteArrayInputStream(content), sink);
    }

    /** Reads as far as the document's end; the caller closes {@code in}. */
    static ParsedBankFile read(InputStream in, BankFileReader.TransactionSink sink) {
        XMLStreamReader reader = null;
        try {
            reader = factory().createXMLStreamReader(in);
            return new CamtReader(reader, sink).document();
        } catch (XMLStreamException e) {
            throw malformed(e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // the stream is the caller's to close
                }
            }
        }
    }

    private static XMLInputFactory factory() {
        // the JDK's own parser, not whatever StAX implementation the classpath happens to bring
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // camt nests about fifteen deep; a file nested thousands deep is an attack on the reader, not a statement
        factory.setProperty("jdk.xml.maxElementDepth", 100);
        return factory;
    }

    private ParsedBankFile document() throws XMLStreamException {
        int event = r.getEventType();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (!r.hasNext()) {
                throw ImportException.ofFile("import.bank.xml.no-root");
            }
            event = r.next();
            if (event == XMLStreamConstants.DTD) {
                throw BankErrors.refuse(line(), "import.bank.xml.doctype");
            }
        }
        String namespace = r.getNamespaceURI();
        Matcher m = namespace == null ? null : NAMESPACE.matcher(namespace);
        if (!"Document".equals(r.getLocalName()) || m == null || !m.matches()) {
            if (namespace == null || namespace.isEmpty()) {
                throw ImportException.ofFile("import.bank.xml.not-statement", r.getLocalName());
            }
            throw ImportException.ofFile("import.bank.xml.not-statement-ns", r.getLocalName(), namespace);
        }
        kind = "camt." + m.group(1);
        int version = Integer.parseInt(m.group(2));
        if (version < 2 || version > MAX_VERSION) {
            throw ImportException.ofFile("import.bank.camt.version", kind, "001." + m.group(2));
        }
        boolean statement = m.group(1).equals("053");
        String messageName = statement ? "BkToCstmrStmt" : "BkToCstmrDbtCdtNtfctn";
        String recordName = statement ? "Stmt" : "Ntfctn";

        Integer messageLine = null;
        List<ParsedStatement> statements = new ArrayList<>();
        while (nextChild()) {
            if (!r.getLocalName().equals(messageName)) {
                skip();
                continue;
            }
            messageLine = line();
            LocalDate messageCreated = null;
            while (nextChild()) {
                if (r.getLocalName().equals(recordName)) {
                    statementIndex = statements.size();
                    statements.add(statement(recordName, messageCreated));
                } else if (r.getLocalName().equals("GrpHdr")) {
                    String created = collect(null).first("CreDtTm");
                    messageCreated = created == null ? null : isoDate(created.trim());
                } else {
                    skip();
                }
            }
        }
        if (messageLine == null) {
            throw ImportException.ofFile("import.bank.camt.no-message", kind, messageName);
        }
        if (statements.isEmpty()) {
            throw BankErrors.refuse(messageLine, "import.bank.camt.no-statement", kind, messageName, recordName);
        }
        if (!errors.isEmpty()) {
            throw errors.refuse("import.bank.camt.invalid", false);
        }
        return new ParsedBankFile(statement ? BankFileFormat.CAMT053 : BankFileFormat.CAMT054, statements);
    }

    /** {@code messageCreated}: the day the whole message was made, the last resort for an entry's date. */
    private ParsedStatement statement(String recordName, LocalDate messageCreated) throws XMLStreamException {
        int line = line();
        String id = null;
        String account = null;
        String currency = null;
        boolean accountReported = false;
        List<Fields> balances = new ArrayList<>();
        List<ParsedTransaction> transactions = new ArrayList<>();
        LocalDate created = null;
        // the day the booked balances were taken: the day of a statement whose entries give no date of their own
        LocalDate balanceDay = null;
        boolean lastPage = true;
        entriesTotal = BigDecimal.ZERO;
        notBooked = 0;
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "Id" -> id = r.getElementText().trim();
                case "CreDtTm" -> created = isoDate(r.getElementText().trim());
                case "StmtPgntn" -> lastPage = !"false".equalsIgnoreCase(collect(null).first("LastPgInd"));
                case "Acct" -> {
                    Fields acct = collect(null);
                    account = acct.first("Id/IBAN", "Id/Othr/Id");
                    currency = acct.first("Ccy");
                }
                case "Bal" -> {
                    Fields bal = collect(null);
                    balances.add(bal);
                    String day = bal.first("Dt/Dt", "Dt/DtTm");
                    if (day != null && (balanceDay == null || "CLBD".equals(bal.first("Tp/CdOrPrtry/Cd")))) {
                        balanceDay = isoDate(day.trim());
                    }
                }
                case "Ntry" -> {
                    Fields entry = collect("TxDtls");
                    if (account == null) {
                        if (!accountReported) {
                            error(line, "import.bank.camt.no-account-before-entries", recordName);
                            accountReported = true;
                        }
                        continue;
                    }
                    entry(entry, account, transactions, created != null ? created
                            : balanceDay != null ? balanceDay : messageCreated);
                }
                default -> skip();
            }
        }
        if (account == null && !accountReported) {
            error(line, "import.bank.camt.no-account", recordName);
        }
        BigDecimal opening = null;
        BigDecimal previousClosing = null;
        BigDecimal closing = null;
        boolean closingAvailable = false;
        for (Fields bal : balances) {
            String code = bal.first("Tp/CdOrPrtry/Cd");
            if (code == null) {
                continue;
            }
            switch (code) {
                case "OPBD" -> opening = opening != null ? opening : balance(bal);
                case "PRCD" -> previousClosing = previousClosing != null ? previousClosing : balance(bal);
                case "CLBD" -> closing = closing != null ? closing : balance(bal);
                case "CLAV" -> closingAvailable = true;
                default -> {
                    // available and interim balances do not bound the booked entries
                }
            }
            if (currency == null && ("OPBD".equals(code) || "CLBD".equals(code))) {
                currency = bal.first("Amt@Ccy");
            }
        }
        if (currency == null && !transactions.isEmpty()) {
            currency = transactions.get(0).currency();
        }
        boolean announced = balances.stream().anyMatch(b -> {
            String code = b.first("Tp/CdOrPrtry/Cd");
            return "OPBD".equals(code) || "PRCD".equals(code);
        });
        if (announced && closing == null && !closingAvailable && recordName.equals("Stmt") && lastPage) {
            // a statement that opens with a balance and never closes is a cut transmission, not a statement;
            // only a page that says more pages follow (StmtPgntn/LastPgInd false) may leave its closing out
            error(line, "import.bank.camt.no-closing", id == null ? "" : id);
        }
        return new ParsedStatement(id, account, currency, opening != null ? opening : previousClosing, closing,
                transactions, entriesTotal, notBooked);
    }

    private BigDecimal balance(Fields bal) {
        BigDecimal amount = amount(bal.line, "<Bal>", bal.first("Amt"), bal.first("Amt@Ccy"));
        if (amount == null) {
            return null;
        }
        return "DBIT".equals(bal.first("CdtDbtInd")) ? amount.negate() : amount;
    }

    /**
     * {@code created}: the day the statement or notification was made (or its balances were taken), for entries that
     * give no date.
     */
    private void entry(Fields e, String account, List<ParsedTransaction> out, LocalDate created) {
        String status = e.first("Sts", "Sts/Cd");
        if ("PDNG".equals(status) || "INFO".equals(status)) {
            // not booked: the same money comes again as a booked entry
            notBooked++;
            return;
        }
        int before = errors.size();
        String currency = e.first("Amt@Ccy");
        BigDecimal amount = amount(e.line, "<Ntry>", e.first("Amt"), currency);
        String indicator = e.first("CdtDbtInd");
        boolean debit = "DBIT".equals(indicator);
        if (!debit && !"CRDT".equals(indicator)) {
            error(e.line, "import.bank.camt.no-indicator");
        }
        LocalDate booking = date(e, BOOKING_DATE, "<BookgDt>");
        LocalDate value = date(e, VALUE_DATE, "<ValDt>");
        if (booking == null) {
            booking = value;
        }
        if (booking == null && errors.size() == before) {
            // notifications (camt.054) often date only themselves, and some statements only their balances (a
            // Lithuanian bank's settlement account): the entry is booked on the day of its statement
            booking = created;
        }
        if (booking == null && errors.size() == before) {
            error(e.line, "import.bank.camt.no-date");
        }
        if (errors.size() > before) {
            return;
        }
        entriesTotal = entriesTotal.add(signed(amount, debit));
        String entryRef = BankReferences.meaningful(e.first("AcctSvcrRef"));
        String entryCode = bankTxCode(e);
        String entryInfo = e.first("AddtlNtryInf");
        List<Fields> details = e.children;

        // one transaction per TxDtls only when each says what it is worth; otherwise the entry is the transaction
        boolean split = details.size() > 1 && details.stream().allMatch(d -> d.first(TX_AMOUNT) != null);
        if (!split) {
            Fields d = details.isEmpty() ? new Fields(e.line) : details.get(0);
            add(out, transaction(account, entryRef, booking, value, signed(amount, debit), currency, debit, d,
                    entryCode, entryInfo));
            return;
        }
        List<BigDecimal> amounts = new ArrayList<>();
        List<String> directions = new ArrayList<>();
        BigDecimal netted = BigDecimal.ZERO;
        for (Fields d : details) {
            BigDecimal txAmount = amount(d.line, "<TxDtls>", d.first(TX_AMOUNT), d.first(TX_AMOUNT_CCY));
            String own = d.first("CdtDbtInd");
            amounts.add(txAmount);
            directions.add(own);
            if (txAmount != null) {
                netted = netted.add(signed(txAmount, own == null ? debit : "DBIT".equals(own)));
            }
        }
        // a detail's own direction counts where the details, so signed, add up to the entry: a netted batch (a
        // Lithuanian bank's credits with the fees taken from them). Otherwise the entry's direction decides, as
        // genkgo/camt reads it: example files mark the details of a debit batch CRDT from the creditor's side
        boolean ownDirections = amount != null && netted.compareTo(signed(amount, debit)) == 0;
        for (int i = 0; i < details.size(); i++) {
            Fields d = details.get(i);
            BigDecimal txAmount = amounts.get(i);
            if (txAmount == null) {
                continue;
            }
            String own = directions.get(i);
            boolean txDebit = ownDirections && own != null ? "DBIT".equals(own) : debit;
            add(out, transaction(account, entryRef, booking, value, signed(txAmount, txDebit),
                    d.first(TX_AMOUNT_CCY), txDebit, d, entryCode, entryInfo));
        }
    }

    private void add(List<ParsedTransaction> out, ParsedTransaction t) {
        out.add(t);
        sink.accept(statementIndex, t);
    }

    private static String[] parties(String party, String field) {
        return new String[] {"RltdPties/" + party + field, "RltdPties/" + party + "/Pty" + field,
            "RltdPties/Ultmt" + party + field, "RltdPties/Ultmt" + party + "/Pty" + field};
    }

    private static BigDecimal signed(BigDecimal amount, boolean debit) {
        return debit ? amount.negate() : amount;
    }

    private static ParsedTransaction transaction(String account, String entryRef, LocalDate booking,
            LocalDate value, BigDecimal amount, String currency, boolean debit, Fields d, String entryCode,
            String entryInfo) {
        // money in comes from the debtor, money out goes to the creditor
        String name = d.first(debit ? CREDITOR_NAME : DEBTOR_NAME);
        String counterpartyAccount = d.first(debit ? CREDITOR_ACCOUNT : DEBTOR_ACCOUNT);
        List<String> unstructured = d.all("RmtInf/Ustrd");
        // without remittance information, the bank's own words about the payment are what a clerk reads
        String remittance = !unstructured.isEmpty() ? String.join(" ", unstructured)
                : d.first("AddtlTxInf") != null ? d.first("AddtlTxInf") : entryInfo;
        String endToEnd = BankReferences.meaningful(d.first("Refs/EndToEndId"));
        String creditorRef = d.first("RmtInf/Strd/CdtrRefInf/Ref");
        String reference = entryRef != null ? entryRef : BankReferences.meaningful(d.first("Refs/AcctSvcrRef"));
        String code = bankTxCode(d);
        return new ParsedTransaction(account, reference, booking, value, amount, currency, name, counterpartyAccount,
                remittance, creditorRef != null ? creditorRef : endToEnd, endToEnd, code != null ? code : entryCode);
    }

    /** ISO 20022 fills mandatory reference fields with these when there is nothing to say. */
    private static String bankTxCode(Fields f) {
        String domain = f.first("BkTxCd/Domn/Cd");
        if (domain != null) {
            String family = f.first("BkTxCd/Domn/Fmly/Cd");
            String sub = f.first("BkTxCd/Domn/Fmly/SubFmlyCd");
            return domain + (family != null ? "/" + family : "") + (sub != null ? "/" + sub : "");
        }
        return f.first("BkTxCd/Prtry/Cd");
    }

    private BigDecimal amount(int line, String what, String text, String currency) {
        if (text == null) {
            error(line, "import.bank.camt.no-amount", what);
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            error(line, "import.bank.camt.amount", what, text);
            return null;
        }
        String problem = BankAmounts.currencyProblem(currency);
        if (problem != null) {
            error(line, problem, what, currency == null ? "" : currency);
            return null;
        }
        BigDecimal amount = BankAmounts.fit(new BigDecimal(text), currency);
        if (amount == null) {
            error(line, BankAmounts.TOO_MANY_DECIMALS, what, text, currency, Money.minorDigits(currency));
        }
        return amount;
    }

    private LocalDate date(Fields f, String[] paths, String what) {
        String text = f.first(paths);
        if (text == null) {
            return null;
        }
        // a DtTm keeps the calendar day the bank wrote, whatever its offset
        LocalDate date = isoDate(text);
        if (date == null) {
            error(f.line, "import.bank.camt.date", what, text);
        }
        return date;
    }

    /**
     * yyyy-MM-dd at the start of the text, then nothing, a time ({@code T…}) or a time zone ({@code Z}, {@code +02:00}:
     * an xs:date may carry one, as Raiffeisen writes its dates); the calendar day written counts. Parsed by hand: a
     * formatter costs more than the rest of an entry.
     */
    private static LocalDate isoDate(String text) {
        if (text.length() < 10 || text.length() > 10 && "T+-Z".indexOf(text.charAt(10)) < 0 || text.charAt(4) != '-'
                || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private void error(int line, String code, Object... args) {
        errors.add(line, code, args);
    }

    private int line() {
        return tree.line();
    }

    private boolean nextChild() throws XMLStreamException {
        return tree.nextChild();
    }

    private void skip() throws XMLStreamException {
        tree.skip();
    }

    private Fields collect(String split) throws XMLStreamException {
        return tree.collect(split);
    }

    private static ImportException malformed(XMLStreamException e) {
        Integer line = e.getLocation() != null && e.getLocation().getLineNumber() > 0
                ? e.getLocation().getLineNumber() : null;
        String detail = e.getMessage() == null ? "" : e.getMessage();
        int at = detail.indexOf("Message: ");
        if (at >= 0) {
            detail = detail.substring(at + "Message: ".length());
        }
        if (line == null) {
            return ImportException.ofFile("import.bank.xml.malformed-file", detail.trim());
        }
        return BankErrors.refuse(line, "import.bank.xml.malformed", detail.trim());
    }
}
