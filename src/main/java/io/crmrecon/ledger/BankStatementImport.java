package io.crmrecon.ledger;

import io.crmrecon.bankfile.BankFileFormat;
import io.crmrecon.bankfile.BankFileReader;
import io.crmrecon.bankfile.DuplicateKey;
import io.crmrecon.bankfile.ParsedBankFile;
import io.crmrecon.bankfile.ParsedStatement;
import io.crmrecon.bankfile.ParsedTransaction;
import io.crmrecon.common.BulkLoads;
import io.crmrecon.common.CopyIn;
import io.crmrecon.common.SqlArrays;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores the transactions of a bank file that were not stored before (the contract's duplicate rule, as one
 * unique key per transaction), so that importing the same or an overlapping file again adds nothing.
 */
@Service
public class BankStatementImport {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MessageSource messages;

    private final MatchingAfterImport matching;

    BankStatementImport(JdbcTemplate jdbc, Clock clock, MessageSource messages,
            @org.springframework.context.annotation.Lazy MatchingAfterImport matching) {
        this.matching = matching;
        this.jdbc = jdbc;
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * What the import stored, the matching run it started (none when nothing new came) and {@code warnings}: what
     * the file says that does not add up, per statement; empty when all is well.
     */
    public record Result(long bankStatementId, BankFileFormat format, int transactions, int duplicates,
            Long matchingRunId, String matchingRunUrl, List<BankStatementWarning> warnings) {

        public Result {
            warnings = List.copyOf(warnings);
        }

        /** The same result with the warnings' texts in another language. */
        public Result withWarnings(List<BankStatementWarning> rendered) {
            return new Result(bankStatementId, format, transactions, duplicates, matchingRunId, matchingRunUrl,
                    rendered);
        }
    }

    /**
     * What a person recognises a bank statement by: the file's name, the statement's own ids from the file (camt
     * {@code Stmt/Id}, MT940 {@code :20:/:28C:}; comma-separated when a file has several), its accounts, and the
     * first and last booking date of the transactions stored from it.
     */
    public record StatementFacts(String fileName, String statementRefs, String accounts, LocalDate firstBooking,
            LocalDate lastBooking) {
    }

    /** The facts of a stored bank statement, or null when there is none with that id. */
    @Transactional(readOnly = true)
    public StatementFacts facts(long bankStatementId) {
        return jdbc.query("SELECT s.file_name, s.statement_refs, s.accounts, MIN(t.booking_date) AS first_booking, "
                        + "MAX(t.booking_date) AS last_booking "
                        + "FROM bank_statement s LEFT JOIN bank_transaction t ON t.bank_statement_id = s.id "
                        + "WHERE s.id = ? GROUP BY s.file_name, s.statement_refs, s.accounts",
                rs -> rs.next() ? new StatementFacts(rs.getString("file_name"),
                        emptyToNull(rs.getString("statement_refs")), emptyToNull(rs.getString("accounts")),
                        rs.getObject("first_booking", LocalDate.class), rs.getObject("last_booking", LocalDate.class))
                        : null, bankStatementId);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Transactional
    public Result importFile(byte[] content, String fileName, String importedBy) {
        return importFile(content, null, fileName, importedBy);
    }

    /** {@code charset}: what the upload says its text is in (MT940 and CSV), or null to tell from the bytes. */
    @Transactional
    public Result importFile(byte[] content, Charset charset, String fileName, String importedBy) {
        ParsedBankFile file = BankFileReader.read(content, charset);
        Map<String, ParsedTransaction> byKey = new LinkedHashMap<>();
        int duplicates = 0;
        Set<String> accounts = new LinkedHashSet<>();
        Set<String> statementIds = new LinkedHashSet<>();
        List<BankStatementWarning> warnings = new ArrayList<>();
        for (ParsedStatement statement : file.statements()) {
            BankStatementWarning warning = BankStatementWarning.of(statement);
            if (warning != null) {
                // kept in English with the bank statement; the answer renders it in the caller's language
                warnings.add(warning.rendered((code, args) -> messages.getMessage(code, args, code, Locale.ENGLISH)));
            }
            if (statement.account() != null) {
                accounts.add(statement.account());
            }
            if (statement.statementId() != null) {
                statementIds.add(statement.statementId());
            }
            List<String> keys = DuplicateKey.keysOf(statement.transactions());
            for (int i = 0; i < keys.size(); i++) {
                // overlapping statements inside one file carry the same referenced transaction twice
                if (byKey.putIfAbsent(keys.get(i), statement.transactions().get(i)) != null) {
                    duplicates++;
                }
            }
        }
        Set<String> stored = storedKeys(new ArrayList<>(byKey.keySet()));

        duplicates += stored.size();
        byKey.keySet().removeAll(stored);

        long statementId = insertStatement(file.format(), fileName, sha256(content), statementIds, accounts,
                byKey.size(), duplicates, importedBy, warnings);
        insertTransactions(statementId, new ArrayList<>(byKey.entrySet()));
        BulkLoads.analyzeAfter(jdbc, "bank_transaction", byKey.size());
        if (byKey.isEmpty()) {
            return new Result(statementId, file.format(), 0, duplicates, null, null, warnings);
        }
        MatchingAfterImport.StartedRun run = matching.bankStatementImported(statementId, importedBy);
        return new Result(statementId, file.format(), byKey.size(), duplicates, run.id(), run.url(), warnings);
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

    private long insertStatement(BankFileFormat format, String fileName, String sha256, Set<String> statementIds,
            Set<String> accounts, int transactions, int duplicates, String importedBy,
            List<BankStatementWarning> warnings) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO bank_statement (format, file_name, file_sha256, "
                    + "statement_refs, accounts, transactions, duplicates, imported_at, imported_by, warnings) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, format.name());
            ps.setString(2, fit(fileName, 255));
            ps.setString(3, sha256);
            ps.setString(4, fit(String.join(",", statementIds), 1000));
            ps.setString(5, fit(String.join(",", accounts), 1000));
            ps.setInt(6, transactions);
            ps.setInt(7, duplicates);
            ps.setTimestamp(8, Timestamp.from(clock.instant()));
            ps.setString(9, importedBy);
            JdbcValues.setText(ps, 10, warnings.isEmpty() ? null
                    : fit(String.join("\n", warnings.stream().map(BankStatementWarning::message).toList()), 4000));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    private static final List<String> COLUMNS = List.of("bank_statement_id", "account", "bank_reference",
            "booking_date", "value_date", "amount", "currency", "counterparty_name", "counterparty_account",
            "remittance_info", "structured_reference", "end_to_end_id", "bank_tx_code", "dedup_key");

    private void insertTransactions(long statementId, List<Map.Entry<String, ParsedTransaction>> rows) {
        if (CopyIn.copy(jdbc, "bank_transaction", COLUMNS, rows, (row, line) -> {
            ParsedTransaction t = row.getValue();
            // the same values as the batch below: an empty text is stored as null
            line.add(statementId).add(fit(t.account(), 64)).add(text(t.bankReference(), 128)).add(t.bookingDate())
                    .add(t.valueDate()).add(t.amount()).add(t.currency()).add(text(t.counterpartyName(), 255))
                    .add(text(t.counterpartyAccount(), 64)).add(text(t.remittanceInfo(), 2000))
                    .add(text(t.structuredReference(), 255)).add(text(t.endToEndId(), 128))
                    .add(text(t.bankTxCode(), 64)).add(row.getKey());
        })) {
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

    private static String text(String value, int max) {
        return value == null || value.isEmpty() ? null : fit(value, max);
    }

    /** Bank texts longer than a column are cut rather than the whole file refused. */
    private static String fit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
