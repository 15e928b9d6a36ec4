package io.crmrecon.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.ChunkedUpload;
import io.crmrecon.IntegrationTest;
import io.crmrecon.common.TabularFile;
import io.crmrecon.common.XlsxFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

class DocumentImportIT extends IntegrationTest {

    static final String HEADER = "document_no,customer_code,type,issue_date,due_date,currency,amount,reference,"
            + "tax_invoice_no,description\n";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    String p;

    @BeforeEach
    void setUp() {
        api = new Api(rest, "clerk").language("en");
        p = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String customers = "customer_code,name,email,payment_terms_days\n" + p + ",测试客户有限公司,t@example.cn,30\n";
        assertThat(api.upload("/api/customers/import", "c.csv", customers).status()).isEqualTo(200);
    }

    @Test
    void postsDocumentsOnceAndTheBalanceFollows() {
        String csv = HEADER
                + p + "-INV-1," + p + ",INVOICE,2026-10-05,,CNY,12800.00,SO-1,04412345,10月货款\n"
                + p + "-DN-1," + p + ",DEBIT_NOTE,2026-10-06,2026-11-06,CNY,200.5,,,运费\n"
                + p + "-CN-1," + p + ",CREDIT_NOTE,2026-10-07,,CNY,800,"+ p + "-INV-1,,折让\n"
                + p + "-BILL-1," + p + ",BILL,2026-10-08,,CNY,3000.00,,,采购\n";
        var first = api.upload("/api/documents/import", "documents.csv", csv);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(4);
        assertThat(first.json().get("unchanged").asInt()).isZero();

        var again = api.upload("/api/documents/import", "documents.csv", csv);
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(4);

        var customer = api.get("/api/customers/" + p).json();
        assertThat(customer.get("balance").asText()).isEqualTo("12200.50");
        assertThat(customer.get("payableBalance").asText()).isEqualTo("3000.00");
        // the due date defaults to issue date + payment terms
        assertThat(jdbc.queryForObject("SELECT due_date FROM document WHERE document_no = ?", java.sql.Date.class,
                p + "-INV-1").toLocalDate()).hasToString("2026-11-04");
    }

    @Test
    void aChangedRowWithAnExistingNumberIsAnError() {
        String csv = HEADER + p + "-INV-9," + p + ",INVOICE,2026-10-05,,CNY,100.00,,,\n";
        api.upload("/api/documents/import", "documents.csv", csv);
        var changed = api.upload("/api/documents/import", "documents.csv", csv.replace("100.00", "120.00"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(422);
        assertThat(changed.json().get("errors").get(0).get("message").asText())
                .contains("already posted").contains("amount: 100.00 → 120.00");
    }

    @Test
    void namesEveryBadRowAndColumnAndStoresNothing() {
        String csv = HEADER
                + p + "-OK," + p + ",INVOICE,2026-10-05,,CNY,100.00,,,\n"
                + p + "-A," + p + ",INVOICE,05/10/2026,,CNY,100.00,,,\n"
                + p + "-B," + p + ",INVOICE,2026-10-05,,CNY,-5.00,,,\n"
                + p + "-C," + p + ",INVOICE,2026-10-05,,CNY,12,800.00,,,运费\n"
                + p + "-D," + p + ",INVOICE,2026-10-05,,CNY,1.005,,,\n"
                + p + "-E,NO-SUCH-CUSTOMER,INVOICE,2026-10-05,,CNY,1.00,,,\n"
                + p + "-OK," + p + ",INVOICE,2026-10-05,,CNY,100.00,,,\n"
                + p + "-F," + p + ",RECEIPT,2026-10-05,2026-10-01,CNY,1.00,,,\n";
        var response = api.upload("/api/documents/import", "documents.csv", csv);
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        List<String> cells = new ArrayList<>();
        response.json().get("errors").forEach(e -> cells.add(e.get("row").asInt() + ":" + e.path("column").asText("")));
        // row 5: the unquoted "12,800.00" gives the row one cell more than the header
        assertThat(cells).containsExactlyInAnyOrder("3:issue_date", "4:amount", "5:", "6:amount", "7:customer_code",
                "8:document_no", "9:type", "9:due_date");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE document_no LIKE ?", Integer.class,
                p + "-%")).isZero();
    }

    @Test
    void missingColumnsAndUnknownColumns() {
        var missing = api.upload("/api/documents/import", "documents.csv", "document_no,customer_code\nX,Y\n");
        assertThat(missing.status()).as(missing.body()).isEqualTo(422);
        List<String> columns = new ArrayList<>();
        missing.json().get("errors").forEach(e -> columns.add(e.get("column").asText()));
        assertThat(columns).containsExactlyInAnyOrder("type", "issue_date", "currency", "amount");

        String extra = "amount,currency,issue_date,type,customer_code,document_no,colour\n"
                + "1.00,CNY,2026-10-05,INVOICE," + p + "," + p + "-X,red\n";
        assertThat(api.upload("/api/documents/import", "documents.csv", extra).json().get("created").asInt())
                .isEqualTo(1);
    }

    @Test
    void readsXlsxAndRefusesATruncatedOne() throws IOException {
        byte[] xlsx = workbook(p);
        var ok = api.upload("/api/documents/import", "documents.xlsx", xlsx);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT amount FROM document WHERE document_no = ?", java.math.BigDecimal.class,
                p + "-XL-1")).isEqualByComparingTo("12800.10");

        var truncated = api.upload("/api/documents/import", "documents.xlsx", Arrays.copyOf(xlsx, xlsx.length / 2));
        assertThat(truncated.status()).as(truncated.body()).isEqualTo(422);
        assertThat(truncated.json().get("detail").asText()).contains("damaged or truncated");
    }

    @Test
    void aZipBombIs422AndNothingIsStored() throws IOException {
        byte[] bomb = XlsxFiles.withPadding(workbook(p), 64 << 20);
        var response = api.upload("/api/documents/import", "documents.xlsx", bomb);
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("detail").asText()).contains("zip bomb");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM document WHERE document_no = ?", Integer.class,
                p + "-XL-1")).isZero();
    }

    @Test
    void aLargeXlsxImportsStreaming() throws IOException {
        int rows = 20_000;
        byte[] xlsx = XlsxFiles.large(List.of(HEADER.trim().split(",")), rows, r -> new Object[] {
                p + "-L-" + r, p, "INVOICE", "2026-10-05", null, "CNY", 100 + r / 100.0});
        var response = api.upload("/api/documents/import", "documents.xlsx", xlsx);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("created").asInt()).isEqualTo(rows);
        assertThat(jdbc.queryForObject("SELECT amount FROM document WHERE document_no = ?", java.math.BigDecimal.class,
                p + "-L-" + rows)).isEqualByComparingTo("300.00");
    }

    @Test
    void aCrmPostsJson() {
        String json = "[{\"documentNo\":\"" + p + "-J-1\",\"customerCode\":\"" + p + "\",\"type\":\"INVOICE\","
                + "\"issueDate\":\"2026-10-05\",\"currency\":\"CNY\",\"amount\":1280.5,\"taxInvoiceNo\":\"0441\"},"
                + "{\"documentNo\":\"" + p + "-J-2\",\"customerCode\":\"" + p + "\",\"type\":\"BILL\","
                + "\"issueDate\":\"2026-10-06\",\"currency\":\"CNY\",\"amount\":\"99.99\"}]";
        var created = api.postJson("/api/documents", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("created").asInt()).isEqualTo(2);
        assertThat(created.json().get("documents").get(0).get("amount").asText()).isEqualTo("1280.50");

        var bad = api.postJson("/api/documents", "[{\"documentNo\":\"" + p + "-J-3\",\"customerCode\":\"" + p
                + "\",\"type\":\"INVOICE\",\"issueDate\":\"2026-13-01\",\"currency\":\"CNY\",\"amount\":0.001}]");
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        List<String> cells = new ArrayList<>();
        bad.json().get("errors").forEach(e -> cells.add(e.get("row").asInt() + ":" + e.get("column").asText()));
        assertThat(cells).containsExactlyInAnyOrder("1:issueDate", "1:amount");

        assertThat(api.postJson("/api/documents", "{not json").status()).isEqualTo(400);
        assertThat(api.postJson("/api/documents", "{}").status()).isEqualTo(400);
    }

    @Test
    void aFileOverTheLimitIs413() {
        byte[] big = new byte[31 * 1024 * 1024];
        Arrays.fill(big, (byte) 'a');
        var response = api.upload("/api/documents/import", "documents.csv", big);
        assertThat(response.status()).as(response.body()).isEqualTo(413);
    }

    @Test
    void aFileSentChunkedIsReadAsItArrivesInTheCharsetOfItsFormField() throws Exception {
        String csv = HEADER + p + "-GB,"+ p + ",INVOICE,2026-10-05,2026-11-04,CNY,1280.00,,,华东区十月货款\n";
        var response = ChunkedUpload.of("documents.csv", csv.getBytes(TabularFile.GB18030), "GB18030")
                .post(rest.getRootUri(), "/api/documents/import");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT description FROM document WHERE document_no = ?", String.class,
                p + "-GB")).isEqualTo("华东区十月货款");
    }

    @Test
    void aFileSentChunkedThatGrowsPastTheLimitIs413AndLeavesNothing() throws Exception {
        // recon.import.max-file-size is 30MB in the tests: valid rows all the way
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; csv.length() < 31 * 1024 * 1024; i++) {
            csv.append(p).append("-LIM-").append(i).append(',').append(p)
                    .append(",INVOICE,2026-10-05,2026-11-04,CNY,10.00,,,").append("x".repeat(40)).append('\n');
        }
        long spooled = spooledFiles();
        var response = ChunkedUpload.of("documents.csv", csv.toString().getBytes(StandardCharsets.UTF_8), null)
                .post(rest.getRootUri(), "/api/documents/import");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("recon.import.max-file-size");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM document WHERE document_no LIKE ?", Integer.class,
                p + "-LIM-%")).isZero();
        assertThat(spooledFiles()).as("the part read before the limit is not left on disk").isEqualTo(spooled);
    }

    private static long spooledFiles() throws IOException {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("recon-import-")).count();
        }
    }

    @Test
    void aJsonBodyOverTheLimitIs413AndNothingIsStored() {
        // recon.import.max-json-size is 1MB in the tests: some 12,000 documents
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; json.length() < 1_200_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"documentNo\":\"").append(p).append("-BIG-").append(i)
                    .append("\",\"customerCode\":\"").append(p).append("\",\"type\":\"INVOICE\",")
                    .append("\"issueDate\":\"2026-10-05\",\"currency\":\"CNY\",\"amount\":\"10.00\"}");
        }
        var response = api.postJson("/api/documents", json.append("]").toString());
        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.entity().getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("recon.import.max-json-size");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM document WHERE document_no LIKE ?", Integer.class,
                p + "-BIG-%")).isZero();

        // a body within the limit is read as usual
        var small = api.postJson("/api/documents", "[{\"documentNo\":\"" + p + "-BIG-0\",\"customerCode\":\""
                + p + "\",\"type\":\"INVOICE\",\"issueDate\":\"2026-10-05\",\"currency\":\"CNY\","
                + "\"amount\":\"10.00\"}]");
        assertThat(small.status()).as(small.body()).isEqualTo(201);
    }

    private static byte[] workbook(String p) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet();
            String[] header = HEADER.trim().split(",");
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue(p + "-XL-1");
            r.createCell(1).setCellValue(p);
            r.createCell(2).setCellValue("INVOICE");
            r.createCell(3).setCellValue("2026-10-05");
            r.createCell(5).setCellValue("CNY");
            r.createCell(6).setCellValue(12800.10);
            wb.write(out);
            return out.toByteArray();
        }
    }
}
