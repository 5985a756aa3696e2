package io.vigil.ingestion.alert.adapter.kafka;

import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.ChangeEventReceived;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.Message;
import io.vigil.contracts.Topics;
import io.vigil.ingestion.alert.IngestionProperties;
import io.vigil.ingestion.alert.application.AlertPublisher;
import io.vigil.ingestion.alert.application.ChangePublisher;
import io.vigil.ingestion.alert.application.IncidentCommandPublisher;
import io.vigil.ingestion.alert.application.IntakeUnavailable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes what the doors take in straight to Kafka and waits for the broker's acknowledgement
 * ({@code acks=all}): ingestion keeps no state of its own on this path, so Kafka is where an event becomes
 * safe. Alerts go to {@link Topics#ALERTS}, acknowledge and resolve to {@link Topics#INCIDENT_COMMANDS},
 * changes to {@link Topics#CHANGE_EVENTS}; each keyed by the envelope's aggregate id.
 */
@Component
class KafkaIntakePublisher implements AlertPublisher, IncidentCommandPublisher, ChangePublisher {

    private final KafkaTemplate<String, String> kafka;
    private final EnvelopeCodec codec;
    private final IngestionProperties properties;

    KafkaIntakePublisher(KafkaTemplate<String, String> kafka, EnvelopeCodec codec, IngestionProperties properties) {
        this.kafka = kafka;
        this.codec = codec;
        this.properties = properties;
    }

    @Override
    public void publish(List<Envelope<AlertReceived>> alerts) {
        send(Topics.ALERTS, alerts);
    }

    @Override
    public void publishCommand(Envelope<? extends Message> command) {
        send(Topics.INCIDENT_COMMANDS, List.of(command));
    }

    @Override
    public void publishChange(Envelope<ChangeEventReceived> change) {
        send(Topics.CHANGE_EVENTS, List.of(change));
    }

    /** Sends all records before waiting, so a group of alerts costs one round trip, not one per alert. */
    private void send(String topic, List<? extends Envelope<?>> envelopes) {
        long deadline = System.nanoTime() + properties.publishTimeout().toNanos();
        try {
            List<CompletableFuture<?>> sent = new ArrayList<>(envelopes.size());
            for (Envelope<?> envelope : envelopes) {
                sent.add(kafka.send(topic, envelope.aggregateId(), codec.encode(envelope)));
            }
            for (CompletableFuture<?> future : sent) {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeUnavailable("interrupted while storing the event", e);
        } catch (ExecutionException | TimeoutException | KafkaException
                | org.springframework.kafka.KafkaException e) {
            throw new IntakeUnavailable("the event could not be stored in Kafka", e);
        }
    }
}
