package io.crmrecon.common;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The XLSX limits of {@link ImportProperties} go to POI, whose zip-bomb guard is JVM-wide (static), so they are set
 * once here; {@link XlsxSheetReader} reads every package through it. (The JSON limit: JsonBodyLimitConfiguration.)
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
