package io.crmrecon.common;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and months as a letter to a customer writes them: 2026年11月30日 / 30 November 2026, 2026年11月 / November 2026. */
public final class LetterDates {

    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter ZH_MONTH = DateTimeFormatter.ofPattern("yyyy年M月", Locale.CHINA);
    private static final DateTimeFormatter EN_MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private LetterDates() {
    }

    public static String date(LocalDate date, boolean zh) {
        return date.format(zh ? ZH_DATE : EN_DATE);
    }

    public static String month(YearMonth month, boolean zh) {
        return month.format(zh ? ZH_MONTH : EN_MONTH);
    }
}
