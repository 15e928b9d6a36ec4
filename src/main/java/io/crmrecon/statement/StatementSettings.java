package io.crmrecon.statement;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code recon.statement.*}: how statement runs are cut into batches, how long a customer's link works, and the
 * monthly run's schedule.
 *
 * @param batchSize     customers whose statements one job of a run starts
 * @param viewingDays   how long after it is sent a version's links work (unless it is superseded first)
 * @param runCron       when the monthly run starts itself (a Spring cron in {@code recon.zone}); blank: never
 * @param sendRetryCycle how the job that sends a statement retries (Camunda's retry time cycle)
 * @param pageRateLimit  requests a minute one client address may make to the customer's pages; 0: no limit
 * @param pageConcurrency requests to the customer's pages worked on at once, the others waiting in turn (default:
 *                        four a core); 0: no limit
 * @param pageMaxWait    how long a request to the customer's pages waits for its turn before it is answered 503
 */
@ConfigurationProperties("recon.statement")
record StatementSettings(Integer batchSize, Integer viewingDays, String runCron, String sendRetryCycle,
        Integer pageRateLimit, Integer pageConcurrency, Duration pageMaxWait) {

    StatementSettings {
        batchSize = batchSize == null ? 100 : batchSize;
        viewingDays = viewingDays == null ? 120 : viewingDays;
        runCron = runCron == null ? "" : runCron.strip();
        sendRetryCycle = sendRetryCycle == null || sendRetryCycle.isBlank() ? "PT1M,PT5M,PT30M" : sendRetryCycle;
        pageRateLimit = pageRateLimit == null ? 120 : pageRateLimit;
        pageConcurrency = pageConcurrency == null
                ? PageConcurrency.defaultLimit(Runtime.getRuntime().availableProcessors()) : pageConcurrency;
        pageMaxWait = pageMaxWait == null ? Duration.ofSeconds(10) : pageMaxWait; // PageConcurrency checks both
        if (batchSize < 1 || viewingDays < 1) {
            throw new IllegalArgumentException("recon.statement.batch-size and viewing-days must be positive");
        }
        if (pageRateLimit < 0) {
            throw new IllegalArgumentException("recon.statement.page-rate-limit must be 0 (off) or more");
        }
    }

    Duration viewing() {
        return Duration.ofDays(viewingDays);
    }
}
