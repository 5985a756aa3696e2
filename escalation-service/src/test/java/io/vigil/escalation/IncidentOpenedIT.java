package io.vigil.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Urgency;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.TestTokens;
import io.vigil.testkit.TopicRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = EscalationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=escalation-service")
class IncidentOpenedIT {

    private static final Infrastructure INFRA = Infrastructure.shared();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.springProperties("escalation").forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void openedIncidentIsTakenOnOnceEvenWhenDeliveredTwice() {
        UUID incidentId = UUID.randomUUID();
        IncidentOpened opened = new IncidentOpened(incidentId, 7, "disk full", "storage", IncidentSeverity.SEV3,
                Urgency.HIGH, "v1:abc", UUID.randomUUID(), Instant.parse("2026-11-01T10:00:00Z"));
        Envelope<IncidentOpened> envelope = Envelope.of(UUID.randomUUID(), incidentId.toString(), opened,
                Clock.systemUTC(), null);
        String encoded = new EnvelopeCodec().encode(envelope);

        TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.INCIDENT_EVENTS, incidentId.toString(), encoded);
        TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.INCIDENT_EVENTS, incidentId.toString(), encoded);

        HttpProbe http = HttpProbe.localhost(port).withToken(TestTokens.ADMIN);
        HttpProbe.Response response = await().atMost(Duration.ofSeconds(20))
                .until(() -> http.get("/v1/escalations/" + incidentId), r -> r.status() == 200);
        JsonNode escalation = JsonMapper.builder().build().readTree(response.body());
        assertThat(escalation.get("service").asString()).isEqualTo("storage");
        assertThat(escalation.get("urgency").asString()).isEqualTo("HIGH");
        // No configuration names a policy for storage: taken on, nobody paged.
        assertThat(escalation.get("state").asString()).isEqualTo("NO_POLICY");
        // A later event on the same partition: once it is taken on, the redelivery was processed too.
        UUID laterId = UUID.randomUUID();
        IncidentOpened later = new IncidentOpened(laterId, 8, "disk full again", "storage", IncidentSeverity.SEV3,
                Urgency.HIGH, "v1:abd", UUID.randomUUID(), Instant.parse("2026-11-01T10:05:00Z"));
        TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.INCIDENT_EVENTS, incidentId.toString(),
                new EnvelopeCodec().encode(Envelope.of(UUID.randomUUID(), laterId.toString(), later,
                        Clock.systemUTC(), null)));
        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/v1/escalations/" + laterId).status() == 200);
        assertThat(jdbc.queryForObject("select count(*) from inbox where event_id = ?", Integer.class,
                envelope.eventId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from escalation where incident_id = ?", Integer.class,
                incidentId)).isEqualTo(1);
    }

    @Test
    void unknownEscalationIsNotFound() {
        assertThat(HttpProbe.localhost(port).withToken(TestTokens.ADMIN).get("/v1/escalations/" + UUID.randomUUID())
                .status()).isEqualTo(404);
    }
}
