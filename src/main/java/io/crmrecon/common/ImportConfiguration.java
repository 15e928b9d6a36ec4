package io.crmrecon.common;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Hands the XLSX limits of {@link ImportProperties} to POI. Its zip-bomb guard is JVM-wide (static), so it is set
 * once here; {@link XlsxSheetReader} reads every package through it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportProperties.class)
class ImportConfiguration {

    ImportConfiguration(ImportProperties limits) {
        ZipSecureFile.setMinInflateRatio(limits.xlsxMinInflateRatio());
        ZipSecureFile.setMaxEntrySize(limits.xlsxMaxEntrySize().toBytes());
        ZipSecureFile.setMaxFileCount(limits.xlsxMaxEntries());
    }
}
