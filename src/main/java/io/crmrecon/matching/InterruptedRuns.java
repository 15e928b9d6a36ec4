package io.crmrecon.matching;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** At start-up, runs a restart cut off are marked FAILED, so that a new run may start. */
@Component
class InterruptedRuns implements ApplicationRunner {

    private final MatchingRuns runs;

    InterruptedRuns(MatchingRuns runs) {
        this.runs = runs;
    }

    @Override
    public void run(ApplicationArguments args) {
        runs.failInterrupted();
    }
}
