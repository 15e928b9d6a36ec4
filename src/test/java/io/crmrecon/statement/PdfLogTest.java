package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** openhtmltopdf's messages go where the application's log configuration sends them, at its levels. */
class PdfLogTest {

    private static final String PAGE = "<html><head><style>body { font-family: 'Noto Sans SC'; }</style></head>"
            + "<body><p>对账单 Statement</p></body></html>";

    @Test
    void fontMessagesReachTheLogAtItsLevelsAndNothingBypassesIt() {
        Logger load = (Logger) LoggerFactory.getLogger("com.openhtmltopdf.load");
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        load.addAppender(seen);
        Level before = load.getLevel();
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
            load.setLevel(Level.INFO);
            new PdfRenderer().render(PAGE, "test");
            assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(m -> assertThat(m).contains("Noto Sans SC"));

            // at the level application.yml sets (warn), a document logs nothing
            seen.list.clear();
            load.setLevel(Level.WARN);
            new PdfRenderer().render(PAGE, "test");
            assertThat(seen.list).isEmpty();
        } finally {
            System.setErr(err);
            load.setLevel(before);
            load.detachAppender(seen);
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("com.openhtmltopdf");
    }
}
