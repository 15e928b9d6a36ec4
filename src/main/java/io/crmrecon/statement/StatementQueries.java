package io.crmrecon.statement;

import io.crmrecon.common.Money;
import io.crmrecon.customer.Customer;
import io.crmrecon.customer.Customers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading statements for the API and the staff pages: filtered pages of every version, one version, its history. */
@Service
@Transactional(readOnly = true)
class StatementQueries {

    private final JdbcClient jdbc;
    private final StatementRepository repository;
    private final Customers customers;

    StatementQueries(JdbcClient jdbc, StatementRepository repository, Customers customers) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.customers = customers;
    }

    /**
     * Filters; null or blank means any. {@code customer} is a customer code; with {@code orName} also any part of a
     * customer's name or code (as {@link Customers#search} finds them; an exact code only that customer).
     */
    record Filter(String customer, boolean orName, String period, StatementStatus status) {
    }

    /** The most customers a name's part finds for the staff's list; more narrow it with more of the name. */
    static final int MAX_CUSTOMERS_BY_NAME = 200;

    /** One version as lists show it; balances as strings with the currency's minor digits. */
    record Row(String statementNo, int version, String period, String customerCode, String customerName,
            String currency, String status, String openingBalance, String closingBalance, String processInstanceId,
            Instant generatedAt) {
    }

    /** {@code customersCut}: the name matched more customers than {@link #MAX_CUSTOMERS_BY_NAME}; the first listed. */
    record Page(List<Row> content, int number, int size, long totalElements, boolean customersCut) {

        int totalPages() {
            return size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
        }
    }

    record Event(String status, Instant occurredAt, String actor, String note) {
    }

    /** Newest period first, then newest generated, every version. A customer nobody matches matches nothing. */
    Page page(Filter filter, int number, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        boolean cut = false;
        if (filter.customer() != null && !filter.customer().isBlank()) {
            List<Long> ids = customerIds(filter.customer().strip(), filter.orName());
            if (ids.isEmpty()) {
                return new Page(List.of(), number, size, 0, false);
            }
            cut = ids.size() > MAX_CUSTOMERS_BY_NAME;
            where.append(" AND customer_id IN (:customers)");
            params.put("customers", cut ? ids.subList(0, MAX_CUSTOMERS_BY_NAME) : ids);
        }
        if (filter.period() != null && !filter.period().isBlank()) {
            where.append(" AND period = :period");
            params.put("period", filter.period().strip());
        }
        if (filter.status() != null) {
            where.append(" AND status = :status");
            params.put("status", filter.status().name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM statement" + where).params(params).query(Long.class).single();
        params.put("offset", (long) number * size);
        params.put("size", size);
        Map<Long, Customer> known = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        jdbc.sql("SELECT statement_no, version, period, customer_id, currency, status, opening_balance, "
                        + "closing_balance, process_instance_id, generated_at FROM statement" + where
                        + " ORDER BY period DESC, generated_at DESC, statement_no DESC, version DESC "
                        + "OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .params(params)
                .query(rs -> {
                    long customerId = rs.getLong("customer_id");
                    Customer c = known.computeIfAbsent(customerId, id -> customers.byId(id).orElse(null));
                    String currency = rs.getString("currency");
                    rows.add(new Row(rs.getString("statement_no"), rs.getInt("version"), rs.getString("period"),
                            c == null ? "" : c.getCustomerCode(), c == null ? "" : c.getName(), currency,
                            rs.getString("status"), Money.format(rs.getBigDecimal("opening_balance"), currency),
                            Money.format(rs.getBigDecimal("closing_balance"), currency),
                            rs.getString("process_instance_id"), rs.getTimestamp("generated_at").toInstant()));
                });
        return new Page(rows, number, size, total, cut);
    }

    /** The latest version of a number, or the one asked for. */
    Optional<Statement> find(String statementNo, Integer version) {
        return version == null ? repository.findFirstByStatementNoOrderByVersionDesc(statementNo)
                : repository.findByStatementNoAndVersion(statementNo, version);
    }

    /** Every version of a number with its status, oldest first: one small query, no snapshot or PDF read. */
    List<VersionStatus> versions(String statementNo) {
        return jdbc.sql("SELECT version, status FROM statement WHERE statement_no = :no ORDER BY version")
                .param("no", statementNo)
                .query((rs, i) -> new VersionStatus(rs.getInt("version"), rs.getString("status"))).list();
    }

    record VersionStatus(int version, String status) {
    }

    List<Event> history(long statementId) {
        return jdbc.sql("SELECT status, occurred_at, actor, note FROM statement_event WHERE statement_id = :id "
                        + "ORDER BY id")
                .param("id", statementId)
                .query((rs, i) -> new Event(rs.getString("status"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("note")))
                .list();
    }

    /** The customer of that code; with {@code orName} otherwise the customers found, one more than are listed. */
    private List<Long> customerIds(String customer, boolean orName) {
        List<Customer> found = orName ? customers.byCodeOrSearch(customer, MAX_CUSTOMERS_BY_NAME + 1)
                : customers.byCode(customer).map(List::of).orElse(List.of());
        return found.stream().map(Customer::getId).toList();
    }

    Optional<Customer> customer(Statement statement) {
        return customers.byId(statement.customerId());
    }
}
