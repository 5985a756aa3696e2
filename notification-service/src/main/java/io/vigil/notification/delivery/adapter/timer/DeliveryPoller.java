package io.vigil.notification.delivery.adapter.timer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.notification.NotificationProperties;
import io.vigil.notification.delivery.application.SendDueDeliveries;
import io.vigil.starter.poll.PollingWorker;
import org.springframework.stereotype.Component;

/**
 * The poller that sends due deliveries. What is due is decided by the injected clock, so a test's clock can
 * make fifteen minutes of retries pass at once. Every replica runs one.
 */
@Component
class DeliveryPoller extends PollingWorker {

    private final SendDueDeliveries sendDue;
    private final Counter failures;

    DeliveryPoller(SendDueDeliveries sendDue, NotificationProperties properties, MeterRegistry meters) {
        super("delivery-poller", properties.tick());
        this.sendDue = sendDue;
        this.failures = Counter.builder("vigil_notification_poller_failures")
                .description("Delivery poller passes that failed and will be retried").register(meters);
    }

    @Override
    protected int processDue() {
        return sendDue.sendDue();
    }

    @Override
    protected void failed(RuntimeException failure) {
        failures.increment();
        super.failed(failure);
    }
}
