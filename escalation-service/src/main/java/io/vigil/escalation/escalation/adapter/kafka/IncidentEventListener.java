package io.vigil.escalation.escalation.adapter.kafka;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.IncidentAcknowledged;
import io.vigil.contracts.IncidentEscalated;
import io.vigil.contracts.IncidentMerged;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentReopened;
import io.vigil.contracts.IncidentResolved;
import io.vigil.contracts.Message;
import io.vigil.contracts.ReminderDue;
import io.vigil.contracts.Topics;
import io.vigil.escalation.escalation.application.EscalateNow;
import io.vigil.escalation.escalation.application.RestartEscalation;
import io.vigil.escalation.escalation.application.SendReminder;
import io.vigil.escalation.escalation.application.StartEscalation;
import io.vigil.escalation.escalation.application.StopEscalation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reacts to incident-core's events: opened starts, acknowledged, resolved and merged stop, reopened restarts,
 * escalated moves on; a reminder is sent to the person it names or the incident's on-call.
 */
@Component
class IncidentEventListener {

    private final EnvelopeCodec codec;
    private final StartEscalation startEscalation;
    private final StopEscalation stopEscalation;
    private final RestartEscalation restartEscalation;
    private final EscalateNow escalateNow;
    private final SendReminder sendReminder;

    IncidentEventListener(EnvelopeCodec codec, StartEscalation startEscalation, StopEscalation stopEscalation,
            RestartEscalation restartEscalation, EscalateNow escalateNow, SendReminder sendReminder) {
        this.codec = codec;
        this.startEscalation = startEscalation;
        this.stopEscalation = stopEscalation;
        this.restartEscalation = restartEscalation;
        this.escalateNow = escalateNow;
        this.sendReminder = sendReminder;
    }

    @KafkaListener(topics = Topics.INCIDENT_EVENTS)
    void onIncidentEvent(ConsumerRecord<String, String> record) {
        Envelope<Message> envelope = codec.decode(record.value());
        switch (envelope.payload()) {
            case IncidentOpened opened -> startEscalation.start(envelope.eventId(), opened);
            case IncidentAcknowledged a -> stopEscalation.stop(new StopEscalation.Command(envelope.eventId(),
                    a.incidentId(), a.number(), a.title(), a.service(), StopEscalation.Reason.ACKNOWLEDGED, a.at()));
            case IncidentResolved r -> stopEscalation.stop(new StopEscalation.Command(envelope.eventId(),
                    r.incidentId(), r.number(), r.title(), r.service(), StopEscalation.Reason.RESOLVED, r.at()));
            // The target incident goes on escalating by its own events; only the merged one stops.
            case IncidentMerged m -> stopEscalation.stop(new StopEscalation.Command(envelope.eventId(),
                    m.incidentId(), m.number(), null, m.service(), StopEscalation.Reason.MERGED, m.at()));
            case IncidentReopened reopened -> restartEscalation.restart(envelope.eventId(), reopened);
            case IncidentEscalated escalated -> escalateNow.escalate(envelope.eventId(), escalated);
            case ReminderDue reminder -> sendReminder.remind(envelope.eventId(), reminder);
            default -> {
                // Other incident events do not change who is paged.
            }
        }
    }
}
