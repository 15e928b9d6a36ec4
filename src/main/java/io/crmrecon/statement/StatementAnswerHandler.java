package io.crmrecon.statement;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells a version's {@code customerStatement} instance about the customer's answer once the answer has committed
 * and its connection is back in the pool (telling it from the commit's own callbacks took a second connection while
 * the first was still held: fifty customers confirming at once left every request waiting for the pool).
 * When the instance is not waiting yet there is nothing to tell: it asks {@link StatementAnswers#outcome} before it
 * waits. A conflict with the instance's own step (the reminder timer firing, the outcome check) is tried again.
 */
@Component
class StatementAnswerHandler {

    static final int ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(StatementAnswerHandler.class);

    private final RuntimeService runtime;
    private final TransactionTemplate separate;

    StatementAnswerHandler(RuntimeService runtime, PlatformTransactionManager transactions) {
        this.runtime = runtime;
        this.separate = new TransactionTemplate(transactions);
    }

    /** Called with no transaction open: each attempt is a transaction of its own. */
    void deliver(StatementAnswered event) {
        for (int attempt = 1; ; attempt++) {
            try {
                separate.executeWithoutResult(s -> runtime.createMessageCorrelation(event.message())
                        .processInstanceId(event.processInstanceId())
                        .correlate());
                return;
            } catch (MismatchingMessageCorrelationException e) {
                // not waiting (yet, or any more): the answer is stored and the instance reads it itself
                return;
            } catch (OptimisticLockingException e) {
                if (attempt >= ATTEMPTS) {
                    log.warn("Statement {}: {} not delivered to process instance {} after {} attempts; the "
                            + "instance reads the stored answer when it next checks", event.statementId(),
                            event.message(), event.processInstanceId(), ATTEMPTS);
                    return;
                }
                sleep(20L * attempt);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
