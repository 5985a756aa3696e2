package io.vigil.remediation.run.adapter.poller;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.remediation.RemediationProperties;
import io.vigil.remediation.run.application.AdvanceRuns;
import io.vigil.starter.poll.PollingWorker;
import org.springframework.stereotype.Component;

/**
 * Advances the runs' due steps. What is due is decided by the injected clock, so a test can make a wait pass at
 * once. Every replica runs one; they share the steps through their {@code SKIP LOCKED} claims.
 */
@Component
class RunPoller extends PollingWorker {

    private final AdvanceRuns advanceRuns;
    private final int batchSize;
    private final Counter advanced;
    private final Counter failures;

    RunPoller(AdvanceRuns advanceRuns, RemediationProperties properties, MeterRegistry meters) {
        super("remediation-runs", properties.tick());
        this.advanceRuns = advanceRuns;
        this.batchSize = properties.batchSize();
        this.advanced = Counter.builder("vigil_remediation_steps_advanced")
                .description("Remediation steps tried, waited on or finished").register(meters);
        this.failures = Counter.builder("vigil_remediation_poller_failures")
                .description("Poller passes that failed and will be retried").register(meters);
    }

    @Override
    protected int processDue() {
        int count = 0;
        while (count < batchSize && advanceRuns.advanceOne()) {
            count++;
        }
        advanced.increment(count);
        return count;
    }

    @Override
    protected void failed(RuntimeException failure) {
        failures.increment();
        super.failed(failure);
    }
}
