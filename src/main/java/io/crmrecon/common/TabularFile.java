package io.crmrecon.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A table that people import: CSV (UTF-8 with or without BOM, or GB18030, RFC 4180) or XLSX (first sheet, read
 * streaming by {@link XlsxSheetReader}; a zip bomb is refused), header row first, columns in any order. Headers are matched case-insensitively; rows keep the number a
 * spreadsheet shows (the header is row 1). Entirely empty rows are skipped.
 */
public final class TabularFile {

    public static final Charset GB18030 = Charset.forName("GB18030");

    private final Map<String, Integer> columns;
    private final List<TabularRow> rows;

    private TabularFile(Map<String, Integer> columns, List<TabularRow> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** @param charset the encoding the user named, or null to detect UTF-8 / GB18030 */
    public static TabularFile read(byte[] content, Charset charset) {
        return read(TableSource.of(content == null ? new byte[0] : content), charset);
    }

    /**
     * Reads an upload as it arrives: copied to a temporary file, then read from there row by row (a CSV once to
     * tell its encoding, once to parse it), so that neither the file's bytes nor its text are held in memory.
     *
     * @param charset the encoding the user named, or null to detect UTF-8 / GB18030
     */
    public static TabularFile read(InputStream in, Charset charset) throws IOException {
        Path file = Files.createTempFile("recon-import-", ".upload");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                in.transferTo(out);
            }
            return read(TableSource.of(file), charset);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static TabularFile read(TableSource source, Charset charset) {
        byte[] head = source.head(8);
        if (head.length == 0) {
            throw ImportException.ofFile("import.file.empty");
        }
        if (isZip(head)) {
            return readXlsx(source);
        }
        if (head.length >= 8 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF) {
            throw ImportException.ofFile("import.file.xls");
        }
        if (TextEncoding.isUtf16(head)) {
            throw ImportException.ofFile("import.file.utf16");
        }
        return readCsv(source, TextEncoding.of(source, charset));
    }

    /** The encoding a user named in the {@code charset} request parameter; null for none (detect). */
    public static Charset charsetNamed(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("charset '" + name + "' is not known (use UTF-8 or GB18030)");
        }
    }

    private static boolean isZip(byte[] c) {
        return c.length >= 4 && c[0] == 'P' && c[1] == 'K' && c[2] == 3 && c[3] == 4;
    }

    private static TabularFile readCsv(TableSource source, Charset charset) {
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(false).get();
        try (CSVParser parser = CSVParser.parse(TextEncoding.reader(source.open(), charset), format)) {
            Map<String, Integer> columns = null;
            int width = 0;
            List<TabularRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                int rowNumber = (int) record.getRecordNumber();
                String[] values = record.values();
                if (columns == null) {
                    columns = header(values);
                    width = values.length;
                    continue;
                }
                if (isBlank(values)) {
                    continue;
                }
                rows.add(new TabularRow(rowNumber, values, columns, overflows(values, width)));
            }
            if (columns == null || columns.isEmpty() && rows.isEmpty()) {
                throw ImportException.ofFile("import.file.empty");
            }
            return new TabularFile(columns, rows);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw ImportException.ofFile("import.file.csv", rootMessage(e));
        }
    }

    private static TabularFile readXlsx(TableSource source) {
        List<Map<String, Integer>> header = new ArrayList<>(1);
        List<TabularRow> rows = new ArrayList<>();
        boolean hasSheet;
        try {
            hasSheet = source.asFile(file -> XlsxSheetReader.read(file, (rowNumber, values) -> {
                if (isBlank(values)) {
                    return;
                }
                if (header.isEmpty()) {
                    header.add(header(values));
                } else {
                    rows.add(new TabularRow(rowNumber, values, header.get(0), false));
                }
            }));
        } catch (ImportException e) {
            throw e;
        } catch (Exception e) {
            if (isZipBomb(e)) {
                throw ImportException.ofFile("import.file.zip-bomb");
            }
            // POI reports a truncated or damaged package in many ways; none of them is the user's to decode
            throw ImportException.ofFile("import.file.damaged");
        }
        if (!hasSheet) {
            throw ImportException.ofFile("import.file.no-sheet");
        }
        if (header.isEmpty()) {
            throw ImportException.ofFile("import.file.sheet-empty");
        }
        return new TabularFile(header.get(0), rows);
    }

    /**
     * POI refuses a part that inflates past its limits (ratio, entry size, number of entries) with a plain
     * IOException; only its text tells that from a damaged file.
     */
    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.startsWith("Zip bomb detected")
                    || m.startsWith("The file appears to be potentially malicious"))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Integer> header(String[] values) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<ImportError> errors = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            String name = normalise(values[i]);
            if (name.isEmpty()) {
                continue;
            }
            if (columns.putIfAbsent(name, i) != null) {
                errors.add(ImportError.cell(1, name, "import.header.duplicate"));
            }
        }
        if (!errors.isEmpty()) {
            throw ImportException.of("import.header.invalid", errors);
        }
        return columns;
    }

    static String normalise(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
    }

    /** More cells than the header has: most often an unquoted comma inside a value, such as 12,800.00. */
    private static boolean overflows(String[] values, int width) {
        for (int i = width; i < values.length; i++) {
            if (values[i] != null && !values[i].isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(String[] values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    /** Fails with one error per required column that the header lacks. */
    public void requireColumns(String... names) {
        List<ImportError> errors = new ArrayList<>();
        for (String name : names) {
            if (!columns.containsKey(name)) {
                errors.add(ImportError.cell(1, name, "import.header.missing", name));
            }
        }
        if (!errors.isEmpty()) {
            throw ImportException.of("import.header.columns-missing", errors);
        }
    }

    public List<TabularRow> rows() {
        return rows;
    }

    /** One data row; {@link #get} gives null for a column the file does not have, the trimmed text otherwise. */
    public record TabularRow(int rowNumber, String[] values, Map<String, Integer> columns, boolean overflow) {

        public TabularRow(int rowNumber, String[] values, Map<String, Integer> columns) {
            this(rowNumber, values, columns, false);
        }

        public String get(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                return null;
            }
            return i < values.length && values[i] != null ? values[i].trim() : "";
        }

        public boolean has(String column) {
            return columns.containsKey(column);
        }
    }
}
