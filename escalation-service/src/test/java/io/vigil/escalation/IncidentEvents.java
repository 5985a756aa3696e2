package io.vigil.escalation;

import io.vigil.contracts.Actor;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.IncidentAcknowledged;
import io.vigil.contracts.IncidentEscalated;
import io.vigil.contracts.IncidentMerged;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentReopened;
import io.vigil.contracts.IncidentResolved;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.Message;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Urgency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** What incident-core would publish on incident-events.v1, sent by a test. */
final class IncidentEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final Clock clock;

    IncidentEvents(String bootstrapServers, Clock clock) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        this.clock = clock;
    }

    static IncidentOpened opened(UUID incidentId, long number, String service, Urgency urgency) {
        return new IncidentOpened(incidentId, number, "trouble #" + number, service, IncidentSeverity.SEV2, urgency,
                "v1:" + incidentId, UUID.randomUUID(), Instant.parse("2026-06-01T10:00:00Z"));
    }

    static IncidentAcknowledged acknowledged(IncidentOpened incident) {
        return new IncidentAcknowledged(incident.incidentId(), incident.number(), incident.title(), incident.service(),
                incident.severity(), incident.urgency(), new Actor("user", "alice", "slack"), incident.openedAt());
    }

    static IncidentResolved resolved(IncidentOpened incident) {
        return new IncidentResolved(incident.incidentId(), incident.number(), incident.title(), incident.service(),
                incident.severity(), incident.urgency(), new Actor("user", "alice", "rest"), incident.openedAt());
    }

    static IncidentReopened reopened(IncidentOpened incident) {
        return new IncidentReopened(incident.incidentId(), incident.number(), incident.title(), incident.service(),
                incident.severity(), incident.urgency(), Actor.system("incident-core"), incident.openedAt());
    }

    static IncidentEscalated escalated(IncidentOpened incident) {
        return new IncidentEscalated(incident.incidentId(), incident.number(), incident.title(), incident.service(),
                incident.severity(), incident.urgency(), new Actor("user", "alice", "slack"), incident.openedAt());
    }

    static IncidentMerged merged(IncidentOpened incident, IncidentOpened into) {
        return new IncidentMerged(incident.incidentId(), incident.number(), incident.service(), into.incidentId(),
                into.number(), new Actor("user", "alice", "rest"), incident.openedAt());
    }

    /** Sends the event keyed by the incident id and waits until the broker has it; returns its envelope. */
    Envelope<Message> send(UUID incidentId, Message event) {
        Envelope<Message> envelope = Envelope.of(UUID.randomUUID(), incidentId.toString(), event, clock, null);
        resend(envelope);
        return envelope;
    }

    /** Sends the same envelope again: a redelivery. */
    void resend(Envelope<Message> envelope) {
        await(producer.send(new ProducerRecord<>(Topics.INCIDENT_EVENTS, envelope.aggregateId(), codec.encode(envelope))));
    }

    /** Sends without waiting for each acknowledgement; {@link #flush()} waits for all. */
    void sendAsync(UUID incidentId, Message event) {
        Envelope<Message> envelope = Envelope.of(UUID.randomUUID(), incidentId.toString(), event, clock, null);
        producer.send(new ProducerRecord<>(Topics.INCIDENT_EVENTS, incidentId.toString(), codec.encode(envelope)));
    }

    void flush() {
        producer.flush();
    }

    private static void await(Future<RecordMetadata> sent) {
        try {
            sent.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + Topics.INCIDENT_EVENTS, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
