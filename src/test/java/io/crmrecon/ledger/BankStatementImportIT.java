package io.crmrecon.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmrecon.Api;
import io.crmrecon.ChunkedUpload;
import io.crmrecon.IntegrationTest;
import io.crmrecon.demo.BenchmarkFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

class BankStatementImportIT extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest, "clerk").language("en");
    }

    @Test
    void importsARealMt940OnceAndRecognisesItAgain() throws IOException {
        byte[] file = resource("bankfiles/wolph-mt940/betterplace/sepa_mt9401.sta");
        int before = count();
        var first = api.upload("/api/bank-statements", "sepa_mt9401.sta", file);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("format").asText()).isEqualTo("MT940");
        int stored = first.json().get("transactions").asInt();
        int duplicates = first.json().get("duplicates").asInt();
        assertThat(stored + duplicates).isEqualTo(97);
        assertThat(first.json().get("bankStatementId").asLong()).isPositive();

        var again = api.upload("/api/bank-statements", "sepa_mt9401.sta", file);
        assertThat(again.json().get("transactions").asInt()).isZero();
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(97);
        assertThat(count()).isEqualTo(before + stored);
    }

    @Test
    void importsCamtAndKeepsWhatMatchingNeeds() throws IOException {
        var response = api.upload("/api/bank-statements", "camt053.v4.xml",
                resource("bankfiles/genkgo-camt/camt053.v4.xml"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("format").asText()).isEqualTo("CAMT053");
        long id = response.json().get("bankStatementId").asLong();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction WHERE bank_statement_id = ? "
                + "AND booking_date IS NOT NULL AND amount <> 0 AND currency IS NOT NULL", Integer.class, id))
                .isEqualTo(response.json().get("transactions").asInt());
    }

    @Test
    void anOverlappingCsvStoresOnlyTheNewLinesAndNonrefTwinsStayTwo() {
        String account = "6222" + (System.nanoTime() % 100000000L);
        String header = "transaction_id,account,booking_date,value_date,amount,currency,counterparty_name,"
                + "counterparty_account,remittance_info\n";
        String a = "B1," + account + ",2026-10-02,2026-10-02,12800.00,CNY,上海华东机电设备有限公司,6222021001001234,"
                + "支付INV-2026-000123货款\n";
        // the bank gives no reference: two identical lines are two payments, not one
        String twin = "," + account + ",2026-10-03,2026-10-03,500.00,CNY,月费客户,6222000011112222,服务费\n";
        var first = api.upload("/api/bank-statements", "bank.csv", header + a + twin + twin);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("format").asText()).isEqualTo("CSV");
        assertThat(first.json().get("transactions").asInt()).isEqualTo(3);

        String b = "B2," + account + ",2026-10-04,2026-10-04,300.00,CNY,深圳市星河电子科技有限公司,,INV-2026-000200\n";
        var overlapping = api.upload("/api/bank-statements", "bank.csv", header + a + twin + twin + b);
        assertThat(overlapping.json().get("transactions").asInt()).isEqualTo(1);
        assertThat(overlapping.json().get("duplicates").asInt()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction WHERE account = ?", Integer.class,
                account)).isEqualTo(4);
    }

    @Test
    void aLargeFileIsStoredAsASmallOneIs() {
        // a file past CopyIn.THRESHOLD goes through COPY: its texts must come out as the batch path stores them
        String account = "6223" + (System.nanoTime() % 100000000L);
        String header = "transaction_id,account,booking_date,value_date,amount,currency,counterparty_name,"
                + "counterparty_account,remittance_info\n";
        StringBuilder csv = new StringBuilder(header);
        csv.append("L0,").append(account).append(",2026-10-02,,1.00,CNY,\"A\tB\\C 公司\",,\"货款 INV\\1\nline 2\"\n");
        int lines = io.crmrecon.common.CopyIn.THRESHOLD + 100;
        for (int i = 1; i < lines; i++) {
            csv.append('L').append(i).append(',').append(account).append(",2026-10-03,2026-10-03,").append(i)
                    .append(".50,CNY,客户").append(i).append(",6222").append(i).append(",INV-").append(i).append('\n');
        }
        var first = api.upload("/api/bank-statements", "large.csv", csv.toString());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("transactions").asInt()).isEqualTo(lines);

        var row = jdbc.queryForMap("SELECT counterparty_name, counterparty_account, remittance_info, value_date, "
                + "amount FROM bank_transaction WHERE account = ? AND bank_reference = 'L0'", account);
        assertThat(row.get("counterparty_name")).isEqualTo("A\tB\\C 公司");
        assertThat(row.get("counterparty_account")).isNull();
        assertThat(row.get("remittance_info")).isEqualTo("货款 INV\\1\nline 2");
        assertThat(row.get("value_date")).isNull();
        assertThat(new java.math.BigDecimal(row.get("amount").toString())).isEqualByComparingTo("1.00");
        assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM bank_transaction WHERE account = ?",
                java.math.BigDecimal.class, account)).isEqualByComparingTo(
                        java.math.BigDecimal.valueOf((long) (lines - 1) * lines / 2).add(
                                java.math.BigDecimal.valueOf(lines - 1).multiply(new java.math.BigDecimal("0.50")))
                                .add(java.math.BigDecimal.ONE));

        var again = api.upload("/api/bank-statements", "large.csv", csv.toString());
        assertThat(again.json().get("transactions").asInt()).isZero();
        assertThat(again.json().get("duplicates").asInt()).isEqualTo(lines);
    }

    @Test
    void theWrongCamtIsRefusedWithAMessageAPersonUnderstands() throws IOException {
        int before = count();
        var response = api.upload("/api/bank-statements", "camt053.v2.wrong.xml",
                resource("bankfiles/genkgo-camt/camt053.v2.wrong.xml"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asText()).contains("no statement");
        assertThat(response.json().get("errors").get(0).has("line")).isTrue();
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void xmlThatIsNotABankStatementIs422() {
        String pain = "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\">"
                + "<CstmrCdtTrfInitn/></Document>";
        var response = api.upload("/api/bank-statements", "pain.xml", pain);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asText()).containsIgnoringCase("not a bank statement");
    }

    @Test
    void anXmlBombAndAnExternalEntityAreRefusedNeverResolved() {
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><x>&lol3;</x></Document>";
        var response = api.upload("/api/bank-statements", "bomb.xml", bomb);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asText()).contains("DOCTYPE");

        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><x>&x;</x></Document>";
        var xxeResponse = api.upload("/api/bank-statements", "xxe.xml", xxe);
        assertThat(xxeResponse.status()).isEqualTo(422);
        assertThat(xxeResponse.body()).doesNotContain("root:");
    }

    @Test
    void badCsvRowsAreAllNamedAndNothingIsStored() {
        int before = count();
        String csv = "transaction_id,account,booking_date,amount,currency\n"
                + "X1,ACC,2026-10-02,100.00,CNY\n"
                + "X2,ACC,02/10/2026,100.00,CNY\n"
                + "X3,ACC,2026-10-02,1.005,CNY\n";
        var response = api.upload("/api/bank-statements", "bank.csv", csv);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors")).hasSize(2);
        assertThat(response.json().get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(response.json().get("errors").get(0).get("column").asText()).isEqualTo("booking_date");
        assertThat(response.json().get("errors").get(1).get("column").asText()).isEqualTo("amount");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void emptyAndUnrecognisedFilesAre422() {
        assertThat(api.upload("/api/bank-statements", "empty.csv", new byte[0]).status()).isEqualTo(422);
        var unknown = api.upload("/api/bank-statements", "note.txt", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("detail").asText()).contains("unrecognised");
        // ?lang in the URL chooses the language of the answer, as on any other request (the upload stays unread)
        var chinese = api.upload("/api/bank-statements?lang=zh", "note.txt", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(chinese.status()).isEqualTo(422);
        assertThat(chinese.json().get("detail").asText()).contains("无法识别的银行文件");
    }

    @Test
    void aCamtFileSentWithoutALengthIsRefusedWhenItGrowsPastTheLimitAndNothingOfItStays() throws Exception {
        // stored while it arrives: 30,000 entries (some 35 MB) pass the 30 MB limit only after thousands are written
        ByteArrayOutputStream camt = new ByteArrayOutputStream();
        BenchmarkFiles.writeCamt053(camt, 30_000, 7, LocalDate.of(2026, 10, 30));
        assertThat(camt.size()).isGreaterThan(31 * 1024 * 1024);
        int before = count();
        int statements = statements();

        HttpResponse<String> tooLarge = postChunked(ChunkedUpload.of("camt053.xml", camt.toByteArray(), null));

        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("recon.import.max-file-size");
        assertThat(count()).isEqualTo(before);
        assertThat(statements()).isEqualTo(statements);
    }

    @Test
    void theSameFileSentTwiceAtOnceStoresEachLineOnce() throws Exception {
        // two batches of new keys each: copied straight in by whichever import is first, refused by the unique
        // key for the other, which then stores none of them through its staging table
        ByteArrayOutputStream camt = new ByteArrayOutputStream();
        BenchmarkFiles.writeCamt053(camt, 15_000, ThreadLocalRandom.current().nextLong(),
                LocalDate.of(2026, 9, 30));
        ChunkedUpload upload = ChunkedUpload.of("camt053.xml", camt.toByteArray(), null);
        int before = count();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sent.add(two.submit(() -> {
                    start.await();
                    return postChunked(upload);
                }));
            }
            start.countDown();
            int stored = 0;
            int duplicates = 0;
            for (var answer : sent) {
                HttpResponse<String> response = answer.get(2, TimeUnit.MINUTES);
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
                stored += json.get("transactions").asInt();
                duplicates += json.get("duplicates").asInt();
            }
            assertThat(stored).isEqualTo(15_000);
            assertThat(duplicates).isEqualTo(15_000);
            assertThat(count() - before).isEqualTo(15_000);
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void aCharsetSentAsAFormFieldBeforeTheFileIsHonoured() throws Exception {
        String mt940 = ":20:LATIN-%s\r\n:25:DE89370400440532013000\r\n:28C:1/1\r\n:60F:C261001EUR100,00\r\n"
                .formatted(UUID.randomUUID().toString().substring(0, 8))
                + ":61:2610011001C50,00NTRFNONREF//B-%s\r\n:86:Zahlung M\u00fcller Stra\u00dfe\r\n"
                        .formatted(UUID.randomUUID())
                + ":62F:C261001EUR150,00\r\n-";
        HttpResponse<String> response = postChunked(ChunkedUpload.of("latin.sta", mt940.getBytes(StandardCharsets.ISO_8859_1),
                "ISO-8859-1"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        long id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).get("bankStatementId")
                .asLong();
        assertThat(jdbc.queryForObject("SELECT remittance_info FROM bank_transaction WHERE bank_statement_id = ?",
                String.class, id)).contains("Müller Straße");
    }

    @Test
    void anMt940LargerThanItsLimitIs422AndLeavesNothing() throws Exception {
        // recon.import.max-mt940-size is 1MB in the tests; an MT940 is the one bank format read whole
        String ref = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder mt940 = new StringBuilder(":20:BIG-" + ref + "\r\n:25:DE89370400440532013000\r\n:28C:1/1\r\n"
                + ":60F:C261001EUR0,00\r\n");
        for (int i = 0; mt940.length() < 1_100_000; i++) {
            mt940.append(":61:2610011001C1,00NTRFNONREF//B-").append(ref).append('-').append(i)
                    .append("\r\n:86:Zahlung ").append(i).append("\r\n");
        }
        mt940.append(":62F:C261001EUR0,00\r\n-");
        int before = count();
        int statements = statements();
        HttpResponse<String> response = postChunked(ChunkedUpload.of("big.sta",
                mt940.toString().getBytes(StandardCharsets.UTF_8), null));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains("recon.import.max-mt940-size");
        assertThat(count()).isEqualTo(before);
        assertThat(statements()).isEqualTo(statements);
    }

    @Test
    void anUploadWithoutAFilePartIs400() throws Exception {
        String boundary = "b0undary";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--"
                + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> response = postChunked(new ChunkedUpload(boundary, body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("'file'");
    }

    private HttpResponse<String> postChunked(ChunkedUpload upload) throws IOException, InterruptedException {
        return upload.post(rest.getRootUri(), "/api/bank-statements");
    }

    private int statements() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bank_statement", Integer.class);
    }

    @Test
    void anAnonymousCallerIsAskedToLogIn() {
        var response = new Api(rest, null).upload("/api/bank-statements", "x.csv", "a");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
    }

    private int count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM bank_transaction", Integer.class);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = BankStatementImportIT.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
