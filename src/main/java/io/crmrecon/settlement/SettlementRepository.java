package io.crmrecon.settlement;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SettlementRepository extends JpaRepository<Settlement, Long> {

    Optional<Settlement> findBySettlementNo(String settlementNo);

    List<Settlement> findByStatusAndCustomerIdIn(SettlementStatus status, Collection<Long> customerIds);

    boolean existsByStatus(SettlementStatus status);

    boolean existsByCustomerIdAndCurrencyAndStatus(long customerId, String currency, SettlementStatus status);

    boolean existsByCustomerIdAndCurrencyAndStatusAndIdLessThan(long customerId, String currency,
            SettlementStatus status, long id);
}
