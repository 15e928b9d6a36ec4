package io.crmrecon.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The brief history on the engine itself: for the listed processes no variable changes and no log of jobs that ran
 * as planned, but a failed job's log; every other process keeps both.
 */
class EngineHistoryConfigurationTest {

    private static ProcessEngine engine;
    private static RuntimeService runtime;
    private static ManagementService management;
    private static HistoryService history;
    private static final List<String> heard = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void engine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("brief-history-test")
                .setJdbcUrl("jdbc:h2:mem:brief-history-test;DB_CLOSE_DELAY=-1")
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false);
        // another handler, configured as Camunda's documentation shows, beside the plugin's
        configuration.setCustomHistoryEventHandlers(new ArrayList<>(List.of(new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                heard.add(event.getClass().getSimpleName() + " " + event.getProcessDefinitionKey());
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                events.forEach(this::handleEvent);
            }
        })));
        configuration.getProcessEnginePlugins().add(new EngineHistoryConfiguration().briefHistory(List.of("brief")));
        engine = configuration.buildProcessEngine();
        runtime = engine.getRuntimeService();
        management = engine.getManagementService();
        history = engine.getHistoryService();
        engine.getRepositoryService().createDeployment()
                .addModelInstance("brief.bpmn", model("brief"))
                .addModelInstance("full.bpmn", model("full"))
                .deploy();
    }

    /** A job that sets a variable, then a job that fails while {@code fail} is true. */
    private static BpmnModelInstance model(String key) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("change").camundaAsyncBefore().camundaExpression("${execution.setVariable('n', 2)}")
                .serviceTask("check").camundaAsyncBefore()
                .camundaExpression("${fail ? execution.getVariable('missing').toString() : null}")
                .userTask("wait")
                .endEvent()
                .done();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aListedProcessKeepsItsVariablesAndFailuresButNotEachChangeOrTheJobsThatRanAsPlanned() {
        String instance = run("brief");

        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("n")
                .singleResult().getValue()).isEqualTo(2L);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("change")
                .count()).isOne();
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance).count()).isZero();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(instance).failureLog().count()).isOne();
        assertThat(history.createHistoricJobLogQuery().processInstanceId(instance).count()).isOne();
    }

    @Test
    void anotherHistoryHandlerStillHearsEveryEventOfAListedProcess() {
        run("brief");

        assertThat(heard).contains("HistoricJobLogEventEntity brief", "HistoricVariableUpdateEventEntity brief");
    }

    @Test
    void anyOtherProcessKeepsItsWholeHistory() {
        String instance = run("full");

        assertThat(history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().count())
                .isGreaterThanOrEqualTo(3);
        assertThat(history.createHistoricJobLogQuery().processInstanceId(instance).creationLog().count())
                .isGreaterThanOrEqualTo(2);
        assertThat(history.createHistoricJobLogQuery().processInstanceId(instance).successLog().count()).isEqualTo(2);
        assertThat(history.createHistoricJobLogQuery().processInstanceId(instance).failureLog().count()).isOne();
    }

    /** Runs both jobs, the second failing once, then succeeding once {@code fail} is false. */
    private static String run(String key) {
        String instance = runtime.startProcessInstanceByKey(key, Map.of("n", 1, "fail", true)).getId();
        management.executeJob(job(instance).getId());
        Job check = job(instance);
        assertThatThrownBy(() -> management.executeJob(check.getId())).isInstanceOf(RuntimeException.class);
        runtime.setVariable(instance, "fail", false);
        management.executeJob(check.getId());
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).count()).isOne();
        return instance;
    }

    private static Job job(String instance) {
        return management.createJobQuery().processInstanceId(instance).singleResult();
    }
}
