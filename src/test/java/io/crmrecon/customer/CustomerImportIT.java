package io.crmrecon.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmrecon.Api;
import io.crmrecon.ChunkedUpload;
import io.crmrecon.IntegrationTest;
import io.crmrecon.common.TabularFile;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

class CustomerImportIT extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;
    Api api;
    String p;

    @BeforeEach
    void setUp() {
        api = new Api(rest, "clerk").language("en");
        p = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void createsThenUpdatesThenLeavesUnchanged() {
        String csv = "customer_code,name,email,language,currency,payment_terms_days,bank_accounts,deemed_confirmed\n"
                + p + "1,上海华东机电设备有限公司,ap@huadong.example.cn,zh-CN,CNY,45,6222 0210 0100 1234;6222-0210-0100-9999,true\n"
                + p + "2,\"Pacific Trading Co., Ltd.\",ar@pacific.example.com,en,USD,30,,false\n";
        var first = api.upload("/api/customers/import", "customers.csv", csv);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(2);

        var again = api.upload("/api/customers/import", "customers.csv", csv);
        assertThat(again.json().get("unchanged").asInt()).isEqualTo(2);

        JsonNode one = api.get("/api/customers/" + p + "1").json();
        assertThat(one.get("name").asText()).isEqualTo("上海华东机电设备有限公司");
        assertThat(one.get("paymentTermsDays").asInt()).isEqualTo(45);
        assertThat(one.get("deemedConfirmed").asBoolean()).isTrue();
        assertThat(one.get("bankAccounts")).extracting(JsonNode::asText)
                .containsExactly("6222021001001234", "6222021001009999");
        assertThat(one.get("balance").asText()).isEqualTo("0.00");
        assertThat(one.get("currency").asText()).isEqualTo("CNY");

        // absent columns keep their values; an empty optional cell clears (to the default)
        String update = "customer_code,name,email,payment_terms_days\n"
                + p + "1,上海华东机电设备有限公司,new@huadong.example.cn,\n";
        var updated = api.upload("/api/customers/import", "customers.csv", update);
        assertThat(updated.json().get("updated").asInt()).isEqualTo(1);
        JsonNode after = api.get("/api/customers/" + p + "1").json();
        assertThat(after.get("email").asText()).isEqualTo("new@huadong.example.cn");
        assertThat(after.get("paymentTermsDays").asInt()).isEqualTo(30);
        assertThat(after.get("deemedConfirmed").asBoolean()).isTrue();
        assertThat(after.get("bankAccounts")).hasSize(2);
    }

    @Test
    void readsGb18030AndXlsxLikeUtf8() {
        String csv = "customer_code,name,email\n" + p + "G,北京中科软件有限责任公司,fin@zhongke.example.cn\n";
        var response = api.upload("/api/customers/import", "customers.csv", csv.getBytes(TabularFile.GB18030));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(api.get("/api/customers/" + p + "G").json().get("name").asText()).isEqualTo("北京中科软件有限责任公司");
    }

    @Test
    void aLatinFileSentChunkedIsReadInTheCharsetItsUrlNames() throws Exception {
        byte[] latin1 = ("customer_code,name,email\n" + p + "C,Caf\u00e9 M\u00fcller GmbH,x@example.com\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        var response = ChunkedUpload.of("customers.csv", latin1, null)
                .post(rest.getRootUri(), "/api/customers/import?charset=ISO-8859-1");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(api.get("/api/customers/" + p + "C").json().get("name").asText()).isEqualTo("Café Müller GmbH");
    }

    @Test
    void anUnknownColumnAloneIsFine() {
        String csv = "customer_code,name,email,favourite_colour\n" + p + "U,Nordic Components GmbH,ap@nordic.example.com,blue\n";
        assertThat(api.upload("/api/customers/import", "customers.csv", csv).status()).isEqualTo(200);
    }

    @Test
    void namesEveryBadRowAndStoresNothing() {
        String csv = "customer_code,name,email,language,payment_terms_days,deemed_confirmed,currency\n"
                + p + "A,Good One,good@example.com,en,30,true,CNY\n"
                + p + "B,,not-an-email,fr,abc,maybe,XYZ\n"
                + p + "A,Again,again@example.com,en,30,false,CNY\n";
        var response = api.upload("/api/customers/import", "customers.csv", csv);
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().getContentType().toString()).contains("application/problem+json");
        List<String> cells = new ArrayList<>();
        response.json().get("errors").forEach(e -> cells.add(e.get("row").asInt() + ":" + e.get("column").asText()));
        assertThat(cells).containsExactlyInAnyOrder("3:name", "3:email", "3:language", "3:payment_terms_days",
                "3:deemed_confirmed", "3:currency", "4:customer_code");
        assertThat(api.get("/api/customers/" + p + "A").status()).isEqualTo(404);
    }

    @Test
    void missingRequiredColumnsAreNamed() {
        var response = api.upload("/api/customers/import", "customers.csv", "customer_code,name\nX,Y\n");
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("column").asText()).isEqualTo("email");
        assertThat(response.json().get("errors").get(0).get("row").asInt()).isEqualTo(1);
    }

    @Test
    void emptyAndWronglyEncodedFilesAre422() {
        assertThat(api.upload("/api/customers/import", "customers.csv", new byte[0]).status()).isEqualTo(422);
        byte[] latin1 = ("customer_code,name,email\n" + p + "L,Caf\u00e9,x@example.com\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        var response = api.upload("/api/customers/import", "customers.csv", latin1);
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("detail").asText()).contains("neither UTF-8 nor GB18030");
    }

    @Test
    void pagesOfCustomersHaveSpringsPageShape() {
        String csv = "customer_code,name,email\n" + p + "P1,A,a@example.com\n" + p + "P2,B,b@example.com\n";
        api.upload("/api/customers/import", "customers.csv", csv);
        JsonNode page = api.get("/api/customers?size=1&page=0").json();
        assertThat(page.get("content")).hasSize(1);
        assertThat(page.get("page").get("size").asInt()).isEqualTo(1);
        assertThat(page.get("page").get("totalElements").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(page.get("content").get(0).has("balance")).isTrue();
        assertThat(api.get("/api/customers?sort=noSuchField").status()).isEqualTo(400);
    }
}
