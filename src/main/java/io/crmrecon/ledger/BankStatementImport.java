package io.crmrecon.ledger;

import io.crmrecon.bankfile.BankFileFormat;
import io.crmrecon.bankfile.BankFileStream;
import io.crmrecon.bankfile.DuplicateKey;
import io.crmrecon.bankfile.ParsedBankFile;
import io.crmrecon.bankfile.ParsedStatement;
import io.crmrecon.bankfile.ParsedTransaction;
import io.crmrecon.common.BulkLoads;
import io.crmrecon.common.ImportProperties;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.MessageSource;
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

    /** Transactions stored together while the file is still being read: enough for one COPY. */
    private static final int BATCH_READ = 10_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MessageSource messages;

    private final MatchingAfterImport matching;
    private final NewBankTransactions transactions;
    /** Read bank files beside the transaction that stores them (daemon threads, made on demand). */
    private final ExecutorService readers = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "bank-file-reader-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    private final long maxMt940Size;

    BankStatementImport(JdbcTemplate jdbc, Clock clock, MessageSource messages,
            @org.springframework.context.annotation.Lazy MatchingAfterImport matching,
            NewBankTransactions transactions, ImportProperties limits) {
        this.maxMt940Size = limits.maxMt940Size().toBytes();
        this.matching = matching;
        this.transactions = transactions;
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
        // each an index probe (ix_bank_transaction_statement_booking), however many transactions the statement has
        return jdbc.query("SELECT s.file_name, s.statement_refs, s.accounts, "
                        + "(SELECT MIN(t.booking_date) FROM bank_transaction t WHERE t.bank_statement_id = s.id) "
                        + "AS first_booking, "
                        + "(SELECT MAX(t.booking_date) FROM bank_transaction t WHERE t.bank_statement_id = s.id) "
                        + "AS last_booking FROM bank_statement s WHERE s.id = ?",
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
        return importFile(new ByteArrayInputStream(content), charset, fileName, importedBy);
    }

    /**
     * Reads the file from {@code in} (an upload as it arrives) to its end on a thread of its own, storing its
     * transactions meanwhile; refused, it leaves nothing stored. The caller closes {@code in}.
     */
    @Transactional
    public Result importFile(InputStream in, Charset charset, String fileName, String importedBy) {
        MessageDigest digest = sha256();
        DigestInputStream content = new DigestInputStream(in, digest);
        // written first so that the transactions can point at it; what only the whole file tells comes at the end
        long statementId = insertStatement(fileName, importedBy);
        Set<String> seen = new HashSet<>();
        List<DuplicateKey.Statement> keys = new ArrayList<>();
        int stored = 0;
        int duplicates = 0;
        ParsedBankFile file;
        try (BankFileStream stream = BankFileStream.read(content, charset, readers, maxMt940Size)) {
            for (List<BankFileStream.Read> batch = stream.next(BATCH_READ); !batch.isEmpty();
                    batch = stream.next(BATCH_READ)) {

                List<String> identities = new ArrayList<>(batch.size());
                for (BankFileStream.Read read : batch) {
                    while (keys.size() <= read.statement()) {
                        keys.add(new DuplicateKey.Statement());
                    }
                    identities.add(keys.get(read.statement()).identity(read.transaction()));
                }
                List<String> batchKeys = DuplicateKey.hash(identities);
                Map<String, ParsedTransaction> fresh = new LinkedHashMap<>();
                for (int i = 0; i < batch.size(); i++) {
                    // overlapping statements inside one file carry the same referenced transaction twice
                    if (seen.add(batchKeys.get(i))) {
                        fresh.put(batchKeys.get(i), batch.get(i).transaction());
                    } else {
                        duplicates++;
                    }
                }
                int added = transactions.storeNew(statementId, new ArrayList<>(fresh.entrySet()));
                duplicates += fresh.size() - added;
                stored += added;
            }
            file = stream.finish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing " + fileName, e);
        }
        Set<String> accounts = new LinkedHashSet<>();
        Set<String> statementIds = new LinkedHashSet<>();
        List<BankStatementWarning> warnings = new ArrayList<>();
        for (ParsedStatement statement : file.statements()) {
            for (BankStatementWarning warning : BankStatementWarning.of(statement)) {
                // kept in English with the bank statement; the answer renders it in the caller's language
                warnings.add(warning.rendered((code, args) -> messages.getMessage(code, args, code, Locale.ENGLISH)));
            }
            if (statement.account() != null) {
                accounts.add(statement.account());
            }
            if (statement.statementId() != null) {
                statementIds.add(statement.statementId());
            }
        }
        completeStatement(statementId, file.format(), HexFormat.of().formatHex(digest.digest()), statementIds,
                accounts, stored, duplicates, warnings);
        BulkLoads.analyzeAfter(jdbc, "bank_transaction", stored);
        if (stored == 0) {
            return new Result(statementId, file.format(), 0, duplicates, null, null, warnings);
        }
        MatchingAfterImport.StartedRun run = matching.bankStatementImported(statementId, importedBy);
        return new Result(statementId, file.format(), stored, duplicates, run.id(), run.url(), warnings);
    }

    private long insertStatement(String fileName, String importedBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO bank_statement (format, file_name, file_sha256, "
                    + "transactions, duplicates, imported_at, imported_by) VALUES ('', ?, '', 0, 0, ?, ?)",
                    new String[] {"id"});
            ps.setString(1, fit(fileName, 255));
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setString(3, importedBy);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    private void completeStatement(long id, BankFileFormat format, String sha256, Set<String> statementIds,
            Set<String> accounts, int transactions, int duplicates, List<BankStatementWarning> warnings) {
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("UPDATE bank_statement SET format = ?, file_sha256 = ?, "
                    + "statement_refs = ?, accounts = ?, transactions = ?, duplicates = ?, warnings = ? WHERE id = ?");
            ps.setString(1, format.name());
            ps.setString(2, sha256);
            ps.setString(3, fit(String.join(",", statementIds), 1000));
            ps.setString(4, fit(String.join(",", accounts), 1000));
            ps.setInt(5, transactions);
            ps.setInt(6, duplicates);
            JdbcValues.setText(ps, 7, warnings.isEmpty() ? null
                    : fit(String.join("\n", warnings.stream().map(BankStatementWarning::message).toList()), 4000));
            ps.setLong(8, id);
            return ps;
        });
    }

    private static String fit(String value, int max) {
        return NewBankTransactions.fit(value, max);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
