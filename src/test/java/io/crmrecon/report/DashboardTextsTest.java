package io.crmrecon.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The dashboard's words for how long the oldest exception has waited, as each language writes them. */
class DashboardTextsTest {

    static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasenames("messages/report");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    @Test
    void theOldestExceptionIsCountedInWholeDaysAndOneDayIsSingular() {
        assertThat(oldest(Locale.ENGLISH, 1L)).isEqualTo("(oldest 1 day)");
        assertThat(oldest(Locale.ENGLISH, 3L)).isEqualTo("(oldest 3 days)");
        assertThat(oldest(Locale.ENGLISH, 1200L)).isEqualTo("(oldest 1,200 days)");
        assertThat(oldest(Locale.SIMPLIFIED_CHINESE, 1L)).isEqualTo("（最久 1 天）");
        assertThat(oldest(Locale.SIMPLIFIED_CHINESE, 3L)).isEqualTo("（最久 3 天）");
    }

    @Test
    void underADayIsSaidInWordsInBrackets() {
        assertThat(MESSAGES.getMessage("dashboard.card.oldestUnderDay", null, Locale.ENGLISH))
                .isEqualTo("(oldest under a day)");
        // full-width brackets in Chinese text, as the rest of its cards write them
        assertThat(MESSAGES.getMessage("dashboard.card.oldestUnderDay", null, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("（最久不到 1 天）");
    }

    private static String oldest(Locale locale, long days) {
        return MESSAGES.getMessage("dashboard.card.oldest", new Object[] {days}, locale);
    }
}
