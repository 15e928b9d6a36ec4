package io.crmrecon.bankfile;

import static io.crmrecon.bankfile.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A placeholder where the bank reference belongs is no reference. Taken as one, the first such line of the next
 * file from the same account was skipped as a duplicate and lost.
 */
class PlaceholderReferenceTest {

    private static final String ACCOUNT = "CN6212345678901234";

    /** Stores the new lines of a file the way the import does: one key per line, each key once. */
    private static int store(Set<String> stored, ParsedBankFile file) {
        int added = 0;
        for (ParsedStatement statement : file.statements()) {
            for (String key : DuplicateKey.keysOf(statement.transactions())) {
                if (stored.add(key)) {
                    added++;
                }
            }
        }
        return added;
    }

    static String camt(String reference, String date, String amount) {
        String ref = reference == null ? "" : "<AcctSvcrRef>" + reference + "</AcctSvcrRef>";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                <GrpHdr><MsgId>M</MsgId><CreDtTm>2024-01-31T18:00:00</CreDtTm></GrpHdr>
                <Stmt><Id>S-%2$s</Id><Acct><Id><Othr><Id>%1$s</Id></Othr></Id><Ccy>CNY</Ccy></Acct>
                <Ntry><Amt Ccy="CNY">%3$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>%2$s</Dt></BookgDt>%4$s</Ntry>
                </Stmt></BkToCstmrStmt></Document>
                """.formatted(ACCOUNT, date, amount, ref);
    }

    static String mt940(String reference, String yymmdd, String amount) {
        return ":20:S" + yymmdd + "\n:25:" + ACCOUNT + "\n:28C:1/1\n:60F:C" + yymmdd + "CNY0,00\n"
                + ":61:" + yymmdd + "C" + amount.replace('.', ',') + "NTRFINV-1//" + reference + "\n"
                + ":86:PAYMENT\n:62F:C" + yymmdd + "CNY" + amount.replace('.', ',') + "\n-\n";
    }

    static String csv(String reference, String date, String amount) {
        return "transaction_id,account,booking_date,amount,currency\n"
                + reference + "," + ACCOUNT + "," + date + "," + amount + ",CNY\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"NONREF", "NOTPROVIDED", "NONE", "nonref", " NONREF "})
    void aCamtPlaceholderInAcctSvcrRefDoesNotHideTheNextFilesLine(String placeholder) {
        Set<String> stored = new HashSet<>();
        assertThat(store(stored, BankFileReader.read(utf8(camt(placeholder, "2024-01-30", "100.00"))))).isEqualTo(1);
        ParsedBankFile next = BankFileReader.read(utf8(camt(placeholder, "2024-01-31", "250.00")));
        assertThat(next.transactions().get(0).bankReference()).isNull();
        assertThat(store(stored, next)).isEqualTo(1);
        // the same file again is still recognised
        assertThat(store(stored, BankFileReader.read(utf8(camt(placeholder, "2024-01-31", "250.00"))))).isZero();
    }

    @Test
    void anEmptyCamtAcctSvcrRefIsNoReferenceEither() {
        Set<String> stored = new HashSet<>();
        assertThat(store(stored, BankFileReader.read(utf8(camt("", "2024-01-30", "100.00"))))).isEqualTo(1);
        assertThat(store(stored, BankFileReader.read(utf8(camt(" ", "2024-01-31", "250.00"))))).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NONREF", "NOTPROVIDED", "NONE", ""})
    void anMt940PlaceholderAfterTheSlashesDoesNotHideTheNextFilesLine(String placeholder) {
        Set<String> stored = new HashSet<>();
        assertThat(store(stored, BankFileReader.read(utf8(mt940(placeholder, "240130", "100.00"))))).isEqualTo(1);
        ParsedBankFile next = BankFileReader.read(utf8(mt940(placeholder, "240131", "250.00")));
        assertThat(next.transactions().get(0).bankReference()).isNull();
        assertThat(store(stored, next)).isEqualTo(1);
        assertThat(store(stored, BankFileReader.read(utf8(mt940(placeholder, "240131", "250.00"))))).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NONREF", "NOTPROVIDED", "NONE", "\"\""})
    void aCsvPlaceholderTransactionIdDoesNotHideTheNextFilesLine(String placeholder) {
        Set<String> stored = new HashSet<>();
        assertThat(store(stored, BankFileReader.read(utf8(csv(placeholder, "2024-01-30", "100.00"))))).isEqualTo(1);
        ParsedBankFile next = BankFileReader.read(utf8(csv(placeholder, "2024-01-31", "250.00")));
        assertThat(next.transactions().get(0).bankReference()).isNull();
        assertThat(store(stored, next)).isEqualTo(1);
        assertThat(store(stored, BankFileReader.read(utf8(csv(placeholder, "2024-01-31", "250.00"))))).isZero();
    }

    @Test
    void aRealReferenceStillIdentifiesTheLine() {
        Set<String> stored = new HashSet<>();
        assertThat(store(stored, BankFileReader.read(utf8(camt("B-1", "2024-01-30", "100.00"))))).isEqualTo(1);
        // the bank corrected the amount of the same booking: same reference, same line
        assertThat(store(stored, BankFileReader.read(utf8(camt("B-1", "2024-01-30", "100.50"))))).isZero();
    }

    // ---- property: distinct lines, any order, some statements twice: each line stored once ----

    private record Line(String reference, String date, String amount, String remittance) {
    }

    @Test
    void distinctLinesInAnyOrderWithRepeatsAreEachStoredOnce() {
        Random random = new Random(20240131L);
        for (int iteration = 0; iteration < 300; iteration++) {
            List<List<Line>> statements = statements(random);
            int distinct = statements.stream().mapToInt(List::size).sum();
            List<String> files = new ArrayList<>();
            for (List<Line> s : statements) {
                String file = render(random.nextInt(3), s);
                files.add(file);
                if (random.nextInt(3) == 0) {
                    files.add(file);
                }
            }
            java.util.Collections.shuffle(files, random);
            Set<String> stored = new HashSet<>();
            int added = 0;
            for (String file : files) {
                added += store(stored, BankFileReader.read(utf8(file)));
            }
            assertThat(added).as("iteration %d", iteration).isEqualTo(distinct);
        }
    }

    /** Lines unique across the whole set by date and amount, except identical twins inside one statement. */
    private static List<List<Line>> statements(Random random) {
        String[] placeholders = {null, "NONREF", "NOTPROVIDED", "NONE", ""};
        List<List<Line>> statements = new ArrayList<>();
        int serial = 0;
        int count = 1 + random.nextInt(5);
        for (int s = 0; s < count; s++) {
            List<Line> lines = new ArrayList<>();
            int size = 1 + random.nextInt(4);
            for (int i = 0; i < size; i++) {
                serial++;
                Line line;
                if (!lines.isEmpty() && random.nextInt(5) == 0 && lines.get(lines.size() - 1).reference == null) {
                    line = lines.get(lines.size() - 1);
                } else {
                    String reference = random.nextBoolean() ? "BANK-" + serial
                            : placeholders[random.nextInt(placeholders.length)];
                    line = new Line(reference, "2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10),
                            serial + "." + (10 + random.nextInt(90)), "PAY " + random.nextInt(3));
                    if (reference != null && !reference.startsWith("BANK")) {
                        line = new Line(reference, line.date, line.amount, line.remittance);
                    }
                }
                // a twin is a placeholder line repeated: never give a twin a real reference
                lines.add(line.reference != null && line.reference.startsWith("BANK") && lines.contains(line)
                        ? new Line(null, line.date, line.amount, line.remittance) : line);
            }
            statements.add(lines);
        }
        return statements;
    }

    private static String render(int format, List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        switch (format) {
            case 0 -> {
                sb.append("transaction_id,account,booking_date,amount,currency,remittance_info\n");
                for (Line l : lines) {
                    sb.append(l.reference == null ? "" : l.reference).append(',').append(ACCOUNT).append(',')
                            .append(l.date).append(',').append(l.amount).append(",CNY,").append(l.remittance)
                            .append('\n');
                }
            }
            case 1 -> {
                BigDecimal total = BigDecimal.ZERO;
                sb.append(":20:STMT\n:25:").append(ACCOUNT).append("\n:28C:1\n:60F:C240101CNY0,00\n");
                for (Line l : lines) {
                    String d = l.date.substring(2).replace("-", "");
                    sb.append(":61:").append(d).append('C').append(l.amount.replace('.', ',')).append("NTRFNONREF");
                    if (l.reference != null) {
                        sb.append("//").append(l.reference);
                    }
                    sb.append("\n:86:").append(l.remittance).append('\n');
                    total = total.add(new BigDecimal(l.amount));
                }
                sb.append(":62F:C240131CNY").append(total.toPlainString().replace('.', ',')).append("\n-\n");
            }
            default -> {
                sb.append("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">")
                        .append("<BkToCstmrStmt><Stmt><Id>S</Id><Acct><Id><Othr><Id>").append(ACCOUNT)
                        .append("</Id></Othr></Id></Acct>");
                for (Line l : lines) {
                    sb.append("<Ntry><Amt Ccy=\"CNY\">").append(l.amount).append("</Amt><CdtDbtInd>CRDT</CdtDbtInd>")
                            .append("<BookgDt><Dt>").append(l.date).append("</Dt></BookgDt>");
                    if (l.reference != null) {
                        sb.append("<AcctSvcrRef>").append(l.reference).append("</AcctSvcrRef>");
                    }
                    sb.append("<NtryDtls><TxDtls><RmtInf><Ustrd>").append(l.remittance)
                            .append("</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>");
                }
                sb.append("</Stmt></BkToCstmrStmt></Document>");
            }
        }
        return sb.toString();
    }

    @Test
    void theRendererWritesWhatTheReadersRead() {
        List<Line> lines = List.of(new Line("BANK-1", "2024-03-15", "12.50", "PAY 1"),
                new Line(null, "2024-03-16", "7.05", "PAY 2"));
        for (int format = 0; format < 3; format++) {
            ParsedBankFile file = BankFileReader.read(utf8(render(format, lines)));
            Map<String, String> read = new LinkedHashMap<>();
            file.transactions().forEach(t -> read.put(t.bookingDate().toString(), t.amount().toPlainString()));
            assertThat(read).as("format %d", format).containsExactly(Map.entry("2024-03-15", "12.50"),
                    Map.entry("2024-03-16", "7.05"));
            assertThat(file.transactions().get(0).bankReference()).isEqualTo("BANK-1");
        }
    }
}
