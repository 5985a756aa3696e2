package io.vigil.notification.delivery.application;

import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.DeliveryStatus;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Someone retries a failed delivery by hand: it is due again now, on the same channel. */
@Service
public class RetryDelivery {

    /** The delivery is not failed, so there is nothing to retry. */
    public static class NotFailed extends RuntimeException {
        public NotFailed(UUID id, DeliveryStatus status) {
            super("delivery " + id + " is " + status + ", only a FAILED delivery can be retried");
        }
    }

    private final Deliveries deliveries;
    private final Outcomes outcomes;
    private final Clock clock;

    public RetryDelivery(Deliveries deliveries, Outcomes outcomes, Clock clock) {
        this.deliveries = deliveries;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /**
     * @throws ResourceNotFound when there is no such delivery
     * @throws NotFailed        when it is not failed
     */
    @Transactional
    public Delivery retry(UUID id) {
        Delivery delivery = deliveries.find(id).orElseThrow(() -> new ResourceNotFound("delivery", id));
        if (!deliveries.reopen(id, clock.instant())) {
            throw new NotFailed(id, delivery.status());
        }
        outcomes.retrying(delivery, delivery.attempts(), "retried by hand", clock.instant());
        return deliveries.find(id).orElseThrow();
    }
}
