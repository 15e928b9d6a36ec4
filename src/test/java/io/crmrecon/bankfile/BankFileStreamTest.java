package io.crmrecon.bankfile;

import static io.crmrecon.bankfile.TestFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmrecon.common.ImportException;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BankFileStreamTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static String entry(int k) {
        return """
                <Ntry><Amt Ccy="CNY">%d.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-01-31</Dt></BookgDt>
                  <AcctSvcrRef>REF-%d</AcctSvcrRef></Ntry>
                """.formatted(k, k);
    }

    private static String twoStatements(int first, int second) {
        StringBuilder a = new StringBuilder();
        for (int k = 1; k <= first; k++) {
            a.append(entry(k));
        }
        StringBuilder b = new StringBuilder();
        for (int k = first + 1; k <= first + second; k++) {
            b.append(entry(k));
        }
        String one = CamtReaderTest.camt053("02", "<IBAN>NL01BANK0000000001</IBAN>", a.toString());
        String other = CamtReaderTest.camt053("02", "<IBAN>NL01BANK0000000002</IBAN>", b.toString());
        // both statements in one message
        String firstStatement = one.substring(one.indexOf("<Stmt>"), one.indexOf("</Stmt>") + 7);
        return other.replace("<Stmt>", firstStatement + "<Stmt>");
    }

    @Test
    void handsOverEveryTransactionInFileOrderWithItsStatementAndTheWholeFileAtTheEnd() throws Exception {
        byte[] file = utf8(twoStatements(7, 5));
        List<BankFileStream.Read> all = new ArrayList<>();
        ParsedBankFile whole;
        try (BankFileStream stream = read(file)) {
            for (List<BankFileStream.Read> batch = stream.next(3); !batch.isEmpty(); batch = stream.next(3)) {
                assertThat(batch.size()).isLessThanOrEqualTo(3);
                all.addAll(batch);
            }
            assertThat(stream.next(3)).isEmpty();
            whole = stream.finish();
        }
        assertThat(all).extracting(r -> r.transaction().bankReference())
                .containsExactly("REF-1", "REF-2", "REF-3", "REF-4", "REF-5", "REF-6", "REF-7", "REF-8", "REF-9",
                        "REF-10", "REF-11", "REF-12");
        assertThat(all).extracting(BankFileStream.Read::statement)
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1);
        assertThat(whole.statements()).hasSize(2);
        assertThat(whole.transactions()).containsExactlyElementsOf(
                all.stream().map(BankFileStream.Read::transaction).toList());
    }

    @Test
    void aFileRefusedAtItsEndIsRefusedByFinishAfterWhatWasReadBeforeIt() throws Exception {
        // a statement with an opening balance and no closing one is a cut transmission: refused when read
        String cut = CamtReaderTest.camt053("02", "<IBAN>NL01BANK0000000001</IBAN>", entry(1) + entry(2))
                .replaceAll("(?s)<Bal><Tp><CdOrPrtry><Cd>CLBD.*?</Bal>", "");
        try (BankFileStream stream = read(utf8(cut))) {
            int read = 0;
            for (List<BankFileStream.Read> batch = stream.next(10); !batch.isEmpty(); batch = stream.next(10)) {
                read += batch.size();
            }
            assertThat(read).isEqualTo(2);
            assertThatThrownBy(stream::finish).isInstanceOf(ImportException.class);
        }
    }

    @Test
    void somethingThatIsNoBankFileEndsTheStreamAtOnceAndFinishSaysWhy() throws Exception {
        try (BankFileStream stream = read(utf8("hello, world\n"))) {
            assertThat(stream.next(10)).isEmpty();
            assertThatThrownBy(stream::finish).isInstanceOf(ImportException.class);
        }
    }

    @Test
    void aCallerThatGivesUpStopsTheReader() throws Exception {
        int entries = BankFileStream.AHEAD * 2;
        try (BankFileStream stream = read(utf8(twoStatements(entries, 1)))) {
            assertThat(stream.next(5)).hasSize(5);
        }
        // the reader, blocked on a full hand-over, noticed and ended: the executor has nothing left to run
        executor.shutdown();
        assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private BankFileStream read(byte[] file) {
        return BankFileStream.read(new ByteArrayInputStream(file), null, executor, Long.MAX_VALUE);
    }
}
