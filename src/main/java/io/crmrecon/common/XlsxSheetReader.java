package io.crmrecon.common;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an XLSX row by row with SAX, never as a whole workbook in memory. The package is read
 * from a temporary file, so that POI inflates one part at a time under its zip-bomb limits
 * ({@link org.apache.poi.openxml4j.util.ZipSecureFile}, set from {@link ImportProperties} at start-up).
 *
 * <p>Cell text as {@link TabularFile} hands it on: strings as written, numbers at the decimal text stored in the
 * sheet (15 significant digits, as Excel shows them), date cells as ISO dates, booleans as true/false, errors empty.
 */
final class XlsxSheetReader {

    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private XlsxSheetReader() {
    }

    /**
     * Hands each row that has a cell to {@code rows} with its number as a spreadsheet shows it (from 1).
     *
     * @return false when the workbook has no sheet
     */
    static boolean read(Path file, BiConsumer<Integer, String[]> rows) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            boolean date1904 = date1904(reader);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                return false;
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new SheetHandler(strings, new DateStyles(styles), date1904, rows));
                parser.parse(new InputSource(sheet));
            }
            return true;
        }
    }

    /** Workbooks from old Mac Excel count days from 1904. */
    private static boolean date1904(XSSFReader reader) throws Exception {
        boolean[] result = new boolean[1];
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        String v = attributes.getValue("date1904");
                        result[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                    }
                }
            });
            parser.parse(new InputSource(workbook));
        }
        return result[0];
    }

    /** Whether a cell style shows a number as a date, remembered per style index. */
    private static final class DateStyles {
        private final StylesTable styles;
        private final Map<Integer, Boolean> known = new HashMap<>();

        DateStyles(StylesTable styles) {
            this.styles = styles;
        }

        boolean isDate(int index) {
            return known.computeIfAbsent(index, i -> {
                if (styles == null || i < 0 || i >= styles.getNumCellStyles()) {
                    return false;
                }
                XSSFCellStyle style = styles.getStyleAt(i);
                short format = style.getDataFormat();
                return DateUtil.isADateFormat(format, style.getDataFormatString()) || isEastAsianDateFormat(format);
            });
        }
    }

    /**
     * Excel's built-in formats 27-31, 36 and 50-58 are dates in East Asian locales (such as yyyy"年"m"月"d"日"),
     * but a Chinese Excel stores only their number, which POI does not know as a date (55 and 56 are times).
     */
    static boolean isEastAsianDateFormat(short format) {
        return format >= 27 && format <= 31 || format == 36 || format >= 50 && format <= 58 && format != 55
                && format != 56;
    }

    /** The sheet's XML: {@code <row r>} of {@code <c r t s>} holding {@code <v>} or an inline {@code <is><t>}. */
    private static final class SheetHandler extends DefaultHandler {
        private final ReadOnlySharedStringsTable strings;
        private final DateStyles dates;
        private final boolean date1904;
        private final BiConsumer<Integer, String[]> rows;

        private final List<String> cells = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int rowNumber;
        private int column;
        private String type;
        private int style;
        private boolean collecting;
        private boolean inInlineString;

        SheetHandler(ReadOnlySharedStringsTable strings, DateStyles dates, boolean date1904,
                BiConsumer<Integer, String[]> rows) {
            this.strings = strings;
            this.dates = dates;
            this.date1904 = date1904;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells.clear();
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    column = ref == null ? cells.size() : columnOf(ref);
                    type = attributes.getValue("t");
                    String s = attributes.getValue("s");
                    style = s == null ? 0 : Integer.parseInt(s);
                    text.setLength(0);
                }
                case "v" -> {
                    collecting = true;
                    text.setLength(0);
                }
                case "is" -> inInlineString = true;
                case "t" -> collecting = inInlineString;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> collecting = false;
                case "is" -> inInlineString = false;
                case "c" -> {
                    while (cells.size() <= column) {
                        cells.add("");
                    }
                    cells.set(column, value(text.toString()));
                }
                case "row" -> rows.accept(rowNumber, cells.toArray(String[]::new));
                default -> {
                }
            }
        }

        private String value(String raw) {
            if (type == null || "n".equals(type)) {
                if (raw.isEmpty()) {
                    return "";
                }
                if (dates.isDate(style)) {
                    double serial = Double.parseDouble(raw);
                    return DateUtil.isValidExcelDate(serial)
                            ? DateUtil.getLocalDateTime(serial, date1904).toLocalDate().toString() : raw;
                }
                // the decimal text stored in the sheet, never the binary double's expansion (0.1 + 0.2 reads as 0.3)
                return new BigDecimal(raw).round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
            }
            return switch (type) {
                case "s" -> raw.isEmpty() ? "" : strings.getItemAt(Integer.parseInt(raw.trim())).getString();
                case "inlineStr", "str" -> raw;
                case "b" -> Boolean.toString("1".equals(raw.trim()) || "true".equalsIgnoreCase(raw.trim()));
                // strict OOXML's ISO dates
                case "d" -> raw.length() >= 10 ? raw.substring(0, 10) : raw;
                default -> "";
            };
        }

        /** "AB12" → 27 (from 0). */
        private static int columnOf(String ref) {
            int col = 0;
            for (int i = 0; i < ref.length(); i++) {
                char ch = ref.charAt(i);
                if (ch < 'A' || ch > 'Z') {
                    break;
                }
                col = col * 26 + (ch - 'A' + 1);
            }
            return col - 1;
        }
    }
}
