package io.vigil.notification.delivery.adapter.timer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.notification.NotificationProperties;
import io.vigil.notification.delivery.application.SendDueDeliveries;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The poller that sends due deliveries. It wakes every tick of real time; what is due is decided by the injected
 * clock, so a test's clock can make fifteen minutes of retries pass at once. Every replica runs one.
 */
@Component
class DeliveryPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPoller.class);

    private final SendDueDeliveries sendDue;
    private final NotificationProperties properties;
    private final Counter failures;
    private volatile boolean running;
    private Thread worker;

    DeliveryPoller(SendDueDeliveries sendDue, NotificationProperties properties, MeterRegistry meters) {
        this.sendDue = sendDue;
        this.properties = properties;
        this.failures = Counter.builder("vigil_notification_poller_failures")
                .description("Delivery poller passes that failed and will be retried").register(meters);
    }

    private void run() {
        while (running) {
            try {
                int claimed;
                do {
                    claimed = sendDue.sendDue();
                } while (claimed > 0 && running);
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("Sending due deliveries failed; retrying next tick", e);
            }
            LockSupport.parkNanos(properties.tick().toNanos());
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().daemon().name("delivery-poller").start(this::run);
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

    /** Starts after and stops before the outbox relay, so nothing is sent while its outcome cannot be published. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
