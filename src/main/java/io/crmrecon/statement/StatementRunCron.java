package io.crmrecon.statement;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.scheduling.support.CronExpression;

/**
 * The monthly run's schedule ({@code recon.statement.run-cron}, a Spring cron) as the time cycle of statementRun's
 * timer start event (Camunda's Quartz-style cron: one of day-of-month and day-of-week is {@code ?}, Sunday is 1).
 * Blank means off: a date so far away that the timer never fires, and a configured cron replaces it at start-up.
 */
final class StatementRunCron {

    /** The cycle of a schedule that is off: once, in 2199 (the engine's cron has no year field). */
    static final String OFF = "R1/2199-01-01T00:00:00Z/P1D";

    private static final Pattern NUMBER = Pattern.compile("(?<![#/])\\d+");

    private StatementRunCron() {
    }

    /** Refuses what Spring would not take as a cron, naming the setting. */
    static String cycle(String springCron) {
        String cron = springCron == null ? "" : springCron.strip();
        if (cron.isEmpty()) {
            return OFF;
        }
        switch (cron.toLowerCase(Locale.ROOT)) {
            case "@yearly", "@annually" -> { return "0 0 0 1 1 ?"; }
            case "@monthly" -> { return "0 0 0 1 * ?"; }
            case "@weekly" -> { return "0 0 0 ? * SUN"; }
            case "@daily", "@midnight" -> { return "0 0 0 * * ?"; }
            case "@hourly" -> { return "0 0 * * * ?"; }
            default -> { }
        }
        try {
            CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("recon.statement.run-cron is not a cron: " + cron, e);
        }
        String[] f = cron.split("\\s+");
        String dayOfMonth = f[3];
        String dayOfWeek = quartzDays(f[5]);
        if (!"?".equals(dayOfMonth) && !"?".equals(dayOfWeek)) {
            if ("*".equals(dayOfWeek)) {
                dayOfWeek = "?";
            } else if ("*".equals(dayOfMonth)) {
                dayOfMonth = "?";
            } else {
                throw new IllegalArgumentException("recon.statement.run-cron: name a day of the month or a day of "
                        + "the week, not both: " + cron);
            }
        }
        return String.join(" ", f[0], f[1], f[2], dayOfMonth, f[4], dayOfWeek);
    }

    /** Spring counts weekdays 0–7 from Sunday (0 and 7), Quartz 1–7 from Sunday. */
    private static String quartzDays(String field) {
        Matcher m = NUMBER.matcher(field);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Integer.toString(Integer.parseInt(m.group()) % 7 + 1));
        }
        m.appendTail(out);
        return out.toString();
    }
}
