package io.crmrecon.customer;

import io.swagger.v3.oas.annotations.Operation;
import io.crmrecon.common.ImportProperties;
import io.crmrecon.common.StreamedUploadHandler;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.crmrecon.common.BadRequestException;
import io.crmrecon.common.Money;
import io.crmrecon.common.TabularFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
@Tag(name = "Customers · 客户", description = "The customers, their terms and their balances")
class CustomerController {

    static final String IMPORT_DESCRIPTION = """
            Upserts customers from `customers.csv` or `.xlsx` by `customer_code`: a column that is absent keeps the             stored value, an empty cell in an optional column clears it. All rows are checked first; any bad row             answers 422 naming every bad row and column, and nothing is stored.

            Required columns: `customer_code` (the key, letters, digits and `. _ / -`), `name` (legal name),             `email` (where statements go).

            Optional columns: `cc_emails` (`;`-separated), `language` (`zh-CN` default, or `en`), `currency`             (ISO 4217, default `CNY`), `payment_terms_days` (default 30), `segment` (free text for the DMN tables),             `confirmation_days` (default 15), `deemed_confirmed` (`true`/`false`, default `false`),             `netting_allowed` (default `false`), `account_manager` (user id), `credit_limit` (amount), `tax_id`,             `phone`, `address`, `contact_name`, `bank_accounts` (`;`-separated accounts/IBANs the customer pays             from).""";

    private final Customers customers;
    private final CustomerImport customerImport;
    private final CustomerBalances balances;

    private final long maxFileSize;

    CustomerController(Customers customers, CustomerImport customerImport, CustomerBalances balances,
            ImportProperties limits) {
        this.maxFileSize = limits.maxFileSize().toBytes();
        this.customers = customers;
        this.customerImport = customerImport;
        this.balances = balances;
    }

    @Operation(summary = "List customers with their balances",
            description = "A page of customers (Spring's page shape `{content, page}`), sorted by `customerCode` "
                    + "unless `sort` says otherwise; with `q`, only (on one page) those whose name (any part, Chinese or Latin), code or payer account contains it, for search as you type; `balance` is what the customer owes, `payableBalance` what we "
                    + "owe them, both in the customer's `currency`.")
    @GetMapping
    PagedModel<CustomerJson> list(@PageableDefault(size = 50, sort = "customerCode") Pageable pageable,
            @RequestParam(required = false) String q) {
        Page<Customer> page;
        if (q == null || q.isBlank()) {
            page = customers.page(pageable);
        } else {
            List<Customer> found = customers.search(q, pageable.getPageSize());
            page = new PageImpl<>(found, PageRequest.of(0, pageable.getPageSize()), found.size());
        }
        List<Long> ids = page.getContent().stream().map(Customer::getId).toList();
        Map<Long, BigDecimal> receivable = balances.receivableBalances(ids);
        Map<Long, BigDecimal> payable = balances.payableBalances(ids);
        return new PagedModel<>(page.map(c -> CustomerJson.of(c, receivable.get(c.getId()), payable.get(c.getId()))));
    }

    @Operation(summary = "One customer with its current balance",
            description = "The customer with `balance` (receivables) and `payableBalance` in its `currency`.")
    @ApiResponse(responseCode = "200", description = "The customer")
    @ApiResponse(responseCode = "404", description = "No customer has that code")
    @GetMapping("/{code}")
    CustomerJson one(@Parameter(description = "The customer's `customer_code`", example = "C-SH-001")
            @PathVariable String code) {
        Customer c = customers.byCode(code)
                .orElseThrow(() -> BadRequestException.notFound("no customer with code '" + code + "'"));
        List<Long> id = List.of(c.getId());
        return CustomerJson.of(c, balances.receivableBalances(id).get(c.getId()),
                balances.payableBalances(id).get(c.getId()));
    }

    @Operation(summary = "Import customers.csv or .xlsx (upsert by customer_code)", description = IMPORT_DESCRIPTION)
    @ApiResponse(responseCode = "200", description = "Imported: counts `created`, `updated`, `unchanged`")
    @ApiResponse(responseCode = "413", description = "The file is larger than `recon.import.max-file-size`")
    @ApiResponse(responseCode = "422", description = "Bad rows, missing columns, an empty or unreadable file: "
            + "problem+json with `errors: [{row, column, message}]`; nothing stored")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(type = "object",
                    requiredProperties = "file"), schemaProperties = @SchemaProperty(name = "file",
                    schema = @Schema(type = "string", format = "binary",
                            description = "customers.csv (UTF-8 or GB18030) or customers.xlsx"))))
    @Parameter(name = "charset", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
            description = "The CSV's encoding when detection is not wanted, e.g. `GB18030`; a `charset` form "
                    + "field before the file, or the file part's content type, may name it instead")
    CustomerImport.Result importFile(@Parameter(hidden = true) HttpServletRequest request) throws IOException {
        // read as it arrives: neither the servlet container nor this app holds the whole file in memory
        return StreamedUploadHandler.read(request, maxFileSize,
                (in, charset, fileName) -> customerImport.importTable(TabularFile.read(in, charset)));
    }

    record CustomerJson(String customerCode, String name, String email, List<String> ccEmails, String language,
            String currency, int paymentTermsDays, String segment, int confirmationDays, boolean deemedConfirmed,
            boolean nettingAllowed, String accountManager, String creditLimit, String taxId, String phone,
            String address, String contactName, List<String> bankAccounts, String balance, String payableBalance) {

        static CustomerJson of(Customer c, BigDecimal receivable, BigDecimal payable) {
            String cur = c.getCurrency();
            return new CustomerJson(c.getCustomerCode(), c.getName(), c.getEmail(), c.getCcEmails(), c.getLanguage(),
                    cur, c.getPaymentTermsDays(), c.getSegment(), c.getConfirmationDays(), c.isDeemedConfirmed(),
                    c.isNettingAllowed(), c.getAccountManager(),
                    c.getCreditLimit() == null ? null : Money.format(c.getCreditLimit(), cur), c.getTaxId(),
                    c.getPhone(), c.getAddress(), c.getContactName(), c.getBankAccounts(),
                    Money.format(receivable == null ? BigDecimal.ZERO : receivable, cur),
                    Money.format(payable == null ? BigDecimal.ZERO : payable, cur));
        }
    }
}
