package io.vigil.notification.response.application;

import io.vigil.contracts.Actor;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.IncidentRef;
import io.vigil.contracts.PublishStatusUpdate;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.starter.inbox.Inbox;
import io.vigil.starter.outbox.Outbox;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A responder asked in Slack ({@code /vigil-status #42 identified …}) to tell the public how an incident stands: the
 * request goes to incident-core on {@link Topics#INCIDENT_COMMANDS}, through the outbox, and its status page posts it
 * on the public incidents linked to the incident.
 */
@Service
public class AskForStatusUpdate {

    /**
     * One request.
     *
     * @param status     {@code investigating}, {@code identified}, {@code monitoring}, {@code resolved} or
     *                   {@code null} to keep the status
     * @param requestKey what identifies the request at the channel (Slack's trigger id): a retried request makes
     *                   the same command id and is published once
     */
    public record Request(UUID incidentId, String status, String message, String userId, String via,
            String requestKey) {
    }

    static final String CONSUMER = "channel-status-updates";

    private final Inbox inbox;
    private final Outbox outbox;
    private final Clock clock;

    public AskForStatusUpdate(Inbox inbox, Outbox outbox, Clock clock) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @return the id of the command; a replayed request sends nothing again */
    @Transactional
    public UUID ask(Request request) {
        UUID commandId = StableIds.of("channel-status-update", request.via(), request.userId(),
                request.incidentId().toString(), request.requestKey());
        if (!inbox.firstDelivery(CONSUMER, commandId)) {
            return commandId;
        }
        IncidentRef incident = IncidentRef.byId(request.incidentId());
        PublishStatusUpdate command = new PublishStatusUpdate(commandId, incident, request.status(),
                request.message(), new Actor("user", request.userId(), request.via()), clock.instant());
        outbox.append(Topics.INCIDENT_COMMANDS, Envelope.of(commandId, incident.key(), command, clock, null));
        return commandId;
    }
}
