package io.vigil.notification.delivery.application;

import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.StableIds;
import io.vigil.notification.contact.application.ServiceChannels;
import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.DeliveryStatus;
import io.vigil.notification.delivery.domain.Purpose;
import io.vigil.starter.inbox.Inbox;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new incident of a service that has a Slack channel is posted there too, with the same buttons as a page, so the
 * team sees it whoever is paged. It is a delivery like any other: retried, paced, updated in its thread when the
 * incident is acknowledged or resolved; it has no fallback (a channel has no phone).
 */
@Service
public class PostToServiceChannel {

    static final String CONSUMER = "incident-opened";
    /** User id recorded on a service channel's deliveries. */
    static final String USER_PREFIX = "service:";

    private final Inbox inbox;
    private final ServiceChannels channels;
    private final Deliveries deliveries;
    private final Clock clock;

    public PostToServiceChannel(Inbox inbox, ServiceChannels channels, Deliveries deliveries, Clock clock) {
        this.inbox = inbox;
        this.channels = channels;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** @return whether a post was planned */
    @Transactional
    public boolean post(UUID eventId, IncidentOpened incident) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return false;
        }
        Optional<String> channel = channels.slackChannelOf(incident.service());
        if (channel.isEmpty()) {
            return false;
        }
        String key = "service/%s/%s".formatted(incident.incidentId(), channel.get());
        Instant now = clock.instant();
        UUID requestId = StableIds.of("service-channel", incident.incidentId().toString(), incident.service());
        return deliveries.add(new Delivery(StableIds.of("delivery", key), key, requestId, incident.incidentId(),
                incident.number(), incident.title(), incident.service(),
                incident.severity() == null ? null : incident.severity().name(),
                incident.urgency() == null ? null : incident.urgency().name(), USER_PREFIX + incident.service(),
                incident.service(), null, null, Channel.SLACK, channel.get(), "service-channel", "service",
                Purpose.PAGE, null, null, null, DeliveryStatus.PENDING, 0, now, now, null, null, null));
    }
}
