package io.vigil.notification.delivery.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.NotificationOutcome;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.Purpose;
import io.vigil.starter.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Publishes what became of a delivery on {@link Topics#NOTIFICATION_OUTCOMES} through the outbox (so in the
 * transaction of the row's change) and counts it in {@code vigil_notification_deliveries_total}. A status-page
 * notice is about no incident, so it is only counted: its row at {@code GET /v1/deliveries} is its record.
 */
@Component
public class Outcomes {

    private final Outbox outbox;
    private final Clock clock;
    private final MeterRegistry meters;

    public Outcomes(Outbox outbox, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.clock = clock;
        this.meters = meters;
    }

    public void sent(Delivery delivery, int attempt) {
        publish(delivery, NotificationOutcome.Status.SENT, attempt, null, null, null);
        Timer.builder("vigil_notification_delivery_latency")
                .description("From a delivery being planned to its provider accepting it (includes rule delays and retries)")
                .tag("channel", delivery.channel().wireName()).register(meters)
                .record(Duration.between(delivery.createdAt(), clock.instant()).abs());
    }

    public void retrying(Delivery delivery, int attempt, String reason, Instant next) {
        publish(delivery, NotificationOutcome.Status.RETRYING, attempt, reason, next, null);
    }

    public void fellBack(Delivery delivery, int attempt, String reason, String toChannel) {
        publish(delivery, NotificationOutcome.Status.FELL_BACK, attempt, reason, null, toChannel);
    }

    public void failed(Delivery delivery, int attempt, String reason) {
        publish(delivery, NotificationOutcome.Status.FAILED, attempt, reason, null, null);
    }

    public void cancelled(Delivery delivery, String reason) {
        publish(delivery, NotificationOutcome.Status.CANCELLED, delivery.attempts(), reason, null, null);
    }

    private void publish(Delivery delivery, NotificationOutcome.Status status, int attempt, String reason,
            Instant next, String fallbackChannel) {
        if (delivery.purpose() != Purpose.NOTICE) {
            announce(delivery, status, attempt, reason, next, fallbackChannel);
        }
        Counter.builder("vigil_notification_deliveries").description("Delivery outcomes by channel")
                .tag("channel", delivery.channel().wireName()).tag("outcome", status.name().toLowerCase(java.util.Locale.ROOT))
                .register(meters).increment();
    }

    private void announce(Delivery delivery, NotificationOutcome.Status status, int attempt, String reason,
            Instant next, String fallbackChannel) {
        UUID outcomeId = StableIds.of("notification-outcome", delivery.id().toString(), Integer.toString(attempt),
                status.name());
        NotificationOutcome outcome = new NotificationOutcome(outcomeId, delivery.id(), delivery.requestId(),
                delivery.incidentId(), delivery.userId(), delivery.channel().wireName(), status, attempt, reason, next,
                fallbackChannel, clock.instant());
        outbox.append(Topics.NOTIFICATION_OUTCOMES,
                Envelope.of(outcomeId, delivery.incidentId().toString(), outcome, clock, null));
    }
}
