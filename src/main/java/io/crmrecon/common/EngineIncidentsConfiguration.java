package io.crmrecon.common;

import java.util.Locale;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A job whose retries are spent becomes an incident in Cockpit; its message starts with what to do about it (by the
 * failed step, from {@code messages/incidents}), in Chinese and English, before the error itself. Whoever opens the
 * incident learns where to look and that Retry continues the step, without reading a stack trace first.
 */
@Configuration(proxyBeanMethods = false)
class EngineIncidentsConfiguration {

    /** Cockpit's incident message column holds 4,000 characters. */
    static final int MAX_MESSAGE = 3900;

    /** First, so that the other wrappers of failed jobs (a statement's FAILED, a run's error) keep the plain error. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    AbstractProcessEnginePlugin incidentsSayWhatToDo(MessageSource messages) {
        return new AbstractProcessEnginePlugin() {
            // wraps whatever handles failed jobs once every plugin's pre-init has put its own there
            @Override
            public void postInit(ProcessEngineConfigurationImpl configuration) {
                IncidentHandler current = configuration.getIncidentHandlers().get(Incident.FAILED_JOB_HANDLER_TYPE);
                configuration.getIncidentHandlers().put(Incident.FAILED_JOB_HANDLER_TYPE,
                        new WhatToDo(current, messages));
            }
        };
    }

    static final class WhatToDo extends ForwardingFailedJobHandler {

        private final MessageSource messages;

        WhatToDo(IncidentHandler next, MessageSource messages) {
            super(next);
            this.messages = messages;
        }

        @Override
        public Incident handleIncident(IncidentContext context, String message) {
            return super.handleIncident(context, message(context.getActivityId(), message));
        }

        String message(String activityId, String error) {
            String hint = hint(activityId, Locale.SIMPLIFIED_CHINESE) + " / " + hint(activityId, Locale.ENGLISH);
            String text = error == null || error.isBlank() ? hint : hint + " — " + error;
            return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 1) + "…";
        }

        private String hint(String activityId, Locale locale) {
            String fallback = messages.getMessage("incident.hint.default", null, locale);
            return activityId == null ? fallback
                    : messages.getMessage("incident.hint." + activityId, null, fallback, locale);
        }
    }
}
