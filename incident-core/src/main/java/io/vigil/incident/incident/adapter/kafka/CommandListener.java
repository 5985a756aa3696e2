package io.vigil.incident.incident.adapter.kafka;

import io.vigil.contracts.AcknowledgeIncident;
import io.vigil.contracts.AddNote;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.EscalateIncident;
import io.vigil.contracts.MalformedMessageException;
import io.vigil.contracts.Message;
import io.vigil.contracts.PublishStatusUpdate;
import io.vigil.contracts.ResolveIncident;
import io.vigil.contracts.Topics;
import io.vigil.incident.incident.application.CarryOutCommand;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds every command on {@link Topics#INCIDENT_COMMANDS} about the incident itself to {@link CarryOutCommand}; a
 * status page update is the status page feature's.
 */
@Component
class CommandListener {

    private final EnvelopeCodec codec;
    private final CarryOutCommand carryOutCommand;

    CommandListener(EnvelopeCodec codec, CarryOutCommand carryOutCommand) {
        this.codec = codec;
        this.carryOutCommand = carryOutCommand;
    }

    @KafkaListener(topics = Topics.INCIDENT_COMMANDS)
    void onCommand(ConsumerRecord<String, String> record) {
        Envelope<Message> envelope = codec.decode(record.value());
        Message payload = envelope.payload();
        if (payload instanceof PublishStatusUpdate) {
            // The status page's own listener carries it out.
            return;
        }
        if (!(payload instanceof AcknowledgeIncident || payload instanceof ResolveIncident
                || payload instanceof EscalateIncident || payload instanceof AddNote)) {
            throw new MalformedMessageException(
                    "%s does not belong on %s".formatted(envelope.type(), Topics.INCIDENT_COMMANDS));
        }
        carryOutCommand.carryOut(payload, envelope.traceparent());
    }
}
