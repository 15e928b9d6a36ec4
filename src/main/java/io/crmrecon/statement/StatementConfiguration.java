package io.crmrecon.statement;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CompanyDetails.class, StatementSettings.class})
class StatementConfiguration {

    /** A statement whose first mail cannot be sent after the last retry is FAILED, beside Cockpit's incident. */
    @Bean
    static StatementSendFailedHandler.Plugin statementSendFailures(ObjectProvider<StatementSending> sending) {
        return new StatementSendFailedHandler.Plugin((id, reason) -> sending.getObject().failed(id, reason));
    }
}
