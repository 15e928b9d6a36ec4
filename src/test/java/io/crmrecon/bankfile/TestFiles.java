package io.crmrecon.bankfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The real bank files copied under src/test/resources/bankfiles (see the README there for their provenance). */
final class TestFiles {

    private TestFiles() {
    }

    static byte[] bankFile(String path) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/bankfiles/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource bankfiles/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
