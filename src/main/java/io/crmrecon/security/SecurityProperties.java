package io.crmrecon.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings ({@code recon.security.*}).
 *
 * @param admin the first administrator, created at start-up when missing (application.yml fills it from
 *        {@code RECON_ADMIN_USER} and {@code RECON_ADMIN_PASSWORD})
 * @param requireAdmin refuse to start without {@code admin} (the postgres profile): otherwise Camunda's webapps
 *        offer anyone who comes first the page that creates an administrator
 * @param trustedProxies addresses or CIDR ranges (such as {@code 10.0.0.5} or {@code 172.16.0.0/12}) of the reverse
 *        proxies whose {@code X-Forwarded-*} and {@code Forwarded} headers are believed; from any other peer they are
 *        dropped. Empty (the default): the app is reached directly and no such header is believed
 */
@ConfigurationProperties("recon.security")
record SecurityProperties(@DefaultValue Admin admin, @DefaultValue("false") boolean requireAdmin,
        @DefaultValue List<String> trustedProxies) {

    record Admin(@DefaultValue("") String user, @DefaultValue("") String password) {

        boolean isSet() {
            return !user.isBlank() && !password.isEmpty();
        }
    }
}
