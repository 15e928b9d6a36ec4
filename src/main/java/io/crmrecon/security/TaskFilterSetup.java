package io.crmrecon.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Tasklist shows tasks only through filters, and with authorization on a user sees only the filters his groups
 * may READ. The filters are found by name, so a restart adds none twice; one an administrator edited in Tasklist
 * is left as it is.
 */
@Component
class TaskFilterSetup {

    private record TaskFilter(String name, String description, List<String> groups, UnaryOperator<TaskQuery> query) {
    }

    private static final List<String> STAFF = List.of(ReconGroups.CLERKS, ReconGroups.MANAGERS);
    private static final List<String> CLERKS = List.of(ReconGroups.CLERKS);

    private static final List<TaskFilter> FILTERS = List.of(
            new TaskFilter("我的待办 / My tasks", "分配给我的任务 / Tasks assigned to me", STAFF,
                    q -> q.taskAssigneeExpression("${currentUser()}")),
            new TaskFilter("我的组任务 / My group tasks", "我所在组的任务 / Tasks offered to my groups", STAFF,
                    q -> q.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()),
            new TaskFilter("对账跟进 / Statement follow-up", "未回复的对账单 / Statements the customer has not answered",
                    CLERKS, q -> q.taskDefinitionKey("followUpCustomer")),
            new TaskFilter("异议处理 / Disputes", "调查、审批与复核异议 / Investigate, approve and review disputes",
                    STAFF, q -> q.taskDefinitionKeyIn("investigateDispute", "approveAdjustment",
                            "reviewEscalatedDispute")),
            new TaskFilter("人工核销 / Manual matching", "自动核销未能处理的收款 / Payments automatic matching left open",
                    CLERKS, q -> q.taskDefinitionKey("manualMatch")),
            new TaskFilter("催收跟进 / Collections", "催款与退款 / Dunning and refunds", CLERKS,
                    q -> q.taskDefinitionKeyIn("collectionFollowUp", "refundCustomer")));

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationSetup authorizations;

    TaskFilterSetup(FilterService filterService, TaskService taskService, AuthorizationSetup authorizations) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizations = authorizations;
    }

    void run() {
        for (int i = 0; i < FILTERS.size(); i++) {
            TaskFilter spec = FILTERS.get(i);
            Filter filter = filterService.createFilterQuery().filterName(spec.name()).singleResult();
            if (filter == null) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("priority", (i + 1) * 10);
                properties.put("description", spec.description());
                properties.put("refresh", true);
                filter = filterService.newTaskFilter(spec.name())
                        .setQuery(spec.query().apply(taskService.createTaskQuery()))
                        .setProperties(properties);
                filter = filterService.saveFilter(filter);
            }
            String filterId = filter.getId();
            spec.groups().forEach(group -> authorizations.grantFilterRead(group, filterId));
        }
    }
}
