package io.crmrecon.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine keeps its full history (who did what, every variable, every task), except two kinds of rows for the
 * processes that run once per customer and month, by the ten thousand, without a person: each change of a variable
 * (the variable itself and its last value stay in the history) and the log of jobs that were created, ran and
 * ended as planned (a failed job's log stays). With them left out a statement cost 93 SQL statements in a
 * 1,000-customer run (109 in a 2,000-customer run before; README), and nobody reads them: what happened to a
 * statement is in its own status history.
 *
 * <p>The history level stays {@code full}, so an existing database needs no change. The handler takes the place of
 * the engine's default one among its history handlers, so any other handler configured there still hears every
 * event.
 */
@Configuration(proxyBeanMethods = false)
class EngineHistoryConfiguration {

    @Bean
    ProcessEnginePlugin briefHistory(
            @Value("${recon.history.brief-processes:statementRun,customerStatement}") List<String> processes) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                List<HistoryEventHandler> handlers = new ArrayList<>();
                handlers.add(new BriefHistory(processes.stream().map(String::strip).filter(key -> !key.isEmpty())
                        .collect(Collectors.toUnmodifiableSet())));
                if (configuration.getCustomHistoryEventHandlers() != null) {
                    handlers.addAll(configuration.getCustomHistoryEventHandlers());
                }
                configuration.setEnableDefaultDbHistoryEventHandler(false);
                configuration.setCustomHistoryEventHandlers(handlers);
            }
        };
    }

    /** The engine's own handler, which writes to its tables, with the two kinds of rows left out. */
    static final class BriefHistory extends DbHistoryEventHandler {

        private final Set<String> processes;

        BriefHistory(Set<String> processes) {
            this.processes = processes;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricJobLogEvent job && brief(event)
                    && job.getState() != JobState.FAILED.getStateCode()) {
                return;
            }
            super.handleEvent(event);
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            return !brief(event) && super.shouldWriteHistoricDetail(event);
        }

        private boolean brief(HistoryEvent event) {
            return event.getProcessDefinitionKey() != null && processes.contains(event.getProcessDefinitionKey());
        }
    }
}
