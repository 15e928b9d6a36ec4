package io.crmrecon.matching;

import io.crmrecon.matching.engine.MatchingPolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchingSettings.class)
class MatchingConfiguration {

    /** recon.matching.*: the tolerance for short payments (bank charges) and the search budget. */
    @Bean
    MatchingPolicy matchingPolicy(MatchingSettings settings) {
        return settings.policy();
    }

    /** A run whose job's retries are spent is FAILED, with the incident Cockpit shows. */
    @Bean
    static FailedRunIncidentHandler.Plugin failedRunIncidents(
            org.springframework.beans.factory.ObjectProvider<MatchingRuns> runs) {
        return new FailedRunIncidentHandler.Plugin(runs);
    }
}
