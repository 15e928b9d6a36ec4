package io.crmrecon.common;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The limits of {@link ImportProperties}: the XLSX ones go to POI, whose zip-bomb guard is JVM-wide (static), so
 * they are set once here and {@link XlsxSheetReader} reads every package through it; the JSON one is a filter.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportProperties.class)
class ImportConfiguration {

    ImportConfiguration(ImportProperties limits) {
        ZipSecureFile.setMinInflateRatio(limits.xlsxMinInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.xlsxMaxEntrySize().toBytes());
        ZipSecureFile.setMaxFileCount(limits.xlsxMaxEntries());
    }

    /** After Spring Security: an anonymous caller gets 401 before any of its body is read. */
    @Bean
    FilterRegistrationBean<JsonBodyLimit> jsonBodyLimit(ImportProperties limits) {
        FilterRegistrationBean<JsonBodyLimit> registration =
                new FilterRegistrationBean<>(new JsonBodyLimit(limits.maxJsonSize()));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
