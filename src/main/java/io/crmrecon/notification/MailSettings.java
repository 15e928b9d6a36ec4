package io.crmrecon.notification;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code recon.mail.*}: how outgoing mail leaves (the SMTP server itself is Spring's {@code spring.mail.*}).
 *
 * @param capture keep outgoing mail in the dev mailbox (/dev/mailbox) instead of sending it (the default profile)
 * @param from    the sender, e.g. {@code "ACME 对账 <statements@acme.example>"}; blank: {@code spring.mail.username}
 *                when it is an address, else {@code statements@} the host of {@code recon.public-base-url}
 * @param messagesPerConnection how many messages one SMTP connection carries before it is closed (default 20,
 *                Exchange's limit; 1: a connection for every message)
 * @param idleConnectionTimeout how long an open SMTP connection may wait for the next message (default 30 s)
 */
@ConfigurationProperties("recon.mail")
public record MailSettings(boolean capture, String from, Integer messagesPerConnection,
        Duration idleConnectionTimeout) {

    public MailSettings {
        from = from == null ? "" : from.strip();
        // SmtpConnections refuses values out of range, at start
        messagesPerConnection = messagesPerConnection == null ? 20 : messagesPerConnection;
        idleConnectionTimeout = idleConnectionTimeout == null ? Duration.ofSeconds(30) : idleConnectionTimeout;
    }

    /** The sender to put on every message, by the rule above. */
    String sender(String smtpUsername, String publicBaseUrl) {
        if (!from.isEmpty()) {
            return from;
        }
        if (smtpUsername != null && smtpUsername.contains("@")) {
            return smtpUsername.strip();
        }
        String host = null;
        try {
            host = URI.create(publicBaseUrl == null ? "" : publicBaseUrl.strip()).getHost();
        } catch (IllegalArgumentException e) {
            // a malformed base URL is reported where links are built; the sender falls back to localhost
        }
        return "statements@" + (host == null || host.isBlank() ? "localhost" : host);
    }
}
