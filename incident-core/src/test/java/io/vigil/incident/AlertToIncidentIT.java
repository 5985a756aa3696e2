package io.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.AlertSeverity;
import io.vigil.contracts.AlertStatus;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.Fingerprints;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.Topics;
import io.vigil.incident.incident.application.AlertOutcome;
import io.vigil.incident.incident.application.RecordAlert;
import io.vigil.incident.incident.domain.AlertSignal;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.TestTokens;
import io.vigil.testkit.TopicRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = IncidentCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=incident-core")
class AlertToIncidentIT {

    private static final Infrastructure INFRA = Infrastructure.shared();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.springProperties("incident_core").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("vigil.incident.dedup-key-prefix", () -> "it:" + UUID.randomUUID() + ":");
        // Cached contexts of other test classes stay subscribed: a group of its own keeps every record here.
    }

    @LocalServerPort
    int port;

    @Autowired
    RecordAlert recordAlert;

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final JsonMapper json = JsonMapper.builder().build();
    private HttpProbe http;
    private TopicRecorder incidentEvents;

    @BeforeEach
    void connect() {
        http = HttpProbe.localhost(port).withToken(TestTokens.ADMIN);
        incidentEvents = TopicRecorder.record(INFRA.kafka().bootstrapServers(), Topics.INCIDENT_EVENTS);
    }

    @AfterEach
    void disconnect() {
        incidentEvents.close();
    }

    @Test
    void twoAlertsOfOneProblemOpenOneIncidentThatCountsBoth() {
        String service = "checkout-" + UUID.randomUUID();
        Envelope<AlertReceived> first = alert(service, "latency-high", "p99 above 2s");
        Envelope<AlertReceived> second = alert(service, "latency-high", "p99 above 2s");

        send(first);
        send(second);

        JsonNode incident = awaitSingleIncident(service, 2);
        assertThat(incident.get("title").asString()).isEqualTo("p99 above 2s");
        assertThat(incident.get("severity").asString()).isEqualTo("SEV2");
        assertThat(incident.get("status").asString()).isEqualTo("triggered");

        ConsumerRecord<String, String> opened = incidentEvents.awaitRecord(
                record -> record.key().equals(incident.get("id").asString()), PATIENCE);
        IncidentOpened event = (IncidentOpened) codec.decode(opened.value()).payload();
        assertThat(event.service()).isEqualTo(service);
        assertThat(event.alertId()).isEqualTo(first.payload().alertId());
        assertThat(event.number()).isEqualTo(incident.get("number").asLong());
        assertThat(event.labels()).containsEntry("team", "core");
        assertThat(event.annotations()).containsEntry("runbook_url", "https://runbooks.example.com/latency-high");

        JsonNode timeline = body(http.get("/v1/incidents/" + incident.get("id").asString() + "/timeline"));
        assertThat(timeline).hasSize(1);
        assertThat(timeline.get(0).get("kind").asString()).isEqualTo("opened");
    }

    @Test
    void redeliveredAlertEventIsCountedOnce() {
        String service = "billing-" + UUID.randomUUID();
        Envelope<AlertReceived> alert = alert(service, "queue-stuck", "invoice queue stuck");
        Envelope<AlertReceived> marker = alert(service, "queue-stuck", "invoice queue stuck");

        send(alert);
        send(alert);
        send(marker);

        // The marker is sent last on the same partition: once it is counted, the redelivery was seen too.
        JsonNode incident = awaitSingleIncident(service, 2);
        assertThat(incident.get("alertCount").asInt()).isEqualTo(2);
    }

    @Test
    void aThousandConcurrentCopiesOfOneAlertOpenExactlyOneIncidentCountingAll() throws Exception {
        String service = "search-" + UUID.randomUUID();
        String fingerprint = Fingerprints.fromDedupKey(service, "index-lag");
        int alerts = 1_000;
        List<Callable<AlertOutcome>> calls = new ArrayList<>();
        for (int i = 0; i < alerts; i++) {
            AlertSignal signal = new AlertSignal(UUID.randomUUID(), "generic", service, fingerprint, true, "index lagging",
                    "error", Instant.now());
            calls.add(() -> recordAlert.record(UUID.randomUUID(), signal, null));
        }
        List<AlertOutcome> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<AlertOutcome> outcome : pool.invokeAll(calls)) {
                outcomes.add(outcome.get());
            }
        }

        assertThat(outcomes).filteredOn(AlertOutcome.Opened.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(AlertOutcome.Deduplicated.class::isInstance).hasSize(alerts - 1);
        JsonNode incident = awaitSingleIncident(service, alerts);
        String incidentId = incident.get("id").asString();
        incidentEvents.awaitRecord(record -> record.key().equals(incidentId), PATIENCE);
        assertThat(incidentEvents.records()).filteredOn(record -> record.key().equals(incidentId)).hasSize(1);
    }

    @Test
    void concurrentAlertsOfOneGroupOpenExactlyOneIncident() throws Exception {
        String service = "cart-" + UUID.randomUUID();
        String groupKey = "{}:{alertname=\"CartDown\"}";
        int alerts = 200;
        List<Callable<AlertOutcome>> calls = new ArrayList<>();
        for (int i = 0; i < alerts; i++) {
            AlertSignal signal = new AlertSignal(UUID.randomUUID(), "alertmanager", service,
                    Fingerprints.fromDedupKey(service, "pod-" + (i % 10)), true, "cart down", "critical",
                    Instant.now(), groupKey);
            calls.add(() -> recordAlert.record(UUID.randomUUID(), signal, null));
        }
        List<AlertOutcome> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<AlertOutcome> outcome : pool.invokeAll(calls)) {
                outcomes.add(outcome.get());
            }
        }

        assertThat(outcomes).filteredOn(AlertOutcome.Opened.class::isInstance).hasSize(1);
        assertThat(awaitSingleIncident(service, alerts).get("alertCount").asInt()).isEqualTo(alerts);
        String incidentId = outcomes.stream().filter(AlertOutcome.Opened.class::isInstance)
                .map(outcome -> ((AlertOutcome.Opened) outcome).incident().id().toString()).findFirst().orElseThrow();
        // Nine more pods joined: each is announced once, however many copies of it arrived.
        await().atMost(PATIENCE).until(() -> incidentEvents.records().stream()
                .filter(record -> record.key().equals(incidentId) && record.value().contains("AlertGrouped"))
                .count() >= 9);
        assertThat(incidentEvents.records()).filteredOn(record -> record.key().equals(incidentId)
                && record.value().contains("AlertGrouped")).hasSize(9);
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndThePartitionKeepsFlowing() {
        String service = "payments-" + UUID.randomUUID();
        Envelope<AlertReceived> good = alert(service, "card-declines", "card declines spiking");
        try (TopicRecorder deadLetters = TopicRecorder.record(INFRA.kafka().bootstrapServers(),
                Topics.deadLetter(Topics.ALERTS))) {
            // Same key as the good alert, so both land on one partition, poison first.
            TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.ALERTS, good.aggregateId(), "{not json");
            send(good);

            ConsumerRecord<String, String> parked = deadLetters.awaitRecord(
                    record -> good.aggregateId().equals(record.key()), PATIENCE);
            assertThat(parked.value()).isEqualTo("{not json");
            assertThat(awaitSingleIncident(service, 1).get("title").asString()).isEqualTo("card declines spiking");
        }
    }

    @Test
    void unknownIncidentIsAProblemDocument() {
        HttpProbe.Response response = http.get("/v1/incidents/" + UUID.randomUUID());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(body(response).get("title").asString()).isEqualTo("Incident not found");
    }

    @Test
    void malformedIncidentIdIsABadRequestNamingIt() {
        HttpProbe.Response response = http.get("/v1/incidents/not-a-uuid");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("id");
    }

    private JsonNode awaitSingleIncident(String service, int alertCount) {
        return await().atMost(PATIENCE).until(() -> body(http.get("/v1/incidents?service=" + service)),
                        list -> list.size() == 1 && list.get(0).get("alertCount").asInt() == alertCount)
                .get(0);
    }

    private JsonNode body(HttpProbe.Response response) {
        return json.readTree(response.body());
    }

    private void send(Envelope<AlertReceived> alert) {
        TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.ALERTS, alert.aggregateId(), codec.encode(alert));
    }

    private static Envelope<AlertReceived> alert(String service, String dedupKey, String summary) {
        String fingerprint = Fingerprints.fromDedupKey(service, dedupKey);
        UUID alertId = UUID.randomUUID();
        Instant now = Instant.now();
        AlertReceived alert = new AlertReceived(alertId, "generic", service, fingerprint, dedupKey,
                AlertStatus.FIRING, summary, AlertSeverity.CRITICAL, "host-1", Map.of("team", "core"),
                Map.of("runbook_url", "https://runbooks.example.com/" + dedupKey), null, null, now, null, now);
        return Envelope.of(alertId, fingerprint, alert, Clock.systemUTC(), null);
    }
}
