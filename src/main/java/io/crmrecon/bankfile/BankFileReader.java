package io.crmrecon.bankfile;

import io.crmrecon.common.ImportException;
import io.crmrecon.common.TabularFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a bank file of any format the contract accepts, telling the format from the content, never from the
 * file name: {@code <} starts XML (camt.053 / camt.054 by namespace), {@code :20:} or a SWIFT envelope starts
 * MT940 (possibly after a few bank header lines), a header row naming the contract's columns starts CSV.
 */
public final class BankFileReader {

    /** A bank's header line before the first tag: a BIC, "940", a batch number; never a comma-separated table. */
    /** A line before the first tag: a bank's header, or a few words and a ruler (Danske Bank's examples). */
    private static final Pattern MT940_HEADER_LINE = Pattern.compile("[^,;:][^,;]{0,199}");
    private static final Pattern MT940_TAG = Pattern.compile(":(\\d{2}[A-Z]?|NS|940):.*");

    private BankFileReader() {
    }

    public static ParsedBankFile read(byte[] content) {
        return read(content, null);
    }

    /**
     * {@code charset}: the charset the upload names (its content type's {@code charset} parameter), or null.
     * It decides for MT940 and CSV text; XML says its own encoding in its declaration.
     */
    public static ParsedBankFile read(byte[] content, Charset charset) {
        return read(content, charset, (statement, transaction) -> { });
    }

    /** Receives each transaction as it is read, with the position of its statement in the file (from 0). */
    public interface TransactionSink {
        void accept(int statement, ParsedTransaction transaction);
    }

    /**
     * Reads the file and hands each transaction to {@code sink} as it is read, so that it can be stored while the
     * rest is still being read; a camt file is handed over entry by entry, the other formats once read whole.
     * Whatever the sink received belongs to a file that may still be refused at its end.
     */
    public static ParsedBankFile read(byte[] content, Charset charset, TransactionSink sink) {
        ParsedBankFile file = detectAndRead(content, charset, sink);
        if (file.format() != BankFileFormat.CAMT053 && file.format() != BankFileFormat.CAMT054) {
            handOver(file, sink);
        }
        return file;
    }

    private static void handOver(ParsedBankFile file, TransactionSink sink) {
        for (int i = 0; i < file.statements().size(); i++) {
            for (ParsedTransaction t : file.statements().get(i).transactions()) {
                sink.accept(i, t);
            }
        }
    }

    /** How much of a file is looked at to tell its format. */
    private static final int HEAD = 8192;

    /**
     * Reads the file from {@code in} to its end: a camt file as it arrives and a table (CSV or XLSX) through a
     * temporary file, neither held whole in memory; an MT940 file, whose whole text tells its encoding, is read
     * into memory first, and refused before more of it is read when it is larger than {@code maxMt940Size}.
     */
    public static ParsedBankFile read(InputStream in, Charset charset, TransactionSink sink, long maxMt940Size)
            throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(HEAD);
        byte[] head = buffered.readNBytes(HEAD);
        buffered.reset();
        // a head of nothing but blanks does not tell yet
        Format format = start(head) < head.length ? format(head) : Format.MT940;
        ParsedBankFile file;
        if (format == Format.XML) {
            file = CamtReader.read(buffered, sink);
        } else if (format == Format.TABLE) {
            file = BankCsvReader.read(TabularFile.read(buffered, charset));
            handOver(file, sink);
        } else {
            byte[] whole = buffered.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxMt940Size + 1));
            if (whole.length > maxMt940Size) {
                throw ImportException.ofFile("import.bank.mt940.too-large", (maxMt940Size + (1 << 20) - 1) >> 20);
            }
            file = read(whole, charset, sink);
        }
        // the rest after the document's end (blanks), so that whoever counts or digests the bytes sees them all
        buffered.transferTo(OutputStream.nullOutputStream());
        return file;
    }

    /** Where the text begins: after a UTF-8 byte order mark and blanks; the length when nothing else follows. */
    private static int start(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF ? 3 : 0;
        while (start < content.length && isWhitespace(content[start])) {
            start++;
        }
        return start;
    }

    private enum Format { XML, MT940, TABLE }

    /** The format the file's first bytes (all of it, or its head) show; a file of blanks is empty. */
    private static Format format(byte[] content) {
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            // an .xlsx workbook: the contract accepts every table as xlsx too
            return Format.TABLE;
        }
        if (isUtf16Xml(content)) {
            return Format.XML;
        }
        int start = start(content);
        if (start == content.length) {
            throw ImportException.ofFile("import.file.empty");
        }
        if (content[start] == '<') {
            return Format.XML;
        }
        // the markers are ASCII, so a byte-for-byte view is enough to recognise them in any of the encodings
        int length = Math.min(content.length - start, HEAD);
        String head = new String(content, start, length, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n|\r|\n", 12);
        String first = lines[0];
        if (MT940_TAG.matcher(first).matches() || first.startsWith("{1:")) {
            // any MT940 tag first: a statement, or a fragment the MT940 reader refuses naming its lines
            return Format.MT940;
        }
        if (isCsvHeader(first)) {
            return Format.TABLE;
        }
        if (isMt940AfterHeader(lines)) {
            return Format.MT940;
        }
        throw ImportException.ofFile("import.bank.unrecognised");
    }

    private static ParsedBankFile detectAndRead(byte[] content, Charset charset, TransactionSink sink) {
        if (content == null || content.length == 0) {
            throw ImportException.ofFile("import.file.empty");
        }
        return switch (format(content)) {
            case XML -> CamtReader.read(content, sink);
            case MT940 -> Mt940Reader.read(content, charset);
            case TABLE -> BankCsvReader.read(content, charset);
        };
    }

    private static boolean isUtf16Xml(byte[] c) {
        return c.length >= 4 && ((c[0] & 0xff) == 0xFE && (c[1] & 0xff) == 0xFF && c[2] == 0 && c[3] == '<'
                || (c[0] & 0xff) == 0xFF && (c[1] & 0xff) == 0xFE && c[2] == '<' && c[3] == 0);
    }

    /** Blanks, line breaks and the SOH/ETX framing of FIN transmissions (mBank starts its files with SOH). */
    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 1 || b == 3;
    }

    /** At least two of the contract's column names in the first line. */
    private static boolean isCsvHeader(String line) {
        int known = 0;
        for (String cell : line.split(",")) {
            String name = cell.strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).strip();
            }
            if (BankCsvReader.COLUMNS.contains(name.toLowerCase(Locale.ROOT))) {
                known++;
            }
        }
        return known >= 2;
    }

    /** Bank header lines (e.g. ABN AMRO "ABNANL2A", "940"; ING "0000 01INGBNL2AXXXX00001") and then :20:. */
    private static boolean isMt940AfterHeader(String[] lines) {
        for (int i = 0; i < Math.min(lines.length, 10); i++) {
            String line = lines[i].strip();
            if (line.startsWith(":20:") || line.startsWith("{1:")) {
                return i > 0;
            }
            if (!line.isEmpty() && !MT940_HEADER_LINE.matcher(line).matches()) {
                return false;
            }
        }
        return false;
    }
}
