package io.crmrecon.notification;

import java.util.List;
import java.util.Locale;

/**
 * A message to send. {@code key} makes queueing idempotent (the same key queues the message once, e.g.
 * {@code statement/S2610-00427/v1/FIRST}); the Message-ID is fixed when it is queued, so the only possible resend —
 * after a crash between the server's "OK" and our commit — carries the same one.
 */
public record OutgoingMail(String key, String to, List<String> cc, String subject, String html, String text,
        List<Attachment> attachments, Locale locale) {

    public OutgoingMail {
        cc = cc == null ? List.of() : List.copyOf(cc);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
