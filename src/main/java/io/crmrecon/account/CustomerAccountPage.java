package io.crmrecon.account;

import io.crmrecon.common.Money;
import io.crmrecon.customer.Customer;
import io.crmrecon.customer.CustomerBalances;
import io.crmrecon.customer.Customers;
import io.crmrecon.ledger.Ageing;
import io.crmrecon.ledger.CustomerAccounts;
import io.crmrecon.ledger.DocumentType;
import io.crmrecon.ledger.LedgerQueries;
import io.crmrecon.ledger.OpenDocument;
import io.crmrecon.matching.UnappliedReceipts;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * /customers/{code} (客户往来): a customer's open items with ageing, recent payments and what they paid, the
 * allocations and their reversals, the balance, and the payments still waiting to be applied with their tasks.
 * /customers: the customers, each with its balance, leading there.
 */
@Controller
class CustomerAccountPage {

    static final String MISSING = "—";
    static final int RECENT_DAYS = 90;
    private static final int PAGE_SIZE = 50;

    private final Customers customers;
    private final CustomerBalances balances;
    private final LedgerQueries ledger;
    private final CustomerAccounts accounts;
    private final UnappliedReceipts receipts;
    private final Clock clock;

    CustomerAccountPage(Customers customers, CustomerBalances balances, LedgerQueries ledger,
            CustomerAccounts accounts, UnappliedReceipts receipts, Clock clock) {
        this.customers = customers;
        this.balances = balances;
        this.ledger = ledger;
        this.accounts = accounts;
        this.receipts = receipts;
        this.clock = clock;
    }

    public record Item(String documentNo, String type, String issueDate, String dueDate, String amount, String open,
            long daysOverdue, String bucket) {
    }

    public record PaidLine(String documentNo, String type, String amount, String writeOff) {
    }

    public record PaymentLine(long transactionId, String bankReference, String bookingDate, String amount,
            String currency, String payer, List<PaidLine> paid) {
    }

    public record EntryLine(long allocationId, String createdAt, String createdBy, String bankReference,
            String documentNo, String type, String amount, String writeOff, String method, Long reversesId,
            Long reversedById, String note) {
    }

    public record WaitingLine(String bankReference, String bookingDate, String remaining, String currency,
            String status, String taskId) {
    }

    public record CustomerLine(String code, String name, String currency, String balance) {
    }

    @GetMapping("/customers")
    String list(@RequestParam(defaultValue = "0") String page, Model model) {
        int number;
        try {
            number = Math.max(0, Integer.parseInt(page.trim()));
        } catch (NumberFormatException e) {
            number = 0;
        }
        Page<Customer> found = customers.page(PageRequest.of(number, PAGE_SIZE, Sort.by("customerCode")));
        Map<Long, BigDecimal> owed = balances.receivableBalances(found.getContent().stream().map(Customer::getId)
                .toList());
        List<CustomerLine> lines = found.getContent().stream().map(c -> new CustomerLine(c.getCustomerCode(),
                show(c.getName()), c.getCurrency(), Money.display(owed.getOrDefault(c.getId(), BigDecimal.ZERO),
                        c.getCurrency()))).toList();
        model.addAttribute("customers", lines);
        model.addAttribute("number", found.getNumber());
        model.addAttribute("totalPages", found.getTotalPages());
        model.addAttribute("totalElements", found.getTotalElements());
        return "account/customers";
    }

    @GetMapping("/customers/{code}")
    String account(@PathVariable String code, Authentication user, Model model, HttpServletResponse response) {
        Customer c = customers.byCode(code).orElse(null);
        if (c == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("code", code);
            return "account/not-found";
        }
        boolean canWork = user != null && user.getAuthorities().stream().anyMatch(a ->
                a.getAuthority().equals("GROUP_clerks") || a.getAuthority().equals("GROUP_camunda-admin"));
        LocalDate today = LocalDate.now(clock);
        String currency = c.getCurrency();

        List<Item> items = new ArrayList<>();
        Map<String, BigDecimal> buckets = new HashMap<>();
        BigDecimal openTotal = BigDecimal.ZERO;
        for (OpenDocument d : ledger.openDocumentsOf(c.getId())) {
            long overdue = Ageing.daysOverdue(d.dueDate(), today);
            String bucket = Ageing.bucket(overdue);
            if (d.currency().equals(currency)) {
                buckets.merge(bucket, d.open(), BigDecimal::add);
                openTotal = openTotal.add(d.open());
            }
            items.add(new Item(d.documentNo(), d.type().name(), d.issueDate().toString(), d.dueDate().toString(),
                    Money.display(d.type().signed(d.amount()), d.currency()),
                    Money.display(d.open(), d.currency()), overdue, bucket));
        }
        Map<String, String> ageing = new java.util.LinkedHashMap<>();
        Ageing.sums(buckets).forEach((b, v) -> ageing.put(b, Money.display(v, currency)));

        List<PaymentLine> payments = new ArrayList<>();
        for (CustomerAccounts.Payment p : accounts.payments(c.getId(), today.minusDays(RECENT_DAYS))) {
            List<PaidLine> paid = p.paid().stream().map(x -> new PaidLine(x.documentNo(), typeOf(x.type()),
                    Money.display(x.amount(), p.currency()),
                    x.writeOff().signum() == 0 ? null : Money.display(x.writeOff(), p.currency()))).toList();
            payments.add(new PaymentLine(p.transactionId(), show(p.bankReference()), p.bookingDate().toString(),
                    Money.display(p.amount(), p.currency()), p.currency(), show(p.payerName()), paid));
        }

        DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone());
        List<EntryLine> history = accounts.history(c.getId(), 200).stream().map(e -> new EntryLine(e.allocationId(),
                at.format(e.createdAt()), show(e.createdBy()), show(e.bankReference()), e.documentNo(),
                typeOf(e.type()), Money.display(e.amount(), e.currency()),
                e.writeOff().signum() == 0 ? MISSING : Money.display(e.writeOff(), e.currency()), e.method(),
                e.reversesId(), e.reversedById(), show(e.note()))).toList();

        List<WaitingLine> waiting = receipts.ofCustomer(c.getCustomerCode()).stream().map(r -> new WaitingLine(
                show(r.bankReference()), r.bookingDate().toString(), Money.display(r.remaining(), r.currency()),
                r.currency(), r.status().name(), r.taskId())).toList();

        model.addAttribute("customer", c);
        model.addAttribute("canWork", canWork);
        model.addAttribute("today", today.toString());
        model.addAttribute("balance", Money.display(balances.receivableBalances(List.of(c.getId()))
                .getOrDefault(c.getId(), BigDecimal.ZERO), currency));
        model.addAttribute("openTotal", Money.display(openTotal, currency));
        model.addAttribute("items", items);
        model.addAttribute("ageing", ageing);
        model.addAttribute("payments", payments);
        model.addAttribute("history", history);
        model.addAttribute("waiting", waiting);
        model.addAttribute("recentDays", RECENT_DAYS);
        return "account/customer";
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    /** The document type as a message code's last part; null stays null (cash left on account). */
    private static String typeOf(DocumentType type) {
        return type == null ? null : type.name();
    }

    static String show(String s) {
        return s == null || s.isBlank() ? MISSING : s;
    }

}
