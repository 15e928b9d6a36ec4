package io.crmrecon.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmrecon.IntegrationTest;
import io.crmrecon.TestMailServer;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against a real SMTP server (GreenMail): sent once, the same Message-ID on the one possible resend. */
class OutboxIT extends IntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    static final byte[] PDF = new byte[40_000];

    static {
        new Random(7).nextBytes(PDF);
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, PDF, 0, 8);
    }

    static OutgoingMail mail(String to, List<String> cc) {
        String key = "test/" + UUID.randomUUID();
        return new OutgoingMail(key, to, cc, "对账单 S2610-00427 · 2026年10月 · 请确认",
                "<p>王丽，您好：<a href=\"https://recon.example.com/s/tok-" + key + "\" target=\"_blank\">查看并确认</a></p>",
                "王丽，您好：\nhttps://recon.example.com/s/tok-" + key + "\n",
                List.of(new OutgoingMail.Attachment("S2610-00427.pdf", "application/pdf", PDF)),
                Locale.SIMPLIFIED_CHINESE);
    }

    long enqueueCommitted(OutgoingMail mail) {
        return new TransactionTemplate(transactions).execute(s -> outbox.enqueue(mail));
    }

    @Test
    void deliverSendsTheWholeMessageOnceAndASecondDeliverDoesNothing() throws Exception {
        OutgoingMail mail = mail("ap@binhai.example.cn", List.of("cfo@binhai.example.cn", "wang@binhai.example.cn"));
        long id = enqueueCommitted(mail);
        String messageId = outbox.delivery(id).orElseThrow().messageId();
        assertThat(messageId).matches("<[0-9a-f-]{36}@[^>]+>");

        outbox.deliver(id);
        outbox.deliver(id);

        List<MimeMessage> copies = TestMailServer.withMessageId(messageId);
        assertThat(copies).as("one copy for To and each CC").hasSize(3);
        MimeMessage received = copies.get(0);
        assertThat(received.getSubject()).isEqualTo(mail.subject());
        assertThat(received.getHeader("To", ",")).isEqualTo("ap@binhai.example.cn");
        assertThat(received.getHeader("Cc", ",")).contains("cfo@binhai.example.cn", "wang@binhai.example.cn");
        assertThat(received.getFrom()[0].toString()).contains("@");
        assertThat(received.isMimeType("multipart/mixed")).isTrue();
        Parts parts = Parts.of(received);
        assertThat(parts.alternative).as("text and HTML side by side").isTrue();
        // SMTP carries lines ending in CRLF
        assertThat(parts.text.replace("\r\n", "\n")).isEqualTo(mail.text());
        assertThat(parts.html.replace("\r\n", "\n")).isEqualTo(mail.html()).contains("target=\"_blank\"");
        assertThat(parts.attachmentName).isEqualTo("S2610-00427.pdf");
        assertThat(parts.attachment).as("the PDF byte for byte").isEqualTo(PDF);
        Outbox.Delivery delivery = outbox.delivery(id).orElseThrow();
        assertThat(delivery.sent()).isTrue();
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT sent_at FROM mail_outbox WHERE id = ?").param(id).query().singleValue())
                .isNotNull();
    }

    @Test
    void aCrashAfterTheServersOkResendsTheSameBytesWithTheSameMessageId() throws Exception {
        long id = enqueueCommitted(mail("crash@example.cn", List.of()));
        String messageId = outbox.delivery(id).orElseThrow().messageId();

        // the job sends, then its transaction fails to commit: the SENT mark is gone, the server has the mail
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            outbox.deliver(id);
            s.setRollbackOnly();
        });
        assertThat(outbox.delivery(id).orElseThrow().sent()).isFalse();
        outbox.deliver(id);

        List<MimeMessage> copies = TestMailServer.withMessageId(messageId);
        assertThat(copies).hasSize(2);
        assertThat(body(copies.get(0))).isEqualTo(body(copies.get(1)));
        assertThat(copies.get(0).getSentDate()).isEqualTo(copies.get(1).getSentDate());
        assertThat(outbox.delivery(id).orElseThrow().sent()).isTrue();
    }

    @Test
    void anUnreachableServerThrowsAndTheAttemptIsRecordedThoughTheJobRollsBack() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Outbox unreachable = outboxSendingTo(closedPort);
        long id = enqueueCommitted(mail("down@example.cn", List.of()));

        assertThatThrownBy(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(s -> unreachable.deliver(id))).isInstanceOf(MailException.class);
        assertThatThrownBy(() -> unreachable.deliver(id)).isInstanceOf(MailException.class);

        Outbox.Delivery delivery = outbox.delivery(id).orElseThrow();
        assertThat(delivery.sent()).isFalse();
        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(delivery.lastError()).contains("Connect");

        outbox.deliver(id);
        assertThat(outbox.delivery(id).orElseThrow()).satisfies(d -> {
            assertThat(d.sent()).isTrue();
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.lastError()).isNull();
        });
    }

    @Test
    void aServerThatRefusesTheMessageMakesDeliverThrowAndRecordWhy() throws Exception {
        try (ServerSocket refusing = new ServerSocket(0)) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                try (Socket client = refusing.accept(); OutputStream out = client.getOutputStream()) {
                    out.write("554 5.3.2 no service for you\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    client.getInputStream().read(new byte[256]);
                } catch (IOException ignored) {
                    // the client hung up
                }
            });
            long id = enqueueCommitted(mail("refused@example.cn", List.of()));

            assertThatThrownBy(() -> outboxSendingTo(refusing.getLocalPort()).deliver(id))
                    .isInstanceOf(MailException.class);

            server.get(10, TimeUnit.SECONDS);
            Outbox.Delivery delivery = outbox.delivery(id).orElseThrow();
            assertThat(delivery.sent()).isFalse();
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(delivery.lastError()).isNotBlank();
        }
    }

    @Test
    void queueingTheSameKeyAgainReturnsTheMessageAlreadyQueued() {
        OutgoingMail mail = mail("twice@example.cn", List.of());
        long first = enqueueCommitted(mail);
        long again = enqueueCommitted(mail);

        assertThat(again).isEqualTo(first);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE mail_key = ?").param(mail.key())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(outbox.countQueued(mail.key().substring(0, mail.key().length() - 4))).isEqualTo(1);
    }

    @Test
    void aConcurrentSecondQueueingOfTheKeyDoesNotSpoilTheCallersTransaction() throws Exception {
        OutgoingMail mail = mail("race@example.cn", List.of());
        OutgoingMail other = mail("race-other@example.cn", List.of());
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions)
                .execute(s -> {
                    long id = outbox.enqueue(mail);
                    firstInserted.countDown();
                    await(release);
                    return id;
                }));
        assertThat(firstInserted.await(30, TimeUnit.SECONDS)).isTrue();
        // the second waits on the unique key until the first commits, then finds the first's row
        CompletableFuture<long[]> second = CompletableFuture.supplyAsync(() -> new TransactionTemplate(transactions)
                .execute(s -> new long[] {outbox.enqueue(mail), outbox.enqueue(other)}));
        Thread.sleep(300);
        release.countDown();

        long firstId = first.get(30, TimeUnit.SECONDS);
        long[] secondIds = second.get(30, TimeUnit.SECONDS);
        assertThat(secondIds[0]).isEqualTo(firstId);
        assertThat(outbox.delivery(secondIds[1])).as("the second caller's own work committed").isPresent();
    }

    private Outbox outboxSendingTo(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "3000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "3000");
        return new Outbox(jdbc, dataSource, transactions, () -> sender, "statements@example.com",
                "https://recon.example.com", clock, new SmtpConnections(20, java.time.Duration.ofSeconds(30)));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String body(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out, new String[] {"Received", "Return-Path"});
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** The parts a mail client shows: the text, the HTML, the one attachment. */
    static final class Parts {
        boolean alternative;
        String text;
        String html;
        String attachmentName;
        byte[] attachment;

        static Parts of(Part message) throws Exception {
            Parts parts = new Parts();
            parts.collect(message);
            return parts;
        }

        private void collect(Part part) throws Exception {
            if (part.isMimeType("multipart/*")) {
                alternative |= part.isMimeType("multipart/alternative");
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                attachmentName = part.getFileName();
                attachment = part.getInputStream().readAllBytes();
            } else if (part.isMimeType("text/html")) {
                html = (String) part.getContent();
            } else if (part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            }
        }
    }
}
