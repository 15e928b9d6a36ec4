package io.crmrecon.dispute;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DisputeRepository extends JpaRepository<Dispute, Long> {

    Optional<Dispute> findByAnswerId(long answerId);

    long countByStatementNo(String statementNo);

    List<Dispute> findByCustomerIdOrderByOpenedAtDesc(long customerId);

    List<Dispute> findByStatementNoOrderByOpenedAt(String statementNo);
}
