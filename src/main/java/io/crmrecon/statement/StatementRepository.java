package io.crmrecon.statement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StatementRepository extends JpaRepository<Statement, Long> {

    Optional<Statement> findByStatementNoAndVersion(String statementNo, int version);

    /** The newest version of a statement number. */
    Optional<Statement> findFirstByStatementNoOrderByVersionDesc(String statementNo);

    /** The customer's statements in a currency, newest period and version first. */
    @Query("SELECT s FROM Statement s WHERE s.customerId = ?1 AND s.currency = ?2 ORDER BY s.period DESC, s.version DESC")
    List<Statement> history(long customerId, String currency);
}
