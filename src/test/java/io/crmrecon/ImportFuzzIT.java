package io.crmrecon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every import endpoint fed broken files: real bank files, customer and document CSVs and a workbook, each cut,
 * garbled, shuffled and padded in ways a bank's export, an editor or a transfer gets wrong. Whatever the file, the
 * answer is never a server error, a refusal names what is wrong, and a refused file leaves every table as it was.
 * The mutations are drawn from a fixed seed ({@code -Dfuzz.seed} and {@code -Dfuzz.rounds} draw others).
 */
class ImportFuzzIT extends IntegrationTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 3);
    private static final List<String> TABLES = List.of("customer", "customer_bank_account", "document",
            "bank_statement", "bank_transaction", "allocation", "receivable_movement", "receivable_day",
            "matching_run", "matching_outcome", "statement", "mail_outbox");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noBrokenFileGetsAServerErrorOrLeavesAnythingHalfStored() throws IOException {
        Api clerk = new Api(rest, "clerk").language("en");
        String p = "FZ" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        // the customers the documents name, so that a document file is refused for what was broken in it
        assertThat(clerk.upload("/api/customers/import", "c.csv", "customer_code,name,email\n" + p
                + ",模糊测试有限公司,fz@example.cn\n").status()).isEqualTo(200);

        Map<String, List<Seed>> seeds = new LinkedHashMap<>();
        seeds.put("/api/bank-statements", bankFiles());
        seeds.put("/api/customers/import", List.of(new Seed("customers.csv", (
                "customer_code,name,email,language,currency,payment_terms_days,bank_accounts,deemed_confirmed\n"
                        + p + "A,上海浦江贸易有限公司,ap@pujiang.example.cn,zh-CN,CNY,30,6222020200011112222,true\n"
                        + p + "B,Nordic Components GmbH,ap@nordic.example.com,en,EUR,45,,false\n")
                .getBytes(StandardCharsets.UTF_8))));
        seeds.put("/api/documents/import", List.of(
                new Seed("documents.csv", ("document_no,customer_code,type,issue_date,due_date,currency,amount,"
                        + "reference,tax_invoice_no,description\n"
                        + p + "-INV-1," + p + ",INVOICE,2026-10-05,,CNY,12800.00,SO-1,04412345,10月货款\n"
                        + p + "-CN-1," + p + ",CREDIT_NOTE,2026-10-07,,CNY,800," + p + "-INV-1,,折让\n")
                        .getBytes(StandardCharsets.UTF_8)),
                new Seed("documents.xlsx", workbook(p))));
        // a CRM's post (POST /api/documents): one document a line, so that the line mutations take whole ones
        seeds.put("/api/documents", List.of(new Seed("documents.json", ("[\n"
                + "{\"documentNo\":\"" + p + "-J-1\",\"customerCode\":\"" + p + "\",\"type\":\"INVOICE\","
                + "\"issueDate\":\"2026-10-05\",\"currency\":\"CNY\",\"amount\":12800.00,\"reference\":\"SO-2\","
                + "\"description\":\"10月货款\"},\n"
                + "{\"documentNo\":\"" + p + "-J-2\",\"customerCode\":\"" + p + "\",\"type\":\"CREDIT_NOTE\","
                + "\"issueDate\":\"2026-10-07\",\"currency\":\"CNY\",\"amount\":\"800\",\"reference\":\""
                + p + "-J-1\"}\n]").getBytes(StandardCharsets.UTF_8))));

        Random random = new Random(SEED);
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        int files = 0;
        for (var endpoint : seeds.entrySet()) {
            for (Seed seed : endpoint.getValue()) {
                for (int round = 0; round < ROUNDS; round++) {
                    for (Mutation mutation : Mutation.values()) {
                        byte[] broken = mutation.apply(seed.content(), random);
                        String what = endpoint.getKey() + " " + seed.name() + " " + mutation + " (round " + round
                                + ", seed " + SEED + ")";
                        Map<String, Long> before = counts();
                        Api.Response answer = endpoint.getKey().equals("/api/documents")
                                ? clerk.postJson(endpoint.getKey(), new String(broken, StandardCharsets.UTF_8))
                                : clerk.upload(endpoint.getKey(), seed.name(), broken);
                        files++;
                        statuses.merge(answer.status(), 1, Integer::sum);
                        assertThat(answer.status()).as(what + ": " + answer.body()).isLessThan(500);
                        if (answer.status() >= 400) {
                            assertThat(counts()).as(what + " was refused, yet stored something").isEqualTo(before);
                            assertThat(answer.body()).as(what + ": the refusal says why").isNotBlank();
                        }
                    }
                }
            }
        }
        System.out.printf("ImportFuzzIT: %d broken files, answers by status %s%n", files, statuses);
        assertThat(statuses.keySet()).as("the mutations reach both the refusals and the imports").anyMatch(s -> s >= 400)
                .anyMatch(s -> s < 300);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }

    /** Real files of several banks and formats (test resources, each with its licence beside it). */
    private static List<Seed> bankFiles() throws IOException {
        List<String> names = List.of("oca-camt/test-camt053.xml", "oca-camt/test-camt054.xml",
                "wolph-mt940/jejik/abnamro.sta", "wolph-mt940/jejik/knab.sta",
                "wolph-mt940/other/mBank/mt940.sta", "wolph-mt940/betterplace/sepa_mt9401.sta",
                "genkgo-camt/camt053.v2.multi.statement.xml");
        List<Seed> seeds = new ArrayList<>();
        for (String name : names) {
            try (InputStream in = ImportFuzzIT.class.getResourceAsStream("/bankfiles/" + name)) {
                assertThat(in).as(name).isNotNull();
                seeds.add(new Seed(Path.of(name).getFileName().toString(), in.readAllBytes()));
            }
        }
        return seeds;
    }

    private static byte[] workbook(String p) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("documents");
            String[][] rows = {
                    {"document_no", "customer_code", "type", "issue_date", "due_date", "currency", "amount"},
                    {p + "-X-1", p, "INVOICE", "2026-10-05", "", "CNY", "100.00"},
                    {p + "-X-2", p, "INVOICE", "2026-10-06", "2026-11-06", "CNY", "250.50"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private record Seed(String name, byte[] content) {
    }

    /** What goes wrong with files on their way: each takes the seed file and a random source. */
    private enum Mutation {
        CUT {
            byte[] apply(byte[] file, Random r) {
                return Arrays.copyOf(file, r.nextInt(Math.max(1, file.length)));
            }
        },
        FLIPPED_BYTES {
            byte[] apply(byte[] file, Random r) {
                byte[] copy = file.clone();
                for (int i = 0; i < 1 + r.nextInt(8) && copy.length > 0; i++) {
                    copy[r.nextInt(copy.length)] = (byte) r.nextInt(256);
                }
                return copy;
            }
        },
        LINE_DROPPED {
            byte[] apply(byte[] file, Random r) {
                List<String> lines = lines(file);
                if (lines.size() > 1) {
                    lines.remove(r.nextInt(lines.size()));
                }
                return join(lines);
            }
        },
        LINE_DOUBLED {
            byte[] apply(byte[] file, Random r) {
                List<String> lines = lines(file);
                int i = r.nextInt(lines.size());
                lines.add(i, lines.get(i));
                return join(lines);
            }
        },
        LINES_SHUFFLED {
            byte[] apply(byte[] file, Random r) {
                List<String> lines = lines(file);
                java.util.Collections.shuffle(lines, r);
                return join(lines);
            }
        },
        DIGIT_TO_LETTER {
            byte[] apply(byte[] file, Random r) {
                byte[] copy = file.clone();
                for (int tries = 0; tries < 50 && copy.length > 0; tries++) {
                    int i = r.nextInt(copy.length);
                    if (copy[i] >= '0' && copy[i] <= '9') {
                        copy[i] = (byte) ('A' + r.nextInt(26));
                        break;
                    }
                }
                return copy;
            }
        },
        GARBAGE_LINE {
            byte[] apply(byte[] file, Random r) {
                List<String> lines = lines(file);
                char[] junk = new char[1 + r.nextInt(300)];
                for (int i = 0; i < junk.length; i++) {
                    junk[i] = (char) (r.nextBoolean() ? 0x20 + r.nextInt(0x5f) : 0x4e00 + r.nextInt(0x5000));
                }
                lines.add(r.nextInt(lines.size() + 1), new String(junk));
                return join(lines);
            }
        },
        VERY_LONG_LINE {
            byte[] apply(byte[] file, Random r) {
                List<String> lines = lines(file);
                lines.add(r.nextInt(lines.size() + 1), "9".repeat(100_000 + r.nextInt(100_000)));
                return join(lines);
            }
        },
        BINARY {
            byte[] apply(byte[] file, Random r) {
                byte[] junk = new byte[r.nextInt(4096)];
                r.nextBytes(junk);
                return junk;
            }
        },
        EMPTY {
            byte[] apply(byte[] file, Random r) {
                return new byte[0];
            }
        };

        abstract byte[] apply(byte[] file, Random r);

        static List<String> lines(byte[] file) {
            return new ArrayList<>(Arrays.asList(new String(file, StandardCharsets.UTF_8).split("\n", -1)));
        }

        static byte[] join(List<String> lines) {
            return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        }
    }
}
