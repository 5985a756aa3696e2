package io.vigil.notification.delivery.adapter.kafka;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.IncidentAcknowledged;
import io.vigil.contracts.IncidentNoteAdded;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentResolved;
import io.vigil.contracts.Message;
import io.vigil.contracts.Topics;
import io.vigil.notification.delivery.application.CancelIncidentDeliveries;
import io.vigil.notification.delivery.application.MirrorNote;
import io.vigil.notification.delivery.application.CancelIncidentDeliveries.IncidentChange;
import io.vigil.notification.delivery.application.PostToServiceChannel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Incident events on {@link Topics#INCIDENT_EVENTS}: a new incident is posted to its service's Slack channel, a note
 * is replied in that post's thread, an acknowledged or resolved incident stops its pending pages.
 */
@Component
class IncidentEventListener {

    private final EnvelopeCodec codec;
    private final CancelIncidentDeliveries cancel;
    private final PostToServiceChannel postToServiceChannel;
    private final MirrorNote mirrorNote;

    IncidentEventListener(EnvelopeCodec codec, CancelIncidentDeliveries cancel,
            PostToServiceChannel postToServiceChannel, MirrorNote mirrorNote) {
        this.codec = codec;
        this.cancel = cancel;
        this.postToServiceChannel = postToServiceChannel;
        this.mirrorNote = mirrorNote;
    }

    @KafkaListener(topics = Topics.INCIDENT_EVENTS)
    void onEvent(ConsumerRecord<String, String> record) {
        Envelope<Message> envelope = codec.decode(record.value());
        switch (envelope.payload()) {
            case IncidentOpened opened -> postToServiceChannel.post(envelope.eventId(), opened);
            case IncidentNoteAdded note -> mirrorNote.mirror(envelope.eventId(), note);
            case IncidentAcknowledged ack -> cancel.cancel(new IncidentChange(envelope.eventId(), ack.incidentId(),
                    "acknowledged", ack.actor().id(), ack.at()));
            case IncidentResolved resolved -> cancel.cancel(new IncidentChange(envelope.eventId(),
                    resolved.incidentId(), "resolved", resolved.actor().id(), resolved.at()));
            default -> {
                // Other incident events change nothing about pending pages.
            }
        }
    }
}
