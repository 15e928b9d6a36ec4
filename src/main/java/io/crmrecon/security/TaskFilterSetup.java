package io.crmrecon.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Tasklist shows tasks only through filters, and with authorization on a user sees only the filters his groups
 * may READ. The filters are found by name, so a restart adds none twice; one an administrator edited in Tasklist
 * is left as it is. Only processes that are deployed get a filter: filters for processes still to come would show
 * people lists that are always empty. Filters earlier versions made for those are removed at start-up (by name,
 * on every node; a node that finds one already gone carries on).
 */
@Component
class TaskFilterSetup {

    private record TaskFilter(String name, String description, List<String> groups, UnaryOperator<TaskQuery> query) {
    }

    private static final List<String> STAFF = List.of(ReconGroups.CLERKS, ReconGroups.MANAGERS);

    private static final List<TaskFilter> FILTERS = List.of(
            new TaskFilter("我的待办 / My tasks", "分配给我的任务 / Tasks assigned to me", STAFF,
                    q -> q.taskAssigneeExpression("${currentUser()}")),
            new TaskFilter("我的组任务 / My group tasks", "我所在组的任务 / Tasks offered to my groups", STAFF,
                    q -> q.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()),
            // managers watch the exceptions read-only (the engine lets only clerks claim and complete them)
            new TaskFilter("人工核销 / Manual matching", "自动核销未能处理的收款 / Payments automatic matching left open",
                    STAFF, q -> q.taskDefinitionKey("manualMatch")),
            // customers who did not answer their statement in time, for a clerk to chase
            new TaskFilter("对账跟进 / Statement follow-up", "未按期回复对账单的客户 / Customers who did not answer "
                    + "their statement in time", STAFF, q -> q.taskDefinitionKey("followUpCustomer")),
            new TaskFilter("异议与审批 / Disputes and approvals", "客户异议的调查、升级与调整审批 / Customers' disputes to "
                    + "investigate, escalated disputes, adjustments to approve", STAFF,
                    q -> q.taskDefinitionKeyIn("investigateDispute", "reviewEscalatedDispute", "approveAdjustment")),
            new TaskFilter("催收与退款 / Collections and refunds", "逾期未付的结算与应退客户的余额 / Settlements unpaid "
                    + "after their due date, credits to refund", STAFF,
                    q -> q.taskDefinitionKeyIn("collectionFollowUp", "refundCustomer")));

    /** Filters of earlier versions, made before their processes were deployed; replaced by those above. */
    static final List<String> WITHDRAWN = List.of("异议处理 / Disputes", "催收跟进 / Collections");

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationSetup authorizations;

    TaskFilterSetup(FilterService filterService, TaskService taskService, AuthorizationSetup authorizations) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizations = authorizations;
    }

    void run() {
        for (String name : WITHDRAWN) {
            for (Filter stale : filterService.createFilterQuery().filterName(name).list()) {
                try {
                    // the engine deletes the filter's authorizations with it
                    filterService.deleteFilter(stale.getId());
                } catch (ProcessEngineException alreadyGone) {
                    // another node removed it first
                }
            }
        }
        for (int i = 0; i < FILTERS.size(); i++) {
            TaskFilter spec = FILTERS.get(i);
            // list, not singleResult: two nodes starting at once may each have made one
            Filter filter = filterService.createFilterQuery().filterName(spec.name()).list().stream().findFirst()
                    .orElse(null);
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
