package io.crmrecon.customer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other features may ask of customers. */
@Service
@Transactional(readOnly = true)
public class Customers {

    private final CustomerRepository repository;

    Customers(CustomerRepository repository) {
        this.repository = repository;
    }

    public Optional<Customer> byCode(String customerCode) {
        return repository.findByCustomerCode(customerCode);
    }

    public Optional<Customer> byId(long id) {
        return repository.findById(id);
    }

    /**
     * Customers whose name (any part, Chinese or Latin), code or payer account contains the text, ignoring case;
     * an exact code first. Blank text finds nobody.
     */
    public List<Customer> search(String text, int limit) {
        String wanted = text == null ? "" : text.strip();
        if (wanted.isEmpty() || limit <= 0) {
            return List.of();
        }
        String account = BankAccounts.normalise(wanted);
        List<Customer> found = new java.util.ArrayList<>(repository.search(contains(wanted.toLowerCase(Locale.ROOT)),
                account.isEmpty() ? "" : contains(account), PageRequest.of(0, limit)));
        found.sort(java.util.Comparator.comparing(c -> !c.getCustomerCode().equalsIgnoreCase(wanted)));
        return found;
    }

    /**
     * What a person typed to name one customer: the customer whose code it is exactly, else {@link #search}'s
     * customers.
     */
    public List<Customer> byCodeOrSearch(String text, int limit) {
        return byCode(text == null ? "" : text.strip()).map(List::of).orElseGet(() -> search(text, limit));
    }

    private static String contains(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    public Page<Customer> page(Pageable pageable) {
        return repository.findAll(pageable);
    }

    /** Every customer's id, code, currency and terms: small enough to hold while importing documents. */
    public List<CustomerRef> refs() {
        return repository.findAllRefs();
    }

    /** Every customer with its accounts (a few thousand: matching holds them as payers). */
    public List<Customer> all() {
        return repository.findAll();
    }

    public long count() {
        return repository.count();
    }
}
