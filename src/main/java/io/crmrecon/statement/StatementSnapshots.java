package io.crmrecon.statement;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Statements' snapshots read from their JSON, the most recently read few kept: a snapshot never changes once
 * stored, and a customer's page reads the same one on every view (reading the JSON was a third of a page's time).
 */
@Component
class StatementSnapshots {

    private static final int KEPT = 512;

    private final Map<Long, StatementSnapshot> recent = new LinkedHashMap<>(KEPT * 4 / 3 + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, StatementSnapshot> eldest) {
            return size() > KEPT;
        }
    };

    StatementSnapshot of(Statement statement) {
        synchronized (recent) {
            StatementSnapshot kept = recent.get(statement.id());
            if (kept != null) {
                return kept;
            }
        }
        StatementSnapshot read = SnapshotJson.read(statement.snapshotJson());
        synchronized (recent) {
            recent.put(statement.id(), read);
        }
        return read;
    }
}
