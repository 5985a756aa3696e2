package io.vigil.escalation.escalation.adapter.timer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigil.escalation.EscalationProperties;
import io.vigil.escalation.escalation.application.FireDueSteps;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The poller that fires due escalation steps. It wakes every tick of real time, but what is due is decided by the
 * injected clock, so a test's clock can make an hour pass at once. Every replica runs one; they share the rows.
 */
@Component
class EscalationTimer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EscalationTimer.class);

    private final FireDueSteps fireDueSteps;
    private final EscalationProperties properties;
    private final Counter fired;
    private final Counter failures;
    private final Timer lateness;
    private volatile boolean running;
    private Thread worker;

    EscalationTimer(FireDueSteps fireDueSteps, EscalationProperties properties, MeterRegistry meters) {
        this.fireDueSteps = fireDueSteps;
        this.properties = properties;
        this.fired = Counter.builder("vigil_escalation_steps_fired").description("Escalation steps fired")
                .register(meters);
        this.failures = Counter.builder("vigil_escalation_timer_failures")
                .description("Timer ticks that failed and will be retried").register(meters);
        this.lateness = Timer.builder("vigil_escalation_timer_lateness")
                .description("How long after its due time an escalation step fired")
                .publishPercentileHistogram().publishPercentiles(0.5, 0.99).register(meters);
    }

    private void run() {
        while (running) {
            try {
                FireDueSteps.Fired batch;
                do {
                    batch = fireDueSteps.fireDue(properties.batchSize());
                    fired.increment(batch.count());
                    batch.lateness().forEach(lateness::record);
                } while (batch.count() > 0 && running);
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("Firing due escalation steps failed; retrying next tick", e);
            }
            LockSupport.parkNanos(properties.tick().toNanos());
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().daemon().name("escalation-timer").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            LockSupport.unpark(worker);
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after and stops before the outbox relay, so no step fires while nothing can publish it. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
