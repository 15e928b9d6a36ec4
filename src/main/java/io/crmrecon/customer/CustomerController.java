package io.crmrecon.customer;

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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final Customers customers;
    private final CustomerImport customerImport;
    private final CustomerBalances balances;

    CustomerController(Customers customers, CustomerImport customerImport, CustomerBalances balances) {
        this.customers = customers;
        this.customerImport = customerImport;
        this.balances = balances;
    }

    /** A page of customers; with {@code q}, those whose name, code or payer account contains it (one page). */
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

    @GetMapping("/{code}")
    CustomerJson one(@PathVariable String code) {
        Customer c = customers.byCode(code)
                .orElseThrow(() -> BadRequestException.notFound("no customer with code '" + code + "'"));
        List<Long> id = List.of(c.getId());
        return CustomerJson.of(c, balances.receivableBalances(id).get(c.getId()),
                balances.payableBalances(id).get(c.getId()));
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CustomerImport.Result importFile(@RequestPart("file") MultipartFile file,
            @RequestParam(required = false) String charset) throws IOException {
        return customerImport.importFile(file.getBytes(), TabularFile.charsetNamed(charset));
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
