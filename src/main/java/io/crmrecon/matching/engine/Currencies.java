package io.crmrecon.matching.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The currencies of one run — the index's, and those of payments no open item has (nothing to pay there, but a
 * payment may still name a settled document) — with their scales and the policy's tolerances in minor units.
 */
final class Currencies {

    private final MatchingPolicy policy;
    private final Map<String, Integer> currencyIndex;
    /** the tolerance percent as unscaled / divisor, e.g. 0.5 % = 5 / 1000 */
    private final long percentUnscaled;
    private final long percentDivisor;
    private final int[] scale;
    private final long[] toleranceAbsolute;

    Currencies(EngineIndex index, List<IncomingPayment> payments) {
        this.policy = index.policy;
        this.currencyIndex = new HashMap<>(index.currencyIndex);
        BigDecimal percent = policy.tolerancePercent() == null ? BigDecimal.ZERO
                : policy.tolerancePercent().max(BigDecimal.ZERO).stripTrailingZeros();
        int percentScale = Math.max(0, percent.scale());
        this.percentUnscaled = percent.setScale(percentScale, RoundingMode.UNNECESSARY).unscaledValue()
                .longValueExact();
        this.percentDivisor = BigDecimal.valueOf(100).scaleByPowerOfTen(percentScale).longValueExact();
        List<String> extra = payments.stream().filter(Objects::nonNull).map(IncomingPayment::currency)
                .filter(c -> c != null && !currencyIndex.containsKey(c)).distinct().sorted().toList();
        int known = index.currencyScale.length;
        scale = Arrays.copyOf(index.currencyScale, known + extra.size());
        for (String c : extra) {
            scale[currencyIndex.size()] = EngineIndex.minorDigits(c);
            currencyIndex.put(c, currencyIndex.size());
        }
        toleranceAbsolute = new long[scale.length];
        BigDecimal t = policy.toleranceAbsolute() == null ? BigDecimal.ZERO : policy.toleranceAbsolute();
        for (int c = 0; c < scale.length; c++) {
            toleranceAbsolute[c] = Math.max(0, t.setScale(scale[c], RoundingMode.FLOOR).unscaledValue().longValue());
        }
    }

    /** The index of a currency code, null when the run does not know it. */
    Integer indexOf(String code) {
        return code == null ? null : currencyIndex.get(code);
    }

    int count() {
        return scale.length;
    }

    /** The currency's minor digits in this run. */
    int scale(int currency) {
        return scale[currency];
    }

    /** The policy's absolute tolerance in minor units. */
    long toleranceAbsolute(int currency) {
        return toleranceAbsolute[currency];
    }

    /** min(absolute tolerance, percent of the amount), in minor units. */
    long tolerance(long amount, int currency) {
        long byPercent;
        try {
            byPercent = Math.multiplyExact(Math.abs(amount), percentUnscaled) / percentDivisor;
        } catch (ArithmeticException overflow) {
            byPercent = BigDecimal.valueOf(Math.abs(amount)).multiply(policy.tolerancePercent())
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR).longValue();
        }
        return Math.max(0, Math.min(toleranceAbsolute[currency], byPercent));
    }

    /** One whole unit of the currency in minor units (100 for CNY). */
    long unit(int currency) {
        long u = 1;
        for (int k = 0; k < scale[currency]; k++) {
            u *= 10;
        }
        return u;
    }

    BigDecimal money(long minor, int currency) {
        return BigDecimal.valueOf(minor, scale[currency]);
    }
}
