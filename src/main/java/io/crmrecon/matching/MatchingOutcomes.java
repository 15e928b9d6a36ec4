package io.crmrecon.matching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmrecon.common.CopyIn;
import io.crmrecon.matching.engine.MatchOutcome;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The decisions about a transaction that its allocations do not show, a row each: a run's suggestions or its
 * finding nothing, and a clerk's decision. An automatic match is its allocations (method AUTO, rule, confidence,
 * run), so it gets no row here: a million-payment run writes the exceptions only. A transaction's state is its
 * allocations in force, else the newest row here.
 */
@Component
class MatchingOutcomes {

    private static final int BATCH = 2000;
    private static final List<String> COLUMNS = List.of("transaction_id", "matching_run_id", "status", "customer_id",
            "rule", "confidence", "suggestions", "created_at");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    MatchingOutcomes(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A suggestion as clerks and the task form see it: document numbers rather than ids. */
    record ShownSuggestion(long customerId, List<String> documentNos, String rule, String score, String reason) {
    }

    /** Records the run's exceptions (what was not applied automatically). */
    void record(long runId, List<MatchOutcome> decided, Map<Long, String> documentNos) {
        List<MatchOutcome> outcomes = decided.stream().filter(o -> o.status() != MatchOutcome.Status.AUTO).toList();
        Instant at = clock.instant();
        if (CopyIn.copy(jdbc, "matching_outcome", COLUMNS, outcomes, (o, line) -> line.add(o.transactionId())
                .add(runId).add(o.status().name()).add(o.customerId()).add(o.rule() == null ? null : o.rule().name())
                .add(o.confidence()).add(suggestions(o, documentNos)).add(at))) {
            return;
        }
        Timestamp now = Timestamp.from(at);
        for (int i = 0; i < outcomes.size(); i += BATCH) {
            List<MatchOutcome> chunk = outcomes.subList(i, Math.min(outcomes.size(), i + BATCH));
            jdbc.batchUpdate("INSERT INTO matching_outcome (transaction_id, matching_run_id, status, customer_id, rule, "
                    + "confidence, suggestions, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    new BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(PreparedStatement ps, int index) throws SQLException {
                            MatchOutcome o = chunk.get(index);
                            ps.setLong(1, o.transactionId());
                            ps.setLong(2, runId);
                            ps.setString(3, o.status().name());
                            if (o.customerId() == null) {
                                ps.setNull(4, Types.BIGINT);
                            } else {
                                ps.setLong(4, o.customerId());
                            }
                            ps.setString(5, o.rule() == null ? null : o.rule().name());
                            ps.setBigDecimal(6, o.confidence());
                            ps.setString(7, suggestions(o, documentNos));
                            ps.setTimestamp(8, now);
                        }

                        @Override
                        public int getBatchSize() {
                            return chunk.size();
                        }
                    });
        }
    }

    void recordManual(long transactionId, Long customerId) {
        jdbc.update("INSERT INTO matching_outcome (transaction_id, status, customer_id, created_at) "
                + "VALUES (?, 'MANUAL', ?, ?)", transactionId, customerId, Timestamp.from(clock.instant()));
    }

    /** The newest decision about a transaction: its status, customer and suggestions. */
    record Latest(String status, Long customerId, List<ShownSuggestion> suggestions) {
    }

    Latest latest(long transactionId) {
        List<Latest> rows = jdbc.query("SELECT status, customer_id, suggestions FROM matching_outcome "
                + "WHERE transaction_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", (rs, i) -> {
                    // wasNull() right after the column it is about: an unknown customer is null, never id 0
                    long customer = rs.getLong(2);
                    Long customerId = rs.wasNull() ? null : customer;
                    return new Latest(rs.getString(1), customerId, parse(rs.getString(3)));
                }, transactionId);
        return rows.isEmpty() ? new Latest("UNMATCHED", null, List.of()) : rows.get(0);
    }

    private String suggestions(MatchOutcome o, Map<Long, String> documentNos) {
        return o.suggestions() == null || o.suggestions().isEmpty() ? null
                : suggestionsJson(o.suggestions(), documentNos);
    }

    private String suggestionsJson(List<MatchOutcome.Suggestion> suggestions, Map<Long, String> documentNos) {
        List<ShownSuggestion> shown = new ArrayList<>();
        for (MatchOutcome.Suggestion s : suggestions.subList(0, Math.min(20, suggestions.size()))) {
            shown.add(new ShownSuggestion(s.customerId(), s.documentIds().stream().map(documentNos::get).toList(),
                    s.rule() == null ? null : s.rule().name(),
                    s.score() == null ? null : s.score().toPlainString(), s.reason()));
        }
        try {
            String text = json.writeValueAsString(shown);
            // the column holds 20,000 characters; fewer suggestions rather than a cut-off JSON
            while (text.length() > 20_000 && shown.size() > 1) {
                shown.remove(shown.size() - 1);
                text = json.writeValueAsString(shown);
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ShownSuggestion> parse(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return List.of(json.readValue(text, ShownSuggestion[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
