package io.crmrecon;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The SMTP server integration tests send to: a GreenMail on a free port of 127.0.0.1, started once per JVM and
 * named to the shared context as {@code spring.mail.host/port}. It keeps every message it accepts (one copy per
 * recipient), so a test picks its own messages out — by Message-ID or recipient — instead of purging others'.
 */
public final class TestMailServer {

    private static GreenMail server;
    private static ServerSetup stoppedAt;

    private TestMailServer() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        GreenMail running = server();
        registry.add("spring.mail.host", () -> running.getSmtp().getBindTo());
        registry.add("spring.mail.port", () -> running.getSmtp().getPort());
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            ServerSetup smtp = ServerSetupTest.SMTP.dynamicPort();
            GreenMail started = new GreenMail(smtp);
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "greenmail-stop"));
            server = started;
        }
        return server;
    }

    /** The mail server goes down: the application's next mails fail to connect. */
    public static synchronized void stop() {
        GreenMail running = server();
        stoppedAt = new ServerSetup(running.getSmtp().getPort(), running.getSmtp().getBindTo(),
                ServerSetup.PROTOCOL_SMTP);
        running.stop();
    }

    /**
     * The mail server is back, on the port the application sends to (a new server: what the stopped one received is
     * gone with it).
     */
    public static synchronized void startAgain() {
        GreenMail again = new GreenMail(stoppedAt);
        again.start();
        Runtime.getRuntime().addShutdownHook(new Thread(again::stop, "greenmail-stop"));
        server = again;
    }

    /** Every copy the server received of the message with this Message-ID (one per recipient per send). */
    public static List<MimeMessage> withMessageId(String messageId) {
        return Arrays.stream(server().getReceivedMessages()).filter(m -> messageId.equals(id(m))).toList();
    }

    /** Every copy the server received for this address, oldest first. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(server().getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients() != null && Arrays.stream(m.getAllRecipients())
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static String id(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }
}
