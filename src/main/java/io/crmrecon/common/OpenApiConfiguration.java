package io.crmrecon.common;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI document ({@code /v3/api-docs}) and Swagger UI: title, what the API is for, HTTP Basic, and the
 * answers every {@code /api} call may give (401, 403) so each endpoint documents only its own.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String TITLE = "CRM reconciliation · CRM对账系统";
    /** The version of this API's contract (CONTRACT.md §3), which only ever grows. */
    static final String VERSION = "1.0";

    private static final String DESCRIPTION = """
            The HTTP API of the reconciliation system (对账系统): customers and their open items, bank statements, \
            matching of payments to invoices (收款核销) and the allocations it made.

            * **Log in** with HTTP Basic as one of the app's users (demo: `clerk`/`clerk`, `manager`/`manager`). \
            Imports, matching runs and reversals are for clerks; lists are for all staff.
            * **Imports** take CSV (UTF-8 with or without BOM, or GB18030; comma separated, RFC 4180 quoting, a \
            header row, columns in any order, unknown columns ignored) or the same table as .xlsx (first sheet). \
            Dates are `yyyy-MM-dd`, also `yyyy/M/d`, `yyyy-M-d`, `yyyy年M月d日` or Excel date cells; amounts use \
            `.` as decimal separator, optionally `,` between thousands and one leading currency sign \
            (`¥1,250.00`). Anything else is a row error.
            * **Errors** are RFC 9457 `application/problem+json`. A bad import answers 422 with \
            `errors: [{row, column, message}]` naming every bad row and column (row numbers as a spreadsheet shows \
            them: the header is row 1), and stores nothing. Messages are in Chinese or English by `Accept-Language` \
            (or `?lang=zh|en`); Chinese by default.
            * **Amounts** in JSON are strings with the currency's minor digits (`"12800.00"`), next to a `currency`.

            Camunda's own REST API is at `/engine-rest`; clerks work their tasks in Camunda Tasklist.""";

    @Bean
    OpenAPI reconOpenApi() {
        return new OpenAPI()
                .info(new Info().title(TITLE).description(DESCRIPTION).version(VERSION)
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /** 401 and 403 are the same for every call under /api; documented once here rather than on each method. */
    @Bean
    OpenApiCustomizer securityAnswers() {
        return api -> api.getPaths().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.readOperations().forEach(operation -> {
                operation.getResponses().putIfAbsent("401", new ApiResponse()
                        .description("Not logged in: send HTTP Basic credentials (answer carries WWW-Authenticate)"));
                operation.getResponses().putIfAbsent("403", new ApiResponse()
                        .description("Logged in, but the user's group may not do this (e.g. a manager importing)"));
            });
        });
    }
}
