package io.crmrecon.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** /dev/mailbox: the mail the system would have sent, for staff to read (default profile). */
@Controller
class DevMailboxPage {

    private final JdbcTemplate jdbc;

    DevMailboxPage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Summary(long id, OffsetDateTime capturedAt, String recipients, String subject) {
    }

    public record Attachment(String fileName, String contentType) {
    }

    @GetMapping("/dev/mailbox")
    String list(Model model) {
        model.addAttribute("mails", jdbc.query("SELECT id, captured_at, recipients, subject FROM captured_mail "
                        + "ORDER BY id DESC FETCH FIRST 500 ROWS ONLY",
                (rs, i) -> new Summary(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                        rs.getString(4))));
        return "dev/mailbox";
    }

    @GetMapping("/dev/mailbox/{id}")
    String show(@PathVariable long id, Model model) throws MessagingException, IOException {
        MimeMessage message = load(id);
        List<String> html = new ArrayList<>();
        List<String> text = new ArrayList<>();
        List<Attachment> attachments = new ArrayList<>();
        collect(message, html, text, attachments);
        model.addAttribute("id", id);
        model.addAttribute("subject", message.getSubject());
        model.addAttribute("from", String.valueOf(message.getFrom() == null ? "" : message.getFrom()[0]));
        model.addAttribute("to", jdbc.queryForObject("SELECT recipients FROM captured_mail WHERE id = ?",
                String.class, id));
        model.addAttribute("text", String.join("\n\n", text));
        model.addAttribute("hasHtml", !html.isEmpty());
        model.addAttribute("html", html.isEmpty() ? "" : html.get(0));
        model.addAttribute("attachments", attachments);
        return "dev/mail";
    }

    /**
     * The HTML part on its own, sandboxed: mail HTML must not run in the app's origin. Its links may open a new tab
     * that leaves the sandbox, so the customer's page behind a statement's link works as from a mail client.
     */
    @GetMapping("/dev/mailbox/{id}/html")
    ResponseEntity<String> html(@PathVariable long id) throws MessagingException, IOException {
        List<String> html = new ArrayList<>();
        collect(load(id), html, new ArrayList<>(), new ArrayList<>());
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", "sandbox allow-popups allow-popups-to-escape-sandbox; "
                        + "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
                .body(html.isEmpty() ? "" : html.get(0));
    }

    @GetMapping("/dev/mailbox/{id}.eml")
    ResponseEntity<byte[]> eml(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"mail-" + id + ".eml\"")
                .body(raw(id).getBytes(StandardCharsets.US_ASCII));
    }

    private MimeMessage load(long id) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw(id).getBytes(StandardCharsets.US_ASCII)));
    }

    private String raw(long id) {
        List<String> raw = jdbc.queryForList("SELECT raw FROM captured_mail WHERE id = ?", String.class, id);
        if (raw.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such mail");
        }
        return raw.get(0);
    }

    private static void collect(Part part, List<String> html, List<String> text, List<Attachment> attachments)
            throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
            attachments.add(new Attachment(part.getFileName(), part.getContentType()));
        } else if (part.isMimeType("text/html")) {
            html.add(String.valueOf(part.getContent()));
        } else if (part.isMimeType("text/plain")) {
            text.add(String.valueOf(part.getContent()));
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, html, text, attachments);
            }
        }
    }
}
