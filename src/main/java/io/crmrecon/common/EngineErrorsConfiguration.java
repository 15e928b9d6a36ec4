package io.crmrecon.common;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A listener that refuses a clerk's choice throws the engine's FormFieldValidationException (or an
 * AuthorizationException), but the engine wraps whatever a listener throws, and engine-rest then answers 500.
 * This outermost command interceptor hands the refusal itself back, so the caller gets 400 (or 403) and the
 * reason, and the task stays open.
 */
@Configuration(proxyBeanMethods = false)
class EngineErrorsConfiguration {

    @Bean
    AbstractProcessEnginePlugin refusalsReachTheCaller() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
                interceptors.add(0, new UnwrapRefusals());
                configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
            }
        };
    }

    static final class UnwrapRefusals extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof FormFieldValidationException refusal) {
                        throw refusal;
                    }
                    if (t instanceof AuthorizationException denied) {
                        throw denied;
                    }
                }
                throw e;
            }
        }
    }
}
