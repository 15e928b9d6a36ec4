package io.crmrecon.customer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CustomerRepository extends JpaRepository<Customer, Long> {

    Optional<Customer> findByCustomerCode(String customerCode);

    List<Customer> findByCustomerCodeIn(Collection<String> codes);

    /** Name or code containing the text (lower case), or an account number containing it; patterns escape with !. */
    @Query("select distinct c from Customer c left join c.bankAccounts a where lower(c.name) like :text escape '!' "
            + "or lower(c.customerCode) like :text escape '!' or a like :account escape '!' order by c.customerCode")
    List<Customer> search(@Param("text") String text, @Param("account") String account, Pageable limit);

    @Query("select c.id as id, c.customerCode as customerCode, c.currency as currency, "
            + "c.paymentTermsDays as paymentTermsDays from Customer c")
    List<CustomerRef> findAllRefs();
}
