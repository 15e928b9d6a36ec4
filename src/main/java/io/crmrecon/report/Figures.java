package io.crmrecon.report;

import io.crmrecon.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Small rules the reports share. */
final class Figures {

    private Figures() {
    }

    /** A share as a fraction with four digits (0.9375); null when there is nothing to divide by. */
    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** An amount at its currency's minor digits, as the reports show it; null stays null. */
    static BigDecimal money(BigDecimal amount, String currency) {
        return amount == null ? null : amount.setScale(Money.minorDigits(currency), RoundingMode.HALF_EVEN);
    }

    /** The first instant of a day in the company's zone: periods given as days cover whole days there. */
    static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}
