package io.crmrecon.matching;

import io.crmrecon.matching.engine.MatchingPolicy;
import java.math.BigDecimal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

    /** recon.matching.*: the tolerance for short payments (bank charges) and the search budget. */
    @Bean
    MatchingPolicy matchingPolicy(
            @Value("${recon.matching.tolerance-absolute:50.00}") BigDecimal toleranceAbsolute,
            @Value("${recon.matching.tolerance-percent:0.5}") BigDecimal tolerancePercent,
            @Value("${recon.matching.combination-budget:20000}") int combinationBudget,
            @Value("${recon.matching.max-combination-size:4}") int maxCombinationSize) {
        return new MatchingPolicy(toleranceAbsolute, tolerancePercent, combinationBudget, maxCombinationSize);
    }
}
