package io.vigil.notification.delivery.application;

import io.vigil.contracts.StableIds;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.DeliveryStatus;
import io.vigil.notification.delivery.domain.Purpose;
import io.vigil.starter.inbox.Inbox;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An incident was acknowledged or resolved: pending pages (later rules, retries, fallbacks) are cancelled, and every
 * Slack message that paged about it gets the news in its thread.
 */
@Service
public class CancelIncidentDeliveries {

    static final String CONSUMER = "incident-events";

    /** What happened to the incident. */
    public record IncidentChange(UUID eventId, UUID incidentId, String what, String actorId, Instant at) {
    }

    private final Inbox inbox;
    private final Deliveries deliveries;
    private final Outcomes outcomes;
    private final Clock clock;

    public CancelIncidentDeliveries(Inbox inbox, Deliveries deliveries, Outcomes outcomes, Clock clock) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** @return how many pending deliveries were cancelled (0 for a redelivered event) */
    @Transactional
    public int cancel(IncidentChange change) {
        if (!inbox.firstDelivery(CONSUMER, change.eventId())) {
            return 0;
        }
        int cancelled = 0;
        for (Delivery delivery : deliveries.cancelPending(change.incidentId())) {
            if (delivery.purpose() == Purpose.PAGE) {
                outcomes.cancelled(delivery, "incident " + change.what());
                cancelled++;
            }
        }
        String who = change.actorId() == null ? "someone" : change.actorId();
        Instant now = clock.instant();
        for (Delivery page : deliveries.sentSlackPages(change.incidentId())) {
            String key = "update/%s/%s".formatted(change.eventId(), page.id());
            deliveries.add(new Delivery(StableIds.of("delivery", key), key, page.requestId(), page.incidentId(),
                    page.incidentNumber(), page.title(), page.service(), page.severity(), page.urgency(),
                    page.userId(), page.userName(), page.slackUser(), page.pageEmail(), page.channel(),
                    page.address(), page.contactMethodId(), "update", Purpose.UPDATE, page.providerRef(),
                    "Incident %s %s by %s".formatted(page.incidentCode(), change.what(), who), page.id(), DeliveryStatus.PENDING, 0, now, now, null,
                    null, null));
        }
        return cancelled;
    }
}
