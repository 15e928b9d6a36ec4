package io.crmrecon.ledger;

import io.crmrecon.bankfile.ParsedTransaction;
import io.crmrecon.common.CopyIn;
import io.crmrecon.common.SqlArrays;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes the transactions of a bank statement being imported whose duplicate keys are not stored yet. */
@Component
class NewBankTransactions {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    NewBankTransactions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the transactions whose keys are not stored yet; returns how many that were. On PostgreSQL through a
     * staging table and {@code ON CONFLICT DO NOTHING}: the unique key decides in the same step that inserts,
     * so neither a lookup planned while the table grows within this transaction nor an import of the same file
     * beside this one can let a key in twice.
     */
    int storeNew(long statementId, List<Map.Entry<String, ParsedTransaction>> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        if (CopyIn.available(jdbc)) {
            if (copiedStraightIn(statementId, rows)) {
                return rows.size();
            }
            // one per import: gone with its transaction, whether committed or rolled back
            jdbc.execute("CREATE TEMP TABLE IF NOT EXISTS incoming_bank_transaction (LIKE bank_transaction) "
                    + "ON COMMIT DROP");
            jdbc.execute("TRUNCATE incoming_bank_transaction");
            int[] line = {0};
            CopyIn.copyAll(jdbc, "incoming_bank_transaction", STAGED, rows,
                    (row, out) -> values(out.add(line[0]++), statementId, row));
            String columns = String.join(", ", COLUMNS);
            return jdbc.update("INSERT INTO bank_transaction (" + columns + ") SELECT " + columns
                    + " FROM incoming_bank_transaction ORDER BY id ON CONFLICT (dedup_key) DO NOTHING");
        }
        Set<String> before = storedKeys(rows.stream().map(Map.Entry::getKey).toList());
        List<Map.Entry<String, ParsedTransaction>> fresh = rows.stream()
                .filter(row -> !before.contains(row.getKey())).toList();
        insertTransactions(statementId, fresh);
        return fresh.size();
    }

    /**
     * A batch none of whose keys is stored yet (a new file's) is copied straight into the table: one write
     * instead of two. If any key is stored, or is being stored by an import beside this one, the unique key stops
     * the copy; it is undone to a savepoint and the batch goes through the staging table.
     */
    private boolean copiedStraightIn(long statementId, List<Map.Entry<String, ParsedTransaction>> rows) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            Savepoint before = connection.setSavepoint();
            try {
                CopyIn.copyAll(jdbc, "bank_transaction", COLUMNS, rows, (row, line) -> values(line, statementId, row));
            } catch (RuntimeException e) {
                if (!isUniqueViolation(e)) {
                    throw e;
                }
                connection.rollback(before);
                return false;
            }
            connection.releaseSavepoint(before);
            return true;
        }));
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private Set<String> storedKeys(List<String> keys) {
        Set<String> found = new HashSet<>();
        for (int i = 0; i < keys.size(); i += BATCH) {
            List<String> chunk = keys.subList(i, Math.min(keys.size(), i + BATCH));
            jdbc.query("SELECT dedup_key FROM bank_transaction WHERE dedup_key = ANY (?)", SqlArrays.varchars(chunk),
                    rs -> {
                        found.add(rs.getString("dedup_key"));
                    });
        }
        return found;
    }

    private static final List<String> COLUMNS = List.of("bank_statement_id", "account", "bank_reference",
            "booking_date", "value_date", "amount", "currency", "counterparty_name", "counterparty_account",
            "remittance_info", "structured_reference", "end_to_end_id", "bank_tx_code", "dedup_key");
    /** The staging table's columns: the file's order of the rows first. */
    private static final List<String> STAGED = Stream.concat(Stream.of("id"),
            COLUMNS.stream()).toList();

    private void insertTransactions(long statementId, List<Map.Entry<String, ParsedTransaction>> rows) {
        if (CopyIn.copy(jdbc, "bank_transaction", COLUMNS, rows, (row, line) -> values(line, statementId, row))) {
            return;
        }
        for (int i = 0; i < rows.size(); i += BATCH) {
            List<Map.Entry<String, ParsedTransaction>> chunk = rows.subList(i, Math.min(rows.size(), i + BATCH));
            jdbc.batchUpdate("INSERT INTO bank_transaction (bank_statement_id, account, bank_reference, booking_date, "
                    + "value_date, amount, currency, counterparty_name, counterparty_account, remittance_info, "
                    + "structured_reference, end_to_end_id, bank_tx_code, dedup_key) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new BatchPreparedStatementSetter() {
                        @Override
                        public void setValues(PreparedStatement ps, int index) throws SQLException {
                            ParsedTransaction t = chunk.get(index).getValue();
                            ps.setLong(1, statementId);
                            ps.setString(2, fit(t.account(), 64));
                            JdbcValues.setText(ps, 3, fit(t.bankReference(), 128));
                            ps.setDate(4, Date.valueOf(t.bookingDate()));
                            if (t.valueDate() == null) {
                                ps.setNull(5, Types.DATE);
                            } else {
                                ps.setDate(5, Date.valueOf(t.valueDate()));
                            }
                            ps.setBigDecimal(6, t.amount());
                            ps.setString(7, t.currency());
                            JdbcValues.setText(ps, 8, fit(t.counterpartyName(), 255));
                            JdbcValues.setText(ps, 9, fit(t.counterpartyAccount(), 64));
                            JdbcValues.setText(ps, 10, fit(t.remittanceInfo(), 2000));
                            JdbcValues.setText(ps, 11, fit(t.structuredReference(), 255));
                            JdbcValues.setText(ps, 12, fit(t.endToEndId(), 128));
                            JdbcValues.setText(ps, 13, fit(t.bankTxCode(), 64));
                            ps.setString(14, chunk.get(index).getKey());
                        }

                        @Override
                        public int getBatchSize() {
                            return chunk.size();
                        }
                    });
        }
    }

    private static void values(CopyIn.Line line, long statementId, Map.Entry<String, ParsedTransaction> row) {
        ParsedTransaction t = row.getValue();
        // the same values as the batch: an empty text is stored as null
        line.add(statementId).add(fit(t.account(), 64)).add(text(t.bankReference(), 128)).add(t.bookingDate())
                .add(t.valueDate()).add(t.amount()).add(t.currency()).add(text(t.counterpartyName(), 255))
                .add(text(t.counterpartyAccount(), 64)).add(text(t.remittanceInfo(), 2000))
                .add(text(t.structuredReference(), 255)).add(text(t.endToEndId(), 128))
                .add(text(t.bankTxCode(), 64)).add(row.getKey());
    }

    private static String text(String value, int max) {
        return value == null || value.isEmpty() ? null : fit(value, max);
    }

    /** Bank texts longer than a column are cut rather than the whole file refused. */
    static String fit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

}
