package io.crmrecon.notification;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The zero-install run sends no mail: messages are kept whole in the database and shown at /dev/mailbox, so
 * what a customer would receive can be read and opened there.
 */
class CapturingMailSender extends JavaMailSenderImpl {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CapturingMailSender(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) throws MailException {
        for (MimeMessage message : mimeMessages) {
            try {
                message.saveChanges();
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                message.writeTo(raw);
                jdbc.update("INSERT INTO captured_mail (captured_at, sender, recipients, subject, raw) "
                                + "VALUES (?, ?, ?, ?, ?)",
                        Timestamp.from(clock.instant()), addresses(message.getFrom()),
                        addresses(message.getAllRecipients()), message.getSubject(),
                        raw.toString(StandardCharsets.US_ASCII));
            } catch (MessagingException | IOException e) {
                throw new MailPreparationException("the message could not be captured", e);
            }
        }
    }

    @Override
    public void testConnection() {
        // nothing to connect to
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }
}
