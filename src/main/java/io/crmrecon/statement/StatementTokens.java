package io.crmrecon.statement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keys of the customer's links (CONTRACT.md §5): unguessable, stored only as a SHA-256 hash, bound to one
 * statement version, working until that version is superseded or its viewing period ends.
 */
@Service
class StatementTokens {

    /** 256 bits: far past guessing, and 43 URL-safe characters in a link. */
    static final int TOKEN_BYTES = 32;
    /** Longer than any token we issue; anything longer is not worth hashing. */
    private static final int MAX_LENGTH = 100;

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final StatementRepository statements;
    private final StatementSettings settings;
    private final Clock clock;

    StatementTokens(JdbcClient jdbc, StatementRepository statements, StatementSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new token for a mail of this version, stored (as its hash) in the caller's transaction. */
    @Transactional
    String issue(Statement statement) {
        String token = newToken(random);
        Instant now = clock.instant();
        Instant from = statement.sentAt() != null ? statement.sentAt() : now;
        jdbc.sql("INSERT INTO statement_token (token_hash, statement_id, issued_at, expires_at) "
                        + "VALUES (:hash, :statement, :issued, :expires)")
                .param("hash", hash(token))
                .param("statement", statement.id())
                .param("issued", Timestamp.from(now))
                .param("expires", Timestamp.from(from.plus(settings.viewing())))
                .update();
        return token;
    }

    /**
     * The statement version a token opens, if it still works. Unknown, expired and superseded tokens all take the
     * same one query and give the same empty answer.
     */
    @Transactional(readOnly = true)
    Optional<Statement> open(String token) {
        String hash = hash(token == null || token.length() > MAX_LENGTH ? "" : token);
        Timestamp viewableSince = Timestamp.from(clock.instant().minus(settings.viewing()));
        Optional<Long> id = jdbc.sql("SELECT t.statement_id FROM statement_token t "
                        + "JOIN statement s ON s.id = t.statement_id "
                        + "WHERE t.token_hash = :hash AND s.status <> 'SUPERSEDED' "
                        + "AND COALESCE(s.sent_at, t.issued_at) > :since")
                .param("hash", hash)
                .param("since", viewableSince)
                .query(Long.class)
                .optional();
        return id.flatMap(statements::findById);
    }

    static String newToken(SecureRandom random) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 of the token's UTF-8 bytes, lower-case hex: what the database keeps. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
