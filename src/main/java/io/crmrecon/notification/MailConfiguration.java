package io.crmrecon.notification;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

    /** recon.mail.capture=true (the default profile): keep mail in the dev mailbox instead of sending it. */
    @Bean
    @ConditionalOnProperty(name = "recon.mail.capture", havingValue = "true")
    JavaMailSender capturingMailSender(JdbcTemplate jdbc, Clock clock) {
        return new CapturingMailSender(jdbc, clock);
    }
}
