package io.crmrecon.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CustomerRepository extends JpaRepository<Customer, Long> {

    Optional<Customer> findByCustomerCode(String customerCode);

    List<Customer> findByCustomerCodeIn(Collection<String> codes);

    @Query("select c.id as id, c.customerCode as customerCode, c.currency as currency, "
            + "c.paymentTermsDays as paymentTermsDays from Customer c")
    List<CustomerRef> findAllRefs();
}
