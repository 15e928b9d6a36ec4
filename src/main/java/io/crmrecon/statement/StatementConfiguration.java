package io.crmrecon.statement;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CompanyDetails.class, StatementSettings.class})
class StatementConfiguration {
}
