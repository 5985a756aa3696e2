package io.vigil.notification.response.application;

import io.vigil.contracts.AcknowledgeIncident;
import io.vigil.contracts.Actor;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EscalateIncident;
import io.vigil.contracts.IncidentRef;
import io.vigil.contracts.Message;
import io.vigil.contracts.ResolveIncident;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.starter.inbox.Inbox;
import io.vigil.starter.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person answered a page (a Slack button, later an SMS reply): the matching command goes to incident-core on
 * {@link Topics#INCIDENT_COMMANDS}, through the outbox so the answer to the channel never waits on Kafka.
 */
@Service
public class RespondToIncident {

    /**
     * One answer.
     *
     * @param action     what they asked for
     * @param incidentId which incident
     * @param userId     the Vigil user who asked
     * @param via        {@code slack}, {@code sms}
     * @param answerKey  what identifies this answer at the channel (Slack's action timestamp), so a channel's retry
     *                   of the same answer makes the same command id and incident-core carries it out once
     */
    public record Answer(IncidentAction action, UUID incidentId, String userId, String via, String answerKey) {
    }

    static final String CONSUMER = "channel-answers";

    private final Inbox inbox;
    private final Outbox outbox;
    private final Clock clock;

    public RespondToIncident(Inbox inbox, Outbox outbox, Clock clock) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @return the id of the command; a replayed answer (same channel, person, action, incident and key) sends
     *         nothing again
     */
    @Transactional
    public UUID respond(Answer answer) {
        UUID commandId = StableIds.of("channel-answer", answer.via(), answer.userId(), answer.action().name(),
                answer.incidentId().toString(), answer.answerKey());
        if (!inbox.firstDelivery(CONSUMER, commandId)) {
            return commandId;
        }
        IncidentRef incident = IncidentRef.byId(answer.incidentId());
        Actor actor = new Actor("user", answer.userId(), answer.via());
        Instant now = clock.instant();
        String note = "from " + answer.via();
        Message command = switch (answer.action()) {
            case ACKNOWLEDGE -> new AcknowledgeIncident(commandId, incident, actor, note, now);
            case RESOLVE -> new ResolveIncident(commandId, incident, actor, note, now);
            case ESCALATE -> new EscalateIncident(commandId, incident, actor, note, now);
        };
        outbox.append(Topics.INCIDENT_COMMANDS, Envelope.of(commandId, incident.key(), command, clock, null));
        return commandId;
    }
}
