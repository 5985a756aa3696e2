package io.vigil.escalation.escalation.adapter.kafka;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.Message;
import io.vigil.contracts.Topics;
import io.vigil.escalation.escalation.application.StartEscalation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reacts to incident-core's events. */
@Component
class IncidentEventListener {

    private final EnvelopeCodec codec;
    private final StartEscalation startEscalation;

    IncidentEventListener(EnvelopeCodec codec, StartEscalation startEscalation) {
        this.codec = codec;
        this.startEscalation = startEscalation;
    }

    @KafkaListener(topics = Topics.INCIDENT_EVENTS)
    void onIncidentEvent(ConsumerRecord<String, String> record) {
        Envelope<Message> envelope = codec.decode(record.value());
        if (envelope.payload() instanceof IncidentOpened opened) {
            startEscalation.start(envelope.eventId(), opened);
        }
    }
}
