package io.crmrecon.matching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unapplied receipts (未核销收款): every payment in with something not applied, what matching made of it and its
 * open manualMatch task. "Applied" is the sum of the transaction's allocations (reversals included, as negative
 * rows), whatever they went to: documents, a customer's account or non-customer income. The payments come from
 * the ledger's published view {@code ledger_receipt}, not its tables.
 */
@Service
@Transactional(readOnly = true)
public class UnappliedReceipts {

    /** One row per incoming transaction, with the derived columns the filters and sorts use. */
    private static final String ROWS = "SELECT * FROM (SELECT t.transaction_id, t.bank_reference, t.booking_date, "
            + "t.amount, t.remaining, t.currency, t.counterparty_name, t.counterparty_account, t.remittance_info, "
            + "t.bank_statement_id, t.bank_statement_file, o.suggestions, m.process_instance_id, c.customer_code, "
            + "c.name AS customer_name, "
            + "CASE WHEN t.applied <> 0 THEN 'PARTLY_APPLIED' WHEN o.status = 'SUGGESTED' THEN 'SUGGESTED' "
            + "WHEN o.status = 'UNMATCHED' THEN 'UNMATCHED' ELSE 'WAITING' END AS status "
            + "FROM ledger_receipt t "
            + "LEFT JOIN (SELECT transaction_id, MAX(id) AS id FROM matching_outcome GROUP BY transaction_id) lo "
            + "ON lo.transaction_id = t.transaction_id LEFT JOIN matching_outcome o ON o.id = lo.id "
            + "LEFT JOIN manual_match_task m ON m.transaction_id = t.transaction_id "
            + "LEFT JOIN customer c ON c.id = COALESCE(o.customer_id, "
            + "CASE WHEN t.applied <> 0 THEN t.allocated_customer_id END)) r WHERE r.remaining > 0";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final OpenTasks openTasks;
    private final ObjectMapper json;
    private final Clock clock;

    UnappliedReceipts(JdbcClient jdbc, JdbcTemplate template, OpenTasks openTasks, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.openTasks = openTasks;
        this.json = json;
        this.clock = clock;
    }

    /** One receipt as the list shows it; amounts at the currency's digits, {@code taskId} null when none is seen. */
    public record Receipt(long transactionId, String bankReference, LocalDate bookingDate, long ageDays,
            BigDecimal amount, BigDecimal remaining, String currency, String payerName, String payerAccount,
            String remittanceInfo, long bankStatementId, String bankStatementFile, String customerCode,
            String customerName, ReceiptStatus status, List<String> suggestedDocumentNos, String suggestionRule,
            String suggestionReason, boolean inTask, String taskId) {
    }

    /** Count and sums of the filtered receipts in one currency. */
    public record Total(String currency, long count, BigDecimal amount, BigDecimal remaining) {
    }

    public record Page(List<Receipt> content, long totalElements, int number, int size, List<Total> totals) {
        public int totalPages() {
            return (int) ((totalElements + size - 1) / size);
        }
    }

    public Page page(ReceiptFilter filter) {
        Where where = where(filter);
        List<Total> totals = totals(where);
        long count = totals.stream().mapToLong(Total::count).sum();
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = jdbc.sql(ROWS + where.sql + orderBy(filter) + " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .paramSource(where.params.addValue("offset", (long) filter.page() * filter.size())
                        .addValue("size", filter.size()))
                .query((rs, i) -> row(rs, today)).list();
        return new Page(withTasks(rows), count, filter.page(), filter.size(), totals);
    }

    /** Every filtered receipt in order, for exports: streamed, tasks looked up a chunk at a time. */
    public void forEach(ReceiptFilter filter, Consumer<Receipt> consumer) {
        Where where = where(filter);
        LocalDate today = LocalDate.now(clock);
        NamedParameterJdbcTemplate streaming = new NamedParameterJdbcTemplate(streaming());
        List<Row> chunk = new ArrayList<>();
        streaming.query(ROWS + where.sql + orderBy(filter), where.params, (ResultSet rs) -> {
            chunk.add(row(rs, today));
            if (chunk.size() == 500) {
                withTasks(chunk).forEach(consumer);
                chunk.clear();
            }
        });
        withTasks(chunk).forEach(consumer);
    }

    /** The day ages are counted to: today in the company's zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<Total> totals(ReceiptFilter filter) {
        return totals(where(filter));
    }

    /** The unapplied receipts identified as a customer's (or partly applied to it), oldest first. */
    public List<Receipt> ofCustomer(String customerCode) {
        ReceiptFilter filter = new ReceiptFilter(null, null, null, null, customerCode, null, null, "bookingDate",
                false, 0, ReceiptFilter.MAX_SIZE);
        return page(filter).content();
    }

    /** The open manualMatch task of each of these transactions that the current user can see. */
    public Map<Long, String> openTaskIds(List<Long> transactionIds) {
        if (transactionIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> instances = new HashMap<>();
        jdbc.sql("SELECT transaction_id, process_instance_id FROM manual_match_task WHERE transaction_id IN (:ids)")
                .param("ids", transactionIds)
                .query(rs -> {
                    instances.put(rs.getLong("transaction_id"), rs.getString("process_instance_id"));
                });
        return instances.isEmpty() ? Map.of() : openTasks.taskIds(instances);
    }

    private List<Total> totals(Where where) {
        return jdbc.sql("SELECT currency, COUNT(*) AS n, SUM(amount) AS amount, SUM(remaining) AS remaining FROM ("
                        + ROWS + where.sql + ") f GROUP BY currency ORDER BY currency")
                .paramSource(where.params)
                .query((rs, i) -> new Total(rs.getString("currency"), rs.getLong("n"),
                        scaled(rs.getBigDecimal("amount"), rs.getString("currency")),
                        scaled(rs.getBigDecimal("remaining"), rs.getString("currency"))))
                .list();
    }

    private record Where(String sql, MapSqlParameterSource params) {
    }

    private static Where where(ReceiptFilter f) {
        StringBuilder sql = new StringBuilder();
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (f.from() != null) {
            sql.append(" AND r.booking_date >= :from");
            params.addValue("from", f.from());
        }
        if (f.to() != null) {
            sql.append(" AND r.booking_date <= :to");
            params.addValue("to", f.to());
        }
        if (f.amountMin() != null) {
            sql.append(" AND r.amount >= :amountMin");
            params.addValue("amountMin", f.amountMin());
        }
        if (f.amountMax() != null) {
            sql.append(" AND r.amount <= :amountMax");
            params.addValue("amountMax", f.amountMax());
        }
        if (f.customer() != null) {
            sql.append(" AND r.customer_code = :customer");
            params.addValue("customer", f.customer());
        }
        if (f.status() != null) {
            sql.append(" AND r.status = :status");
            params.addValue("status", f.status().name());
        }
        if (f.q() != null) {
            sql.append(" AND (LOWER(r.bank_reference) LIKE :q OR LOWER(r.counterparty_name) LIKE :q "
                    + "OR LOWER(r.counterparty_account) LIKE :q OR LOWER(r.remittance_info) LIKE :q)");
            String escaped = f.q().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_");
            params.addValue("q", "%" + escaped + "%");
        }
        return new Where(sql.toString(), params);
    }

    private static String orderBy(ReceiptFilter f) {
        // age runs against the booking date: the oldest receipt is the one of greatest age
        boolean descending = f.sort().equals("age") != f.descending();
        String direction = descending ? " DESC" : " ASC";
        String column = ReceiptFilter.SORTS.get(f.sort());
        // NULLs last either way, the same on PostgreSQL and H2
        String nullsLast = "CASE WHEN r." + column + " IS NULL THEN 1 ELSE 0 END, ";
        return " ORDER BY " + nullsLast + "r." + column + direction + ", r.transaction_id" + direction;
    }

    /** A row before its task is looked up. */
    private record Row(Receipt receipt, String processInstanceId) {
    }

    private Row row(ResultSet rs, LocalDate today) throws SQLException {
        String currency = rs.getString("currency");
        LocalDate booked = rs.getObject("booking_date", LocalDate.class);
        MatchingOutcomes.ShownSuggestion best = best(rs.getString("suggestions"));
        String instance = rs.getString("process_instance_id");
        return new Row(new Receipt(rs.getLong("transaction_id"), rs.getString("bank_reference"), booked,
                ChronoUnit.DAYS.between(booked, today), scaled(rs.getBigDecimal("amount"), currency),
                scaled(rs.getBigDecimal("remaining"), currency), currency, rs.getString("counterparty_name"),
                rs.getString("counterparty_account"), rs.getString("remittance_info"), rs.getLong("bank_statement_id"),
                rs.getString("bank_statement_file"), rs.getString("customer_code"), rs.getString("customer_name"),
                ReceiptStatus.valueOf(rs.getString("status")), best == null ? List.of() : best.documentNos(),
                best == null ? null : best.rule(), best == null ? null : best.reason(), instance != null, null),
                instance);
    }

    private List<Receipt> withTasks(List<Row> rows) {
        Map<Long, String> instances = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.processInstanceId() != null) {
                instances.put(r.receipt().transactionId(), r.processInstanceId());
            }
        }
        Map<Long, String> taskIds = instances.isEmpty() ? Map.of() : openTasks.taskIds(instances);
        List<Receipt> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Receipt r = row.receipt();
            String taskId = taskIds.get(r.transactionId());
            out.add(taskId == null ? r : new Receipt(r.transactionId(), r.bankReference(), r.bookingDate(), r.ageDays(),
                    r.amount(), r.remaining(), r.currency(), r.payerName(), r.payerAccount(), r.remittanceInfo(),
                    r.bankStatementId(), r.bankStatementFile(), r.customerCode(), r.customerName(), r.status(),
                    r.suggestedDocumentNos(), r.suggestionRule(), r.suggestionReason(), r.inTask(), taskId));
        }
        return out;
    }

    private MatchingOutcomes.ShownSuggestion best(String suggestions) {
        if (suggestions == null || suggestions.isBlank()) {
            return null;
        }
        try {
            MatchingOutcomes.ShownSuggestion[] all = json.readValue(suggestions, MatchingOutcomes.ShownSuggestion[].class);
            return all.length == 0 ? null : all[0];
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private JdbcTemplate streaming() {
        JdbcTemplate t = new JdbcTemplate(template.getDataSource());
        // PostgreSQL streams with a fetch size only inside a transaction (this class's read-only one)
        t.setFetchSize(2000);
        return t;
    }

    private static BigDecimal scaled(BigDecimal amount, String currency) {
        return amount == null ? BigDecimal.ZERO
                : amount.setScale(io.crmrecon.common.Money.minorDigits(currency), java.math.RoundingMode.HALF_EVEN);
    }
}
