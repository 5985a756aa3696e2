package io.vigil.ingestion.alert.adapter.kafka;

import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.Topics;
import io.vigil.ingestion.alert.IngestionProperties;
import io.vigil.ingestion.alert.application.AlertPublisher;
import io.vigil.ingestion.alert.application.IntakeUnavailable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes an alert straight to {@link Topics#ALERTS} and waits for the broker's acknowledgement
 * ({@code acks=all}): ingestion keeps no state of its own, so Kafka is where an alert becomes safe.
 */
@Component
class KafkaAlertPublisher implements AlertPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final EnvelopeCodec codec;
    private final IngestionProperties properties;

    KafkaAlertPublisher(KafkaTemplate<String, String> kafka, EnvelopeCodec codec, IngestionProperties properties) {
        this.kafka = kafka;
        this.codec = codec;
        this.properties = properties;
    }

    @Override
    public void publish(Envelope<AlertReceived> alert) {
        try {
            kafka.send(Topics.ALERTS, alert.aggregateId(), codec.encode(alert))
                    .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailable("interrupted while storing the alert", e);
        } catch (ExecutionException | TimeoutException | KafkaException
                | org.springframework.kafka.KafkaException e) {
            throw new IntakeUnavailable("the alert could not be stored in Kafka", e);
        }
    }
}
