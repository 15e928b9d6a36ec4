package io.crmrecon.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Connections kept open between messages, against a real SMTP server (GreenMail). */
class SmtpConnectionsTest {

    private GreenMail server;
    private JavaMailSenderImpl sender;
    private final AtomicLong nanos = new AtomicLong();

    @BeforeEach
    void start() {
        server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.getSmtp().getPort());
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "3000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "3000");
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void manyMessagesShareFewConnectionsAndEachArrivesOnceAsStored() throws Exception {
        try (SmtpConnections connections = new SmtpConnections(20, Duration.ofSeconds(30), nanos::get)) {
            for (int i = 0; i < 45; i++) {
                connections.send(sender, message(i));
            }
            assertThat(connections.opened()).as("20 messages a connection").isEqualTo(3);
            assertThat(connections.idleCount()).isEqualTo(1);
        }
        MimeMessage[] received = server.getReceivedMessages();
        assertThat(received).hasSize(45);
        assertThat(received[7].getMessageID()).as("the stored Message-ID, not a new one").isEqualTo("<m7@example.com>");
        assertThat(received[7].getSubject()).isEqualTo("对账单 S2610-00007");
    }

    @Test
    void oneMessagePerConnectionWhenSoConfigured() throws Exception {
        try (SmtpConnections connections = new SmtpConnections(1, Duration.ofSeconds(30), nanos::get)) {
            for (int i = 0; i < 3; i++) {
                connections.send(sender, message(i));
            }
            assertThat(connections.opened()).isEqualTo(3);
            assertThat(connections.idleCount()).isZero();
        }
        assertThat(server.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aConnectionIdleTooLongIsNotUsedAgain() throws Exception {
        try (SmtpConnections connections = new SmtpConnections(20, Duration.ofSeconds(30), nanos::get)) {
            connections.send(sender, message(1));
            nanos.addAndGet(Duration.ofSeconds(29).toNanos());
            connections.send(sender, message(2));
            assertThat(connections.opened()).isEqualTo(1);
            nanos.addAndGet(Duration.ofSeconds(31).toNanos());
            connections.send(sender, message(3));
            assertThat(connections.opened()).isEqualTo(2);
        }
        assertThat(server.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aConnectionTheServerDroppedIsReplacedBeforeTheMessageIsWritten() throws Exception {
        try (SmtpConnections connections = new SmtpConnections(20, Duration.ofSeconds(30), nanos::get)) {
            connections.send(sender, message(1));
            int port = server.getSmtp().getPort();
            server.stop(); // closes the open connection
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();

            connections.send(sender, message(2));

            assertThat(connections.opened()).isEqualTo(2);
            assertThat(server.getReceivedMessages()).extracting(MimeMessage::getMessageID)
                    .containsExactly("<m2@example.com>");
        }
    }

    @Test
    void aServerThatIsDownFailsTheSendAndKeepsNothingOpen() throws Exception {
        try (SmtpConnections connections = new SmtpConnections(20, Duration.ofSeconds(30), nanos::get)) {
            connections.send(sender, message(1));
            server.stop();

            assertThatThrownBy(() -> connections.send(sender, message(2))).isInstanceOf(MessagingException.class);
            assertThat(connections.idleCount()).isZero();
        }
    }

    @Test
    void aMessageWithoutRecipientIsRefusedBeforeAnyConnection() throws Exception {
        try (SmtpConnections connections = new SmtpConnections(20, Duration.ofSeconds(30), nanos::get)) {
            MimeMessage none = new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()));
            none.setText("x");
            none.saveChanges();
            assertThatThrownBy(() -> connections.send(sender, none)).hasMessageContaining("no recipient");
            assertThat(connections.opened()).isZero();
        }
    }

    @Test
    void refusesFewerThanOneMessagePerConnectionOrANegativeIdleTime() {
        assertThatThrownBy(() -> new SmtpConnections(0, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("messages-per-connection");
        assertThatThrownBy(() -> new SmtpConnections(20, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idle-connection-timeout");
    }

    private static MimeMessage message(int i) throws MessagingException {
        OutgoingMail mail = new OutgoingMail("k" + i, "customer" + i + "@example.com", List.of(),
                "对账单 S2610-" + String.format("%05d", i), "<p>html</p>", "text", List.of(), Locale.CHINA);
        return MimeMessages.read(MimeMessages.build(mail, "statements@example.com", "<m" + i + "@example.com>",
                Instant.parse("2026-11-01T02:00:00Z")).mime());
    }
}
