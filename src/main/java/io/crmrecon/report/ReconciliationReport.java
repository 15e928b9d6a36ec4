package io.crmrecon.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A period's statements: how many were made, sent, and how their customers answered. A statement (one number, all
 * its versions) counts once: confirmed when the customer confirmed any version, deemed confirmed when the answer
 * period ran out without a word, disputed when the customer disputed any version (also when a later version was
 * confirmed), overdue when it was sent, never answered and its answer period is over.
 */
@Component
@Transactional(readOnly = true)
class ReconciliationReport {

    private final JdbcClient jdbc;
    private final Clock clock;

    ReconciliationReport(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Report of(YearMonth period) {
        LocalDate today = LocalDate.now(clock);
        long[] counts = new long[7];
        Medians toConfirm = new Medians();
        jdbc.sql("SELECT s.statement_no, MIN(s.sent_at) AS first_sent, MAX(s.answer_due) AS answer_due, "
                        + "MAX(CASE WHEN a.kind = 'CONFIRMED' THEN 1 ELSE 0 END) AS confirmed, "
                        + "MAX(CASE WHEN a.kind = 'DEEMED_CONFIRMED' THEN 1 ELSE 0 END) AS deemed, "
                        + "MAX(CASE WHEN a.kind = 'DISPUTED' THEN 1 ELSE 0 END) AS disputed, "
                        + "MIN(CASE WHEN a.kind = 'CONFIRMED' THEN a.answered_at END) AS confirmed_at "
                        + "FROM statement s LEFT JOIN statement_answer a ON a.statement_id = s.id "
                        + "WHERE s.period = :period GROUP BY s.statement_no")
                .param("period", period.toString()).query((RowCallbackHandler) rs -> {
                    Timestamp sent = rs.getTimestamp("first_sent");
                    boolean confirmed = rs.getInt("confirmed") == 1;
                    boolean deemed = !confirmed && rs.getInt("deemed") == 1;
                    boolean disputed = rs.getInt("disputed") == 1;
                    LocalDate due = rs.getObject("answer_due", LocalDate.class);
                    counts[0]++;
                    if (sent != null) {
                        counts[1]++;
                    }
                    if (confirmed) {
                        counts[2]++;
                        Timestamp at = rs.getTimestamp("confirmed_at");
                        toConfirm.add(sent == null ? null : sent.toInstant(), at == null ? null : at.toInstant());
                    }
                    if (deemed) {
                        counts[3]++;
                    }
                    if (disputed) {
                        counts[4]++;
                    }
                    boolean answered = confirmed || deemed || disputed;
                    if (sent != null && !answered) {
                        counts[5]++;
                        if (due != null && due.isBefore(today)) {
                            counts[6]++;
                        }
                    }
                });
        List<List<Object>> byStatus = new ArrayList<>();
        // each statement's newest version: where the statements of the period stand now
        jdbc.sql("SELECT s.status, COUNT(*) AS n FROM statement s WHERE s.period = :period AND s.version = "
                        + "(SELECT MAX(v.version) FROM statement v WHERE v.statement_no = s.statement_no) "
                        + "GROUP BY s.status ORDER BY s.status")
                .param("period", period.toString())
                .query((RowCallbackHandler) rs -> byStatus.add(List.of(rs.getString("status"), rs.getLong("n"))));
        long sent = counts[1];
        List<Object> summary = new ArrayList<>(List.of(period.toString(), counts[0], sent, counts[2], counts[3],
                counts[4], counts[5], counts[6]));
        summary.add(Figures.rate(counts[2] + counts[3], sent));
        summary.add(Figures.rate(counts[2] + counts[4], sent));
        summary.add(toConfirm.medianDays());
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("period", period.toString());
        parameters.put("asOf", today);
        return new Report("reconciliation", parameters, List.of(
                new Report.Table("summary", List.of(Report.Column.text("period"), Report.Column.integer("generated"),
                        Report.Column.integer("sent"), Report.Column.integer("confirmed"),
                        Report.Column.integer("deemedConfirmed"), Report.Column.integer("disputed"),
                        Report.Column.integer("unanswered"), Report.Column.integer("overdue"),
                        Report.Column.decimal("confirmationRate"), Report.Column.decimal("answerRate"),
                        Report.Column.decimal("medianDaysToConfirm")), List.of(summary)),
                new Report.Table("byStatus", List.of(Report.Column.text("status"), Report.Column.integer("statements")),
                        byStatus)));
    }
}
