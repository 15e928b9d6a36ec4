package io.crmrecon.bankfile;

import io.crmrecon.common.ImportException;

/**
 * Reads a bank file, telling the format from the content, never from the file name: {@code <} starts XML
 * (camt.053 / camt.054 by namespace).
 */
public final class BankFileReader {

    static final String UNRECOGNISED = "unrecognised bank file: expected camt.053, camt.054, MT940 or CSV";

    private BankFileReader() {
    }

    public static ParsedBankFile read(byte[] content) {
        if (content == null || content.length == 0) {
            throw new ImportException("the file is empty");
        }
        if (isUtf16Xml(content)) {
            return CamtReader.read(content);
        }
        int start = 0;
        if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF) {
            start = 3;
        }
        while (start < content.length && isWhitespace(content[start])) {
            start++;
        }
        if (start == content.length) {
            throw new ImportException("the file is empty");
        }
        if (content[start] == '<') {
            return CamtReader.read(content);
        }
        throw new ImportException(UNRECOGNISED);
    }

    private static boolean isUtf16Xml(byte[] c) {
        return c.length >= 4 && ((c[0] & 0xff) == 0xFE && (c[1] & 0xff) == 0xFF && c[2] == 0 && c[3] == '<'
                || (c[0] & 0xff) == 0xFF && (c[1] & 0xff) == 0xFE && c[2] == '<' && c[3] == 0);
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
