package io.crmrecon.common;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The application-wide settings under {@code recon.*} that several features read, with their defaults in one place.
 *
 * @param zone the company's time zone: periods, due dates and "today" are in it
 * @param publicBaseUrl the base of the links in customers' e-mails
 * @param demoData load the demo ledger (the zero-install run)
 * @param demoUsers create admin/clerk/manager with their names as passwords (never in the postgres profile)
 */
@ConfigurationProperties("recon")
public record ReconProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("false") boolean demoData,
        @DefaultValue("false") boolean demoUsers) {
}
