package io.crmrecon.report;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The reports' settings, and the schedule that keeps the dashboard's figures fresh. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportSettings.class)
@EnableScheduling
class ReportConfiguration {
}
