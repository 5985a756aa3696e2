package io.vigil.incident.incident.adapter.kafka;

import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.AlertStatus;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.MalformedMessageException;
import io.vigil.contracts.Message;
import io.vigil.contracts.Topics;
import io.vigil.incident.incident.application.RecordAlert;
import io.vigil.incident.incident.domain.AlertSignal;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds every alert on {@link Topics#ALERTS} to {@link RecordAlert}. */
@Component
class AlertListener {

    private final EnvelopeCodec codec;
    private final RecordAlert recordAlert;

    AlertListener(EnvelopeCodec codec, RecordAlert recordAlert) {
        this.codec = codec;
        this.recordAlert = recordAlert;
    }

    @KafkaListener(topics = Topics.ALERTS)
    void onAlert(ConsumerRecord<String, String> record) {
        Envelope<Message> envelope = codec.decode(record.value());
        if (!(envelope.payload() instanceof AlertReceived alert)) {
            throw new MalformedMessageException(
                    "%s does not belong on %s".formatted(envelope.type(), Topics.ALERTS));
        }
        AlertSignal signal = new AlertSignal(alert.alertId(), alert.integration(), alert.service(),
                alert.fingerprint(),
                alert.status() == AlertStatus.FIRING, alert.summary(),
                alert.severity().name(), alert.receivedAt(),
                alert.groupKey(), alert.labels(), alert.startsAt());
        recordAlert.record(envelope.eventId(), signal, envelope.traceparent());
    }
}
