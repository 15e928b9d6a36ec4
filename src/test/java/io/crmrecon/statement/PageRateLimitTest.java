package io.crmrecon.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PageRateLimitTest {

    /** A clock the test moves on. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-11-02T01:00:00Z");

        void pass(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Hands clock = new Hands();

    @Test
    void aMinutesAllowanceAtOnceThenTheNextRequestWaits() {
        PageRateLimit limit = new PageRateLimit(60, clock);
        for (int i = 0; i < 60; i++) {
            assertThat(limit.waitSeconds("203.0.113.7")).as("request %d", i + 1).isZero();
        }
        assertThat(limit.waitSeconds("203.0.113.7")).isEqualTo(1);
        // refused requests take nothing: a second later there is one again
        clock.pass(Duration.ofSeconds(1));
        assertThat(limit.waitSeconds("203.0.113.7")).isZero();
        assertThat(limit.waitSeconds("203.0.113.7")).isEqualTo(1);
    }

    @Test
    void theAllowanceFillsAgainAtItsRateAndNoHigherThanAMinutesWorth() {
        PageRateLimit limit = new PageRateLimit(120, clock);
        for (int i = 0; i < 120; i++) {
            limit.waitSeconds("198.51.100.1");
        }
        clock.pass(Duration.ofSeconds(30));
        assertThat(count(limit, "198.51.100.1", 200)).isEqualTo(60);
        clock.pass(Duration.ofHours(1));
        assertThat(count(limit, "198.51.100.1", 200)).isEqualTo(120);
    }

    @Test
    void theWaitSaysWhenTheNextRequestIsAllowed() {
        PageRateLimit limit = new PageRateLimit(6, clock);
        count(limit, "192.0.2.5", 6);
        assertThat(limit.waitSeconds("192.0.2.5")).isEqualTo(10);
        clock.pass(Duration.ofSeconds(4));
        assertThat(limit.waitSeconds("192.0.2.5")).isEqualTo(6);
    }

    @Test
    void eachAddressHasItsOwnAllowanceAndAnIpv6ClientCountsByItsSlash64() {
        PageRateLimit limit = new PageRateLimit(10, clock);
        assertThat(count(limit, "192.0.2.1", 20)).isEqualTo(10);
        assertThat(count(limit, "192.0.2.2", 20)).isEqualTo(10);
        // one subscriber's /64 is one client, however many addresses it takes from it
        assertThat(count(limit, "2001:db8:1:2::1", 6)).isEqualTo(6);
        assertThat(count(limit, "2001:db8:1:2:ffff:0:0:9", 6)).isEqualTo(4);
        assertThat(count(limit, "[2001:0db8:0001:0002::77]", 1)).isZero();
        assertThat(count(limit, "2001:db8:1:3::1", 20)).isEqualTo(10);
    }

    @Test
    void anAddressIsReadAsALiteralNeverLookedUp() {
        assertThat(PageRateLimit.client("2001:DB8:0:0:1::1")).isEqualTo("2001:db8:0:0::/64");
        assertThat(PageRateLimit.client("::ffff:192.0.2.9")).isEqualTo("192.0.2.9");
        assertThat(PageRateLimit.client("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(PageRateLimit.client("customer.example:80")).isEqualTo("customer.example:80");
        assertThat(PageRateLimit.client("zz:1")).isEqualTo("zz:1");
        assertThat(PageRateLimit.client(null)).isEmpty();
    }

    @Test
    void aClientIsForgottenAMinuteAfterItsLastRequest() {
        PageRateLimit limit = new PageRateLimit(30, clock);
        for (int i = 0; i < 1000; i++) {
            limit.waitSeconds("10.0." + i / 250 + "." + i % 250);
        }
        assertThat(limit.clients()).isEqualTo(1000);
        clock.pass(Duration.ofSeconds(61));
        limit.waitSeconds("10.9.9.9");
        assertThat(limit.clients()).isEqualTo(1);
    }

    @Test
    void zeroIsNoLimit() {
        PageRateLimit off = new PageRateLimit(0, clock);
        assertThat(off.enabled()).isFalse();
        assertThat(count(off, "192.0.2.1", 10_000)).isEqualTo(10_000);
        assertThatThrownBy(() -> new PageRateLimit(-1, clock)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("page-rate-limit");
    }

    private static int count(PageRateLimit limit, String address, int requests) {
        int allowed = 0;
        for (int i = 0; i < requests; i++) {
            if (limit.waitSeconds(address) == 0) {
                allowed++;
            }
        }
        return allowed;
    }
}
