package io.crmrecon.notification;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Open SMTP connections kept between messages. A statement run sends thousands of mails, and each new connection
 * costs the greeting, EHLO and, against a relay, STARTTLS and a login (relays also limit how fast a client opens
 * them). A connection is used by one send at a time, asked with NOOP whether it is still there before it is used
 * again (so a message is never written to a connection the server has closed), closed after
 * {@code messagesPerConnection} messages (servers limit them: Exchange's default is 20) or when it was idle longer
 * than {@code idleTimeout} (servers close idle ones), and after any failure.
 */
final class SmtpConnections implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);
    private static final int MAX_IDLE = 16;

    private final int messagesPerConnection;
    private final long idleNanos;
    private final LongSupplier nanoTime;
    private final Deque<Open> idle = new ArrayDeque<>();
    private final AtomicLong opened = new AtomicLong();
    private boolean closed;

    SmtpConnections(int messagesPerConnection, Duration idleTimeout) {
        this(messagesPerConnection, idleTimeout, System::nanoTime);
    }

    SmtpConnections(int messagesPerConnection, Duration idleTimeout, LongSupplier nanoTime) {
        if (messagesPerConnection < 1) {
            throw new IllegalArgumentException("recon.mail.messages-per-connection: at least 1, not "
                    + messagesPerConnection);
        }
        if (idleTimeout.isNegative()) {
            throw new IllegalArgumentException("recon.mail.idle-connection-timeout: not negative");
        }
        this.messagesPerConnection = messagesPerConnection;
        this.idleNanos = idleTimeout.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Sends the message as it is (no saveChanges: its bytes, Message-ID and Date stay) to its recipients. */
    void send(JavaMailSenderImpl server, MimeMessage message) throws MessagingException {
        Address[] recipients = message.getAllRecipients();
        if (recipients == null || recipients.length == 0) {
            throw new MessagingException("the message has no recipient");
        }
        Open connection = borrow(server);
        try {
            connection.transport.sendMessage(message, recipients);
        } catch (MessagingException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.sent++;
        giveBack(connection);
    }

    /** How many connections were opened so far. */
    long opened() {
        return opened.get();
    }

    /** How many connections wait open for the next message. */
    synchronized int idleCount() {
        return idle.size();
    }

    @Override
    public void close() {
        List<Open> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(idle);
            idle.clear();
        }
        all.forEach(Open::close);
    }

    private Open borrow(JavaMailSenderImpl server) throws MessagingException {
        List<Open> stale = new ArrayList<>();
        Open reused = null;
        long now = nanoTime.getAsLong();
        synchronized (this) {
            // the most recently used first: the others may idle out and be closed
            for (var it = idle.iterator(); it.hasNext(); ) {
                Open o = it.next();
                if (now - o.idleSince > idleNanos) {
                    it.remove();
                    stale.add(o);
                } else if (reused == null && o.server == server) {
                    it.remove();
                    reused = o;
                }
            }
        }
        stale.forEach(Open::close);
        if (reused != null && reused.transport.isConnected()) { // NOOP: the server still has us
            return reused;
        }
        if (reused != null) {
            reused.close();
        }
        // as JavaMailSenderImpl.connectTransport (protected) connects: a blank user means no login
        String user = server.getUsername();
        String password = server.getPassword();
        if ("".equals(user)) {
            user = null;
            password = "".equals(password) ? null : password;
        }
        Transport transport = server.getSession().getTransport(server.getProtocol() == null ? "smtp"
                : server.getProtocol());
        transport.connect(server.getHost(), server.getPort(), user, password);
        opened.incrementAndGet();
        return new Open(server, transport);
    }

    private void giveBack(Open connection) {
        Open dropped = null;
        synchronized (this) {
            if (closed || connection.sent >= messagesPerConnection) {
                dropped = connection;
            } else {
                connection.idleSince = nanoTime.getAsLong();
                idle.addFirst(connection);
                if (idle.size() > MAX_IDLE) {
                    dropped = idle.removeLast();
                }
            }
        }
        if (dropped != null) {
            dropped.close();
        }
    }

    private static final class Open {
        final JavaMailSenderImpl server;
        final Transport transport;
        int sent;
        long idleSince;

        Open(JavaMailSenderImpl server, Transport transport) {
            this.server = server;
            this.transport = transport;
        }

        void close() {
            try {
                transport.close(); // QUIT
            } catch (MessagingException | RuntimeException e) {
                log.debug("closing an SMTP connection: {}", e.toString());
            }
        }
    }
}
