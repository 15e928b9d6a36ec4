package io.crmrecon.notification;

import jakarta.activation.FileTypeMap;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Properties;
import java.util.stream.Collectors;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Builds a message once, as the bytes the outbox stores, and reads those bytes back unchanged for sending: the
 * Message-ID and Date fixed at queueing survive every send.
 */
final class MimeMessages {

    private static final Session SESSION = Session.getInstance(new Properties());

    /** Attachments name their content type, so one map serves every message (Spring's helper builds one each). */
    private static final FileTypeMap FILE_TYPES = new ConfigurableMimeFileTypeMap();

    static {
        // Jakarta Mail looks its stream provider up through the service loader for every part it writes (a search of
        // the packaged jar each time) unless this names it
        String provider = "org.eclipse.angus.mail.util.MailStreamProvider";
        try {
            Class.forName(provider, false, MimeMessages.class.getClassLoader());
            System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider", provider);
        } catch (ClassNotFoundException e) {
            // another implementation: let Jakarta Mail find it
        }
    }

    private MimeMessages() {
    }

    /** The built message: its bytes, and its recipients (To and CC) as one line for the outbox's list. */
    record Built(byte[] mime, String recipients) {
    }

    static Built build(OutgoingMail mail, String from, String messageId, Instant date) throws MessagingException {
        MimeMessage message = new FixedIdMessage(SESSION, messageId);
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8") {
            @Override
            protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                return FILE_TYPES;
            }
        };
        helper.setFrom(from);
        helper.setTo(mail.to());
        if (!mail.cc().isEmpty()) {
            helper.setCc(mail.cc().toArray(String[]::new));
        }
        helper.setSubject(mail.subject());
        helper.setSentDate(Date.from(date));
        if (mail.html() == null || mail.html().isBlank()) {
            helper.setText(mail.text(), false);
        } else {
            // multipart/alternative inside multipart/mixed: text first, HTML preferred by clients that show it
            helper.setText(mail.text() == null ? "" : mail.text(), mail.html());
        }
        for (OutgoingMail.Attachment a : mail.attachments()) {
            helper.addAttachment(a.fileName(), new ByteArrayResource(a.content()), a.contentType());
        }
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Built(out.toByteArray(), addresses(message.getAllRecipients()));
    }

    /** The stored message, to hand to a JavaMailSender as it is. */
    static MimeMessage read(byte[] mime) throws MessagingException {
        return new StoredMessage(SESSION, mime);
    }

    static String addresses(Address[] addresses) {
        return addresses == null ? ""
                : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    /** saveChanges would otherwise replace the Message-ID with a fresh one. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /** A queued message is final: sending it re-encodes nothing and keeps its Message-ID and Date. */
    private static final class StoredMessage extends MimeMessage {

        StoredMessage(Session session, byte[] mime) throws MessagingException {
            super(session, new ByteArrayInputStream(mime));
        }

        @Override
        public void saveChanges() {
            // nothing to save: the bytes are the message
        }
    }
}
