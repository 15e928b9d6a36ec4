package io.crmrecon.notification;

import io.crmrecon.common.ReconProperties;
import jakarta.annotation.PreDestroy;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outgoing mail (DESIGN.md): queued in the business transaction that decided to send it, delivered by a job
 * that retries. A message is built once, when it is queued, and stored whole; delivering sends those bytes, so
 * the only possible second copy — after a crash between the server's "OK" and our commit — is the same message
 * with the same Message-ID, which mail clients show once.
 */
@Service
public class Outbox {

    static final int MAX_KEY = 300;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate joined;
    private final TransactionTemplate separate;
    private final Supplier<JavaMailSender> sender;
    private final String from;
    private final String messageIdHost;
    private final Clock clock;
    private final SmtpConnections connections;

    @Autowired
    Outbox(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
            ObjectProvider<JavaMailSender> sender, MailSettings settings, ReconProperties recon, Environment env,
            Clock clock) {
        this(jdbc, dataSource, transactions, () -> {
            JavaMailSender s = sender.getIfAvailable();
            if (s == null) {
                throw new IllegalStateException("no mail server: set spring.mail.host or recon.mail.capture=true");
            }
            return s;
        }, settings.sender(env.getProperty("spring.mail.username"), recon.publicBaseUrl()), recon.publicBaseUrl(),
                clock, new SmtpConnections(settings.messagesPerConnection(), settings.idleConnectionTimeout()));
    }

    /**
     * {@code sender}: asked at each delivery, so a test may point one outbox at a server of its own; a plain
     * {@link JavaMailSenderImpl} (Spring Boot's, from {@code spring.mail.*}) sends over {@code connections}.
     */
    Outbox(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
            Supplier<JavaMailSender> sender, String from, String publicBaseUrl, Clock clock,
            SmtpConnections connections) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.joined = new TransactionTemplate(transactions);
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sender = sender;
        this.from = from;
        this.messageIdHost = host(publicBaseUrl);
        this.clock = clock;
        this.connections = connections;
    }

    @PreDestroy
    void closeConnections() {
        connections.close();
    }

    /**
     * Queues the message in the caller's transaction; the same key again returns the message already queued (even
     * when another transaction queues the same key at the same time: the caller's transaction stays usable).
     */
    public long enqueue(OutgoingMail mail) {
        if (mail.key() == null || mail.key().isBlank() || mail.key().length() > MAX_KEY) {
            throw new IllegalArgumentException("key: required, at most " + MAX_KEY + " characters");
        }
        if (mail.to() == null || mail.to().isBlank()) {
            throw new IllegalArgumentException("to: required (" + mail.key() + ")");
        }
        Optional<Long> queued = idOf(mail.key());
        if (queued.isPresent()) {
            return queued.get();
        }
        String messageId = "<" + UUID.randomUUID() + "@" + messageIdHost + ">";
        MimeMessages.Built built;
        try {
            built = MimeMessages.build(mail, from, messageId, clock.instant());
        } catch (MessagingException e) {
            throw new IllegalArgumentException("the message " + mail.key() + " cannot be built: " + e.getMessage(), e);
        }
        return joined.execute(status -> insertOnce(mail, messageId, built));
    }

    /**
     * Sends a queued message unless it was sent, and marks it sent in the caller's transaction (or its own). When the
     * server refuses it or cannot be reached, the attempt is recorded in a transaction of its own (the caller's will
     * roll back) and the exception is rethrown, for the job to retry.
     */
    public void deliver(long outboxId) {
        Queued mail = jdbc.sql("SELECT status, mime FROM mail_outbox WHERE id = :id")
                .param("id", outboxId)
                .query((rs, i) -> new Queued(rs.getString(1), rs.getBytes(2)))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("no queued mail " + outboxId));
        if ("SENT".equals(mail.status())) {
            return;
        }
        try {
            send(sender.get(), MimeMessages.read(mail.mime()));
        } catch (MessagingException e) {
            failed(outboxId, e);
            throw new MailPreparationException("the stored message " + outboxId + " cannot be read", e);
        } catch (RuntimeException e) {
            failed(outboxId, e);
            throw e;
        }
        Timestamp now = Timestamp.from(clock.instant());
        joined.executeWithoutResult(status -> jdbc.sql("UPDATE mail_outbox SET status = 'SENT', sent_at = :at, "
                        + "attempted_at = :at, attempts = attempts + 1, last_error = NULL "
                        + "WHERE id = :id AND status = 'QUEUED'")
                .param("at", now)
                .param("id", outboxId)
                .update());
    }

    private void send(JavaMailSender server, MimeMessage message) throws MessagingException {
        // a subclass (the dev mailbox's capture, a test's) sends its own way
        if (server.getClass() == JavaMailSenderImpl.class) {
            try {
                connections.send((JavaMailSenderImpl) server, message);
            } catch (AuthenticationFailedException e) {
                throw new MailAuthenticationException(e);
            } catch (MessagingException e) {
                // as Spring's sender reports it: the server refused or could not be reached, not a broken message
                throw new MailSendException("the SMTP server: " + e, e);
            }
        } else {
            server.send(message);
        }
    }

    /** How many messages were queued under keys that start with the prefix (e.g. the reminders of a statement). */
    public int countQueued(String keyPrefix) {
        String escaped = keyPrefix.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE mail_key LIKE :prefix ESCAPE '!'")
                .param("prefix", escaped + "%")
                .query(Integer.class)
                .single();
    }

    /** Where a queued message stands: for the pages and tests that show or check it. */
    public Optional<Delivery> delivery(long outboxId) {
        return jdbc.sql("SELECT mail_key, message_id, status, attempts, last_error FROM mail_outbox WHERE id = :id")
                .param("id", outboxId)
                .query((rs, i) -> new Delivery(rs.getString(1), rs.getString(2), "SENT".equals(rs.getString(3)),
                        rs.getInt(4), rs.getString(5)))
                .optional();
    }

    /** {@code sent}: the server accepted it; {@code attempts}: tries so far; {@code lastError}: the last refusal. */
    public record Delivery(String key, String messageId, boolean sent, int attempts, String lastError) {
    }

    private record Queued(String status, byte[] mime) {
    }

    private Optional<Long> idOf(String key) {
        return jdbc.sql("SELECT id FROM mail_outbox WHERE mail_key = :key").param("key", key)
                .query(Long.class).optional();
    }

    /**
     * A concurrent transaction may have queued the key since we looked: its insert wins, ours fails on the unique
     * key. On PostgreSQL a failed statement spoils the whole transaction, so the insert runs under a savepoint.
     */
    private long insertOnce(OutgoingMail mail, String messageId, MimeMessages.Built built) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        Savepoint savepoint = null;
        try {
            savepoint = inTransaction ? connection.setSavepoint() : null;
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO mail_outbox (mail_key, message_id, recipients, subject, mime, status, attempts, "
                            + "queued_at, locale) VALUES (:key, :messageId, :recipients, :subject, :mime, 'QUEUED', 0, "
                            + ":at, :locale)")
                    .param("key", mail.key())
                    .param("messageId", messageId)
                    .param("recipients", cut(built.recipients(), 4000))
                    .param("subject", cut(mail.subject() == null ? "" : mail.subject(), 1000))
                    .param("mime", built.mime())
                    .param("at", Timestamp.from(clock.instant()))
                    .param("locale", mail.locale() == null ? null : mail.locale().toLanguageTag())
                    .update(keys, "id");
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            return keys.getKey().longValue();
        } catch (DuplicateKeyException e) {
            rollBackTo(connection, savepoint);
            return idOf(mail.key()).orElseThrow(() -> e);
        } catch (SQLException e) {
            throw new IllegalStateException("savepoint for queueing " + mail.key(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void rollBackTo(Connection connection, Savepoint savepoint) {
        if (savepoint == null) {
            return;
        }
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            throw new IllegalStateException("rolling back to the savepoint", e);
        }
    }

    private void failed(long outboxId, Exception e) {
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        separate.executeWithoutResult(status -> jdbc.sql("UPDATE mail_outbox SET attempts = attempts + 1, "
                        + "attempted_at = :at, last_error = :error WHERE id = :id")
                .param("at", Timestamp.from(clock.instant()))
                .param("error", cut(error, 2000))
                .param("id", outboxId)
                .update());
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String host(String publicBaseUrl) {
        try {
            String host = URI.create(publicBaseUrl == null ? "" : publicBaseUrl.strip()).getHost();
            return host == null || host.isBlank() ? "localhost" : host;
        } catch (IllegalArgumentException e) {
            return "localhost";
        }
    }
}
