package io.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.Fingerprints;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.Topics;
import io.vigil.incident.incident.application.AlertOutcome;
import io.vigil.incident.incident.application.RecordAlert;
import io.vigil.incident.incident.domain.AlertSignal;
import io.vigil.starter.VigilApplication;
import io.vigil.starter.outbox.OutboxRelay;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** A process that stops after committing a change but before publishing its event loses nothing. */
class OutboxRestartIT {

    private static final Infrastructure INFRA = Infrastructure.shared();

    @Test
    void anEventCommittedButNotPublishedLeavesWithTheNextStart() {
        Map<String, Object> properties = new HashMap<>(INFRA.springProperties("incident_core"));
        properties.put("server.port", "0");
        properties.put("spring.kafka.consumer.group-id", "incident-core-it-" + UUID.randomUUID());
        String service = "ledger-" + UUID.randomUUID();
        UUID incidentId;

        try (ConfigurableApplicationContext first = start(properties)) {
            // The relay stops as if the process died right after the commit.
            first.getBean(OutboxRelay.class).stop();
            AlertOutcome outcome = first.getBean(RecordAlert.class).record(UUID.randomUUID(),
                    new AlertSignal(UUID.randomUUID(), "generic", service, Fingerprints.fromDedupKey(service, "drift"),
                            true, "ledger drift", "error", Instant.now()), null);
            incidentId = ((AlertOutcome.Opened) outcome).incident().id();
            assertThat(first.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from outbox where message_key = ?", Integer.class, incidentId.toString()))
                    .isEqualTo(1);
        }

        try (TopicRecorder events = TopicRecorder.recordFromBeginning(INFRA.kafka().bootstrapServers(),
                Topics.INCIDENT_EVENTS);
                ConfigurableApplicationContext second = start(properties)) {
            ConsumerRecord<String, String> published = events.awaitRecord(
                    record -> record.key().equals(incidentId.toString()), Duration.ofSeconds(30));
            IncidentOpened opened = (IncidentOpened) new EnvelopeCodec().decode(published.value()).payload();
            assertThat(opened.service()).isEqualTo(service);
            assertThat(second.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from outbox where message_key = ?", Integer.class, incidentId.toString()))
                    .isZero();
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return VigilApplication.builder(IncidentCoreApplication.class, IncidentCoreApplication.SERVICE_NAME,
                properties).run();
    }
}
