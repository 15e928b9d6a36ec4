package io.crmrecon.settlement;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * {@code recon.settlement.*}.
 *
 * @param minDaysToPay        a payment request gives at least this many days (the due date is the latest item's,
 *                            never sooner)
 * @param recheckAfterPaidClaim when a customer says it paid but matching has not seen the money: look again after
 * @param checkTime           the time of day (in {@code recon.zone}) a due date or a promised date is checked
 */
@ConfigurationProperties("recon.settlement")
record SettlementSettings(Integer minDaysToPay, Duration recheckAfterPaidClaim, LocalTime checkTime) {

    SettlementSettings {
        minDaysToPay = minDaysToPay == null ? 7 : minDaysToPay;
        recheckAfterPaidClaim = recheckAfterPaidClaim == null ? Duration.ofDays(3) : recheckAfterPaidClaim;
        checkTime = checkTime == null ? LocalTime.of(9, 0) : checkTime;
        if (minDaysToPay < 0 || recheckAfterPaidClaim.isNegative() || recheckAfterPaidClaim.isZero()) {
            throw new IllegalArgumentException("recon.settlement.min-days-to-pay must be >= 0 and "
                    + "recheck-after-paid-claim positive");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SettlementSettings.class)
    static class Registration {
    }
}
