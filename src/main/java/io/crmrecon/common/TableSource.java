package io.crmrecon.common;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A table file being read: bytes in memory, or an upload spooled to a temporary file. */
interface TableSource {

    InputStream open() throws IOException;

    /** Calls {@code read} with the content as a file (an XLSX package is read from one). */
    <T> T asFile(FileRead<T> read) throws Exception;

    default byte[] head(int n) {
        try (InputStream in = open()) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static TableSource of(byte[] content) {
        return new TableSource() {
            @Override
            public InputStream open() {
                return new ByteArrayInputStream(content);
            }

            @Override
            public <T> T asFile(FileRead<T> read) throws Exception {
                Path file = Files.createTempFile("recon-import-", ".upload");
                try {
                    Files.write(file, content);
                    return read.apply(file);
                } finally {
                    Files.deleteIfExists(file);
                }
            }
        };
    }

    static TableSource of(Path file) {
        return new TableSource() {
            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public <T> T asFile(FileRead<T> read) throws Exception {
                return read.apply(file);
            }
        };
    }

    @FunctionalInterface
    interface FileRead<T> {
        T apply(Path file) throws Exception;
    }
}
