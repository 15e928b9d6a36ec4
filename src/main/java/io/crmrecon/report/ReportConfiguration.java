package io.crmrecon.report;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The reports' settings, how their answers are written, and the schedule that keeps the dashboard's figures fresh. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportSettings.class)
@EnableScheduling
class ReportConfiguration {

    static {
        // the API documentation shows a report's body as what it is on the wire
        org.springdoc.core.utils.SpringDocUtils.getConfig().replaceWithClass(ReportBody.class, byte[].class);
    }

    @Bean
    HttpMessageConverter<ReportBody> reportBodyConverter() {
        return new ReportBody.Converter();
    }
}
