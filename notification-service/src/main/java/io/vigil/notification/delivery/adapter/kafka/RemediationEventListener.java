package io.vigil.notification.delivery.adapter.kafka;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.Message;
import io.vigil.contracts.RemediationStepStarted;
import io.vigil.contracts.Topics;
import io.vigil.notification.delivery.application.AskForApproval;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Remediation runs on {@link Topics#REMEDIATION_EVENTS}: an approval step that starts is asked in Slack. */
@Component
class RemediationEventListener {

    private final EnvelopeCodec codec;
    private final AskForApproval askForApproval;

    RemediationEventListener(EnvelopeCodec codec, AskForApproval askForApproval) {
        this.codec = codec;
        this.askForApproval = askForApproval;
    }

    @KafkaListener(topics = Topics.REMEDIATION_EVENTS)
    void onEvent(ConsumerRecord<String, String> record) {
        Envelope<Message> envelope = codec.decode(record.value());
        if (envelope.payload() instanceof RemediationStepStarted started) {
            askForApproval.ask(started);
        }
    }
}
