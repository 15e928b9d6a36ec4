package io.crmrecon.statement;

import io.crmrecon.ledger.LedgerActivity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What matching learns from statements: every statement number still open (its latest version neither superseded,
 * settled nor closed) stands for the documents of its open items, so a payment quoting only the number pays them.
 */
@Component
public class OpenStatements {

    /** An open statement's number, its customer and the ledger ids of the documents still open on it. */
    public record OpenStatement(String statementNo, long customerId, List<Long> documentIds) {
    }

    private final JdbcClient jdbc;
    private final LedgerActivity ledger;

    OpenStatements(JdbcClient jdbc, LedgerActivity ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    private record Open(String statementNo, long customerId, List<String> documentNos) {
    }

    @Transactional(readOnly = true)
    public List<OpenStatement> all() {
        List<Open> open = new ArrayList<>();
        jdbc.sql("SELECT s.statement_no, s.customer_id, s.snapshot FROM statement s "
                        + "WHERE s.status NOT IN ('SUPERSEDED', 'SETTLED', 'CLOSED') "
                        + "AND s.version = (SELECT MAX(v.version) FROM statement v WHERE v.statement_no = s.statement_no)")
                .query(rs -> {
                    StatementSnapshot snapshot = SnapshotJson.read(rs.getString(3));
                    open.add(new Open(rs.getString(1), rs.getLong(2), snapshot.openItems().stream()
                            .filter(i -> i.open().signum() != 0)
                            .map(StatementSnapshot.OpenItem::documentNo).toList()));
                });
        Set<String> numbers = new HashSet<>();
        open.forEach(o -> numbers.addAll(o.documentNos()));
        Map<String, Long> ids = numbers.isEmpty() ? Map.of() : ledger.documentIds(numbers);
        List<OpenStatement> refs = new ArrayList<>(open.size());
        for (Open o : open) {
            List<Long> documents = o.documentNos().stream().map(ids::get).filter(Objects::nonNull).toList();
            if (!documents.isEmpty()) {
                refs.add(new OpenStatement(o.statementNo(), o.customerId(), documents));
            }
        }
        return refs;
    }
}
