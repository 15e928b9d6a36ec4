package io.crmrecon.customer;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
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
