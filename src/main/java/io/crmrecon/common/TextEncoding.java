package io.crmrecon.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The encoding of a text file people import: the one they named, else UTF-8, else GB18030, checked strictly. */
final class TextEncoding {

    private TextEncoding() {
    }

    static boolean isUtf16(byte[] content) {
        return content.length >= 2 && ((content[0] & 0xff) == 0xFE && (content[1] & 0xff) == 0xFF
                || (content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xFE);
    }

    /** The named charset if the whole text is in it, else UTF-8 if it is, else GB18030 if it is. */
    static Charset of(TableSource source, Charset named) {
        if (named != null) {
            if (!decodes(source, named)) {
                throw ImportException.ofFile("import.file.not-charset", named.name());
            }
            return named;
        }
        if (decodes(source, StandardCharsets.UTF_8)) {
            return StandardCharsets.UTF_8;
        }
        if (decodes(source, TabularFile.GB18030)) {
            return TabularFile.GB18030;
        }
        throw ImportException.ofFile("import.file.encoding");
    }

    private static boolean decodes(TableSource source, Charset charset) {
        char[] buffer = new char[1 << 14];
        try (Reader reader = strictReader(source.open(), charset)) {
            while (reader.read(buffer) >= 0) {
                // only whether it decodes
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Reader strictReader(InputStream in, Charset charset) {
        return new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** The text without a leading byte order mark; a NUL anywhere makes it a binary file, not a table. */
    static Reader reader(InputStream in, Charset charset) throws IOException {
        PushbackReader reader = new PushbackReader(new BufferedReader(strictReader(in, charset), 1 << 16)) {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                for (int i = offset; i < offset + n; i++) {
                    if (buffer[i] == '\0') {
                        throw ImportException.ofFile("import.file.binary");
                    }
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c == 0) {
                    throw ImportException.ofFile("import.file.binary");
                }
                return c;
            }
        };
        try {
            int first = reader.read();
            if (first >= 0 && first != '\uFEFF') {
                reader.unread(first);
            }
            return reader;
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }
}
