package io.vigil.incident.statuspage.adapter.kafka;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.Message;
import io.vigil.contracts.PublishStatusUpdate;
import io.vigil.contracts.Topics;
import io.vigil.incident.statuspage.application.PublishFromChannel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Status page updates asked for from Slack, on {@link Topics#INCIDENT_COMMANDS} in a consumer group of the status
 * page's own; every other command there is the incident feature's.
 */
@Component
class StatusCommandListener {

    private final EnvelopeCodec codec;
    private final PublishFromChannel publish;

    StatusCommandListener(EnvelopeCodec codec, PublishFromChannel publish) {
        this.codec = codec;
        this.publish = publish;
    }

    @KafkaListener(topics = Topics.INCIDENT_COMMANDS, groupId = "${spring.kafka.consumer.group-id}-status-page")
    void onCommand(ConsumerRecord<String, String> record) {
        Envelope<Message> envelope = codec.decode(record.value());
        if (envelope.payload() instanceof PublishStatusUpdate update) {
            publish.publish(update);
        }
    }
}
