package io.crmrecon.statement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Statement runs: one period's statements for every customer with something to state, started in the background. */
@RestController
@RequestMapping("/api/statement-runs")
@Tag(name = "Statement runs · 对账单运行", description = "Send one period's statements")
class StatementRunController {

    private final StatementRuns runs;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;

    StatementRunController(StatementRuns runs, RuntimeService runtime, PlatformTransactionManager transactions) {
        this.runs = runs;
        this.runtime = runtime;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** {@code customerCodes}: optional; empty means every customer with activity in the period or a balance. */
    record RunRequest(String period, List<String> customerCodes) {
    }

    @Operation(summary = "Start a statement run", description = """
            Starts a `statementRun` instance (business key: the run id) for `period` (yyyy-MM): it selects the \
            customers with documents issued or payments booked in the period or an open balance (only \
            `customerCodes` when given), per currency, skips those whose statement for the period is still open, \
            numbers the statements and starts one `customerStatement` per customer, in batches. Answers at once \
            with `Location`; `GET` it for the status and counts. A period that is not yyyy-MM: 400; a period that \
            has not begun or an unknown customer code: 422; nothing is stored then.""")
    @ApiResponse(responseCode = "202", description = "Started: `{id, status, …}` and `Location`")
    @ApiResponse(responseCode = "400", description = "`period` is not a month")
    @ApiResponse(responseCode = "422", description = "`period` has not begun, or a customer code is unknown")
    @PostMapping
    ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) RunRequest request,
            @Parameter(hidden = true) Principal user) {
        RunRequest r = request == null ? new RunRequest(null, null) : request;
        long runId = transaction.execute(tx -> {
            long id = runs.open(r.period(), r.customerCodes(), user == null ? null : user.getName());
            // the instance's start listener ties it to the run
            runtime.startProcessInstanceByKey(StatementRunListener.PROCESS_KEY, Long.toString(id),
                    Map.of("statementRunId", id, "period", r.period().strip()));
            return id;
        });
        return ResponseEntity.accepted().location(URI.create("/api/statement-runs/" + runId))
                .body(body(runs.status(runId, false).orElseThrow()));
    }

    @Operation(summary = "A statement run's status and counts", description = """
            `status`: `RUNNING`; `COMPLETED` once every selected customer's statement is sent (or beyond) or \
            failed; `FAILED` while the run's own job has spent its retries (an incident in Cockpit). Counts from \
            the latest version of each statement of the run: `total` selected, `skipped` (still open from an \
            earlier run), `generated` (statements made), `sent` (sent, answered or settled), `confirmed`, \
            `deemedConfirmed`, `disputed`, `failed` (could not be sent).""")
    @ApiResponse(responseCode = "200", description = "The run")
    @ApiResponse(responseCode = "404", description = "No run has that id")
    @GetMapping("/{id}")
    ResponseEntity<Map<String, Object>> status(@Parameter(description = "The run's id") @PathVariable long id) {
        boolean incident = runs.processInstanceId(id)
                .map(pi -> runtime.createIncidentQuery().processInstanceId(pi).count() > 0).orElse(false);
        return runs.status(id, incident).map(s -> ResponseEntity.ok(body(s)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static Map<String, Object> body(StatementRuns.RunStatus s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", s.id());
        body.put("status", s.status());
        body.put("period", s.period());
        body.put("total", s.total());
        body.put("skipped", s.skipped());
        body.put("generated", s.generated());
        body.put("sent", s.sent());
        body.put("confirmed", s.confirmed());
        body.put("deemedConfirmed", s.deemedConfirmed());
        body.put("disputed", s.disputed());
        body.put("failed", s.failed());
        return body;
    }
}
