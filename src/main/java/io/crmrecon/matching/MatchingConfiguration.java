package io.crmrecon.matching;

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
}
