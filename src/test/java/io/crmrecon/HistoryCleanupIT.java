package io.crmrecon;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's history can be cleaned up: every definition it runs keeps its history for a time, and the cleanup runs
 * in a nightly window. (Reports and evidence never read this history, so cleaning it loses nothing a user sees.)
 */
class HistoryCleanupIT extends IntegrationTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    HistoryService history;

    @Test
    void everyDefinitionHasATimeToLiveAndTheCleanupHasANightlyWindow() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.isEnforceHistoryTimeToLive()).isTrue();
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive());
        assertThat(repository.createDecisionDefinitionQuery().latestVersion().list())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull().isPositive());
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("customerStatement").latestVersion()
                .singleResult().getHistoryTimeToLive()).isEqualTo(400);
        // the engine schedules its cleanup job when a window is configured
        assertThat(history.findHistoryCleanupJobs()).isNotEmpty();
    }
}
