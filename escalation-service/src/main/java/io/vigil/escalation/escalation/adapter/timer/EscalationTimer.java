package io.vigil.escalation.escalation.adapter.timer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigil.escalation.EscalationProperties;
import io.vigil.escalation.escalation.application.FireDueSteps;
import io.vigil.starter.poll.PollingWorker;
import org.springframework.stereotype.Component;

/**
 * The poller that fires due escalation steps. What is due is decided by the injected clock, so a test's clock
 * can make an hour pass at once. Every replica runs one; they share the rows.
 */
@Component
class EscalationTimer extends PollingWorker {

    private final FireDueSteps fireDueSteps;
    private final int batchSize;
    private final Counter fired;
    private final Counter failures;
    private final Timer lateness;

    EscalationTimer(FireDueSteps fireDueSteps, EscalationProperties properties, MeterRegistry meters) {
        super("escalation-timer", properties.tick());
        this.fireDueSteps = fireDueSteps;
        this.batchSize = properties.batchSize();
        this.fired = Counter.builder("vigil_escalation_steps_fired").description("Escalation steps fired")
                .register(meters);
        this.failures = Counter.builder("vigil_escalation_timer_failures")
                .description("Timer ticks that failed and will be retried").register(meters);
        this.lateness = Timer.builder("vigil_escalation_timer_lateness")
                .description("How long after its due time an escalation step fired")
                .publishPercentileHistogram().publishPercentiles(0.5, 0.99).register(meters);
    }

    @Override
    protected int processDue() {
        FireDueSteps.Fired batch = fireDueSteps.fireDue(batchSize);
        fired.increment(batch.count());
        batch.lateness().forEach(lateness::record);
        return batch.count();
    }

    @Override
    protected void failed(RuntimeException failure) {
        failures.increment();
        super.failed(failure);
    }
}
