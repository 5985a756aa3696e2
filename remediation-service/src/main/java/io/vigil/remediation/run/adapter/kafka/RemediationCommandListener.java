package io.vigil.remediation.run.adapter.kafka;

import io.vigil.contracts.DecideRemediationRun;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.Message;
import io.vigil.contracts.Topics;
import io.vigil.remediation.run.application.DecideRun;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Decisions on runs made outside the REST API, such as the Approve and Reject buttons in Slack. */
@Component
class RemediationCommandListener {

    private final EnvelopeCodec codec;
    private final DecideRun decideRun;

    RemediationCommandListener(EnvelopeCodec codec, DecideRun decideRun) {
        this.codec = codec;
        this.decideRun = decideRun;
    }

    @KafkaListener(topics = Topics.REMEDIATION_COMMANDS)
    void onCommand(ConsumerRecord<String, String> record) {
        Envelope<Message> envelope = codec.decode(record.value());
        if (envelope.payload() instanceof DecideRemediationRun decision) {
            decideRun.take(decision);
        }
    }
}
