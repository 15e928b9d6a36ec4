package io.crmrecon.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application. It reads the engine's clock, so that a test which moves Camunda's clock
 * (timers, due dates) moves every date the application computes too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconProperties.class)
class ClockConfiguration {

    @Bean
    Clock clock(ReconProperties settings) {
        return new EngineClock(settings.zone());
    }

    private static final class EngineClock extends Clock {
        private final ZoneId zone;

        EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new EngineClock(zone);
        }

        @Override
        public Instant instant() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }
}
