package io.crmrecon.common;

import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's health ({@code processEngine}, part of readiness). Camunda's own indicator of that name reports UP
 * whenever the bean exists; this one replaces it and asks the engine a cheap question — its properties, a few rows —
 * through its command stack and its tables, so a node whose engine cannot work is taken out of service.
 */
@Configuration(proxyBeanMethods = false)
class EngineHealthConfiguration {

    @Bean
    HealthIndicator processEngineHealthIndicator(ProcessEngine engine) {
        return new AbstractHealthIndicator("The process engine does not answer") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                Map<String, String> properties = asTheApplication(engine.getIdentityService(),
                        () -> engine.getManagementService().getProperties());
                builder.up()
                        .withDetail("name", engine.getName())
                        .withDetail("schemaVersion", String.valueOf(properties.get("schema.version")));
            }
        };
    }

    /**
     * Reading the properties needs an administrator when a user is on the thread: the answer must not depend on who
     * asks for health.
     */
    private static <T> T asTheApplication(IdentityService identity, Supplier<T> call) {
        Authentication caller = identity.getCurrentAuthentication();
        if (caller == null) {
            return call.get();
        }
        identity.clearAuthentication();
        try {
            return call.get();
        } finally {
            identity.setAuthentication(caller);
        }
    }
}
