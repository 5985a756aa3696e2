package io.vigil.notification.delivery.application;

import io.vigil.contracts.IncidentNoteAdded;
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
 * A note written on an incident (by a responder, or by a runbook's {@code notify} step) is replied in the thread of
 * the incident's post in its service's Slack channel, so the team follows the incident where it talks about it.
 */
@Service
public class MirrorNote {

    static final String CONSUMER = "incident-notes";

    private final Inbox inbox;
    private final Deliveries deliveries;
    private final Clock clock;

    public MirrorNote(Inbox inbox, Deliveries deliveries, Clock clock) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** @return how many threads will hear of the note (0 for a redelivered event) */
    @Transactional
    public int mirror(UUID eventId, IncidentNoteAdded note) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return 0;
        }
        Instant now = clock.instant();
        String author = note.actor().id() + ("system".equals(note.actor().kind()) ? "" : " via " + note.actor().via());
        int planned = 0;
        for (Delivery post : deliveries.serviceChannelPosts(note.incidentId())) {
            if (post.status() == DeliveryStatus.SENT && post.providerRef() == null) {
                // Logged, not posted (no bot token then): there is no thread to reply in.
                continue;
            }
            String key = "note/%s/%s".formatted(eventId, post.id());
            if (deliveries.add(new Delivery(StableIds.of("delivery", key), key, post.requestId(), post.incidentId(),
                    post.incidentNumber(), post.title(), post.service(), post.severity(), post.urgency(),
                    post.userId(), post.userName(), null, null, post.channel(), post.address(),
                    post.contactMethodId(), "note", Purpose.NOTE,
                    post.status() == DeliveryStatus.SENT ? post.providerRef() : Delivery.threadOf(post.id()),
                    "Note on %s by %s: %s".formatted(post.incidentCode(), author, note.text()), null,
                    DeliveryStatus.PENDING, 0, now, now, null, null, null))) {
                planned++;
            }
        }
        return planned;
    }
}
