package io.crmrecon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Swagger UI's document as a logged-in user reads it: a title, and every /api call says what it does. */
class ApiDocumentationIT extends IntegrationTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Autowired
    TestRestTemplate rest;

    @Test
    void everyApiCallIsDescribedAndTheImportsNameTheirColumns() {
        var docs = new Api(rest, "clerk").get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode api = docs.json();
        assertThat(api.at("/info/title").asText()).isEqualTo("CRM reconciliation · CRM对账系统");
        assertThat(api.at("/info/description").asText()).contains("problem+json", "HTTP Basic");
        assertThat(api.at("/info/version").asText()).isNotBlank();

        List<String> undescribed = new ArrayList<>();
        List<String> operations = new ArrayList<>();
        api.get("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(op -> {
                if (!METHODS.contains(op.getKey())) {
                    return;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                if (op.getValue().path("summary").asText().isBlank()
                        || op.getValue().path("description").asText().isBlank()) {
                    undescribed.add(name);
                }
                assertThat(op.getValue().get("responses").has("401")).as(name + " documents 401").isTrue();
                assertThat(op.getValue().get("responses").has("403")).as(name + " documents 403").isTrue();
            });
        });
        assertThat(operations).contains("POST /api/customers/import", "POST /api/documents/import",
                "POST /api/bank-statements", "GET /api/allocations", "POST /api/matching/runs");
        assertThat(undescribed).as("operations without summary or description").isEmpty();

        JsonNode customersImport = api.at("/paths/~1api~1customers~1import/post");
        assertThat(customersImport.get("description").asText())
                .contains("customer_code", "name", "email", "bank_accounts", "Required", "Optional");
        assertThat(customersImport.get("responses").has("413")).isTrue();
        assertThat(customersImport.get("responses").has("422")).isTrue();
        JsonNode documentsImport = api.at("/paths/~1api~1documents~1import/post");
        assertThat(documentsImport.get("description").asText())
                .contains("document_no", "issue_date", "tax_invoice_no", "due_date");
        assertThat(documentsImport.get("responses").get("422").get("description").asText()).contains("errors");
        assertThat(api.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    }

    @Test
    void swaggerUiIsThereForLoggedInUsers() {
        var ui = new Api(rest, "manager").get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        // anonymous users are sent to the login page, never given the document
        assertThat(new Api(rest, null).get("/v3/api-docs").body()).doesNotContain("\"openapi\"");
    }
}
