package io.crmrecon.matching;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.ProblemDetail;

/** Matching runs over every incoming transaction not yet applied: started here, run in the background. */
@RestController
@RequestMapping("/api/matching/runs")
@Tag(name = "Matching runs · 收款核销", description = "Match every incoming payment not yet applied")
class MatchingRunController {

    private final MatchingRuns runs;
    private final PaymentMatchingListener process;

    MatchingRunController(MatchingRuns runs, PaymentMatchingListener process) {
        this.runs = runs;
        this.process = process;
    }

    @Operation(summary = "Start a matching run", description = """
            Matches every incoming transaction that is not fully allocated, in the background (a `matchingRun`             instance whose job does the run, retried after a crash): what the rules settle is applied, each             exception becomes one `manualMatch` task in Tasklist. Answers at once with `Location` of the run; `GET`             it for the status (`RUNNING`, `COMPLETED`, or `FAILED` once the job's retries are spent and Cockpit             shows the incident) and the counts `transactions`, `autoMatched`, `suggested`, `unmatched`. While any             run is going (started here, by an import or otherwise), answers 409 at once with that run's             `Location`.""")
    @ApiResponse(responseCode = "202", description = "Started: `{id, status}` and `Location`")
    @ApiResponse(responseCode = "409", description = "A run is going: problem+json with its `runId` and "
            + "`Location`")
    @PostMapping
    ResponseEntity<Map<String, Object>> start(@Parameter(hidden = true) Principal user) {
        long runId = process.startRun(user == null ? null : user.getName());
        return ResponseEntity.accepted().location(URI.create("/api/matching/runs/" + runId))
                .body(body(runs.status(runId).orElseThrow()));
    }

    @Operation(summary = "A matching run's status and counts",
            description = "`status` (`RUNNING`, `COMPLETED`, `FAILED`), `transactions`, `autoMatched`, "
                    + "`suggested`, `unmatched`, and `error` when it failed.")
    @ApiResponse(responseCode = "200", description = "The run")
    @ApiResponse(responseCode = "404", description = "No run has that id")
    @GetMapping("/{id}")
    ResponseEntity<Map<String, Object>> status(@Parameter(description = "The run's id") @PathVariable long id) {
        return runs.status(id).map(s -> ResponseEntity.ok(body(s)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @ExceptionHandler(MatchingRuns.RunInProgress.class)
    ResponseEntity<ProblemDetail> running(MatchingRuns.RunInProgress e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("runId", e.runId());
        return ResponseEntity.status(HttpStatus.CONFLICT).location(URI.create("/api/matching/runs/" + e.runId()))
                .body(problem);
    }

    private static Map<String, Object> body(MatchingRuns.RunStatus s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", s.id());
        body.put("status", s.status());
        body.put("transactions", s.transactions());
        body.put("autoMatched", s.autoMatched());
        body.put("suggested", s.suggested());
        body.put("unmatched", s.unmatched());
        if (s.error() != null) {
            body.put("error", s.error());
        }
        return body;
    }
}
