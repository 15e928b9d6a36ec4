package io.crmrecon.common;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A table that people import: CSV (UTF-8 with or without BOM, or GB18030, RFC 4180) or XLSX (first sheet),
 * header row first, columns in any order. Headers are matched case-insensitively; rows keep the number a
 * spreadsheet shows (the header is row 1). Entirely empty rows are skipped.
 */
public final class TabularFile {

    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final java.math.MathContext EXCEL_PRECISION = new java.math.MathContext(15);

    private final Map<String, Integer> columns;
    private final List<TabularRow> rows;

    private TabularFile(Map<String, Integer> columns, List<TabularRow> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** @param charset the encoding the user named, or null to detect UTF-8 / GB18030 */
    public static TabularFile read(byte[] content, Charset charset) {
        if (content == null || content.length == 0) {
            throw ImportException.ofFile("import.file.empty");
        }
        if (isZip(content)) {
            return readXlsx(content);
        }
        if (content.length >= 8 && (content[0] & 0xff) == 0xD0 && (content[1] & 0xff) == 0xCF) {
            throw ImportException.ofFile("import.file.xls");
        }
        return readCsv(decode(content, charset));
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

    /** Decodes text strictly: the named charset, else UTF-8 (BOM stripped), else GB18030. */
    public static String decode(byte[] content, Charset charset) {
        if (content.length >= 2 && ((content[0] & 0xff) == 0xFE && (content[1] & 0xff) == 0xFF
                || (content[0] & 0xff) == 0xFF && (content[1] & 0xff) == 0xFE)) {
            throw ImportException.ofFile("import.file.utf16");
        }
        if (charset != null) {
            return strip(decodeStrict(content, charset)
                    .orElseThrow(() -> ImportException.ofFile("import.file.not-charset", charset.name())));
        }
        var utf8 = decodeStrict(content, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return strip(utf8.get());
        }
        return decodeStrict(content, GB18030).orElseThrow(
                () -> ImportException.ofFile("import.file.encoding"));
    }

    private static String strip(String text) {
        if (text.indexOf('\0') >= 0) {
            throw ImportException.ofFile("import.file.binary");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static java.util.Optional<String> decodeStrict(byte[] content, Charset charset) {
        try {
            return java.util.Optional.of(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString());
        } catch (CharacterCodingException e) {
            return java.util.Optional.empty();
        }
    }

    private static boolean isZip(byte[] c) {
        return c.length >= 4 && c[0] == 'P' && c[1] == 'K' && c[2] == 3 && c[3] == 4;
    }

    private static TabularFile readCsv(String text) {
        if (text.isBlank()) {
            throw ImportException.ofFile("import.file.empty");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
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
            if (columns == null) {
                throw ImportException.ofFile("import.file.empty");
            }
            return new TabularFile(columns, rows);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw ImportException.ofFile("import.file.csv", rootMessage(e));
        }
    }

    private static TabularFile readXlsx(byte[] content) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw ImportException.ofFile("import.file.no-sheet");
            }
            Sheet sheet = workbook.getSheetAt(0);
            Map<String, Integer> columns = null;
            List<TabularRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                int width = Math.max(row.getLastCellNum(), 0);
                String[] values = new String[width];
                for (int i = 0; i < width; i++) {
                    values[i] = cellText(row.getCell(i));
                }
                if (columns == null) {
                    if (isBlank(values)) {
                        continue;
                    }
                    columns = header(values);
                    continue;
                }
                if (isBlank(values)) {
                    continue;
                }
                rows.add(new TabularRow(row.getRowNum() + 1, values, columns, false));
            }
            if (columns == null) {
                throw ImportException.ofFile("import.file.sheet-empty");
            }
            return new TabularFile(columns, rows);
        } catch (ImportException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // POI reports a truncated or damaged package in many ways; none of them is the user's to decode
            throw ImportException.ofFile("import.file.damaged");
        }
    }

    private static String cellText(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell) || isEastAsianDateFormat(cell.getCellStyle().getDataFormat())) {
                    yield cell.getLocalDateTimeCellValue().toLocalDate().toString();
                }
                // the decimal text stored in the sheet, at the 15 significant digits Excel shows: never the
                // binary double's expansion (0.1 + 0.2 reads as 0.3)
                String raw = cell instanceof XSSFCell x && cell.getCellType() == CellType.NUMERIC ? x.getRawValue() : null;
                BigDecimal value = raw != null ? new BigDecimal(raw) : BigDecimal.valueOf(cell.getNumericCellValue());
                yield value.round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
            }
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case STRING -> cell.getStringCellValue();
            default -> "";
        };
    }

    /**
     * Excel's built-in formats 27-31, 36 and 50-58 are dates in East Asian locales (such as yyyy"年"m"月"d"日"),
     * but a Chinese Excel stores only their number, which POI does not know as a date (55 and 56 are times).
     */
    private static boolean isEastAsianDateFormat(short format) {
        return format >= 27 && format <= 31 || format == 36 || format >= 50 && format <= 58 && format != 55
                && format != 56;
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
