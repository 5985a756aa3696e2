package io.vigil.incident.incident.adapter.kafka;

import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.AlertStatus;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.MalformedMessageException;
import io.vigil.contracts.Message;
import io.vigil.contracts.Topics;
import io.vigil.incident.incident.IncidentProperties;
import io.vigil.incident.incident.application.RecordAlert;
import io.vigil.incident.incident.domain.AlertSignal;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the alerts on {@link Topics#ALERTS} to {@link RecordAlert}, a poll's worth at a time, up to
 * {@code vigil.incident.alerts-per-transaction} alerts per transaction (see {@link ChunkedBatch}).
 */
@Component
class AlertListener {

    private final EnvelopeCodec codec;
    private final RecordAlert recordAlert;
    private final int perTransaction;

    AlertListener(EnvelopeCodec codec, RecordAlert recordAlert, IncidentProperties properties) {
        this.codec = codec;
        this.recordAlert = recordAlert;
        this.perTransaction = properties.alertsPerTransaction();
    }

    @KafkaListener(topics = Topics.ALERTS, batch = "true")
    void onAlerts(List<ConsumerRecord<String, String>> records) {
        ChunkedBatch.process(records, perTransaction, this::decode, recordAlert::recordAll,
                delivery -> recordAlert.record(delivery.eventId(), delivery.alert(), delivery.traceparent()));
    }

    private RecordAlert.Delivery decode(ConsumerRecord<String, String> record) {
        Envelope<Message> envelope = codec.decode(record.value());
        if (!(envelope.payload() instanceof AlertReceived alert)) {
            throw new MalformedMessageException(
                    "%s does not belong on %s".formatted(envelope.type(), Topics.ALERTS));
        }
        AlertSignal signal = new AlertSignal(alert.alertId(), alert.integration(), alert.service(),
                alert.fingerprint(),
                alert.status() == AlertStatus.FIRING, alert.summary(),
                alert.severity().name(), alert.receivedAt(),
                alert.groupKey(), alert.labels(), alert.startsAt(), alert.annotations());
        return new RecordAlert.Delivery(envelope.eventId(), signal, envelope.traceparent());
    }
}
