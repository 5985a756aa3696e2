package io.vigil.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.AlertSeverity;
import io.vigil.contracts.AlertStatus;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.Fingerprints;
import io.vigil.contracts.Topics;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.TopicRecorder;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = IngestionApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=ingestion-service")
class GenericAlertIT {

    private static final Infrastructure INFRA = Infrastructure.shared();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.springProperties("ingestion").forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final JsonMapper json = JsonMapper.builder().build();
    private HttpProbe http;
    private TopicRecorder alerts;

    @BeforeEach
    void connect() {
        http = HttpProbe.localhost(port);
        alerts = TopicRecorder.record(INFRA.kafka().bootstrapServers(), Topics.ALERTS);
    }

    @AfterEach
    void disconnect() {
        alerts.close();
    }

    @Test
    void acceptedAlertIsOnTheAlertsTopicKeyedByItsFingerprint() {
        String service = "checkout-" + UUID.randomUUID();
        HttpProbe.Response response = http.postJson("/v1/alerts", """
                {"service": "%s", "summary": "Checkout p99 above 2s", "severity": "critical",
                 "dedupKey": "checkout-latency", "source": "prom-1",
                 "labels": {"env": "prod"}, "annotations": {"runbook": "https://runbooks/latency"}}
                """.formatted(service));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode answer = json.readTree(response.body());
        String fingerprint = Fingerprints.fromDedupKey(service, "checkout-latency");
        assertThat(answer.get("status").asString()).isEqualTo("accepted");
        assertThat(answer.get("fingerprint").asString()).isEqualTo(fingerprint);

        ConsumerRecord<String, String> record = alerts.awaitRecord(r -> fingerprint.equals(r.key()), PATIENCE);
        AlertReceived alert = (AlertReceived) codec.decode(record.value()).payload();
        assertThat(alert.alertId()).hasToString(answer.get("alertId").asString());
        assertThat(alert.service()).isEqualTo(service);
        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(alert.summary()).isEqualTo("Checkout p99 above 2s");
        assertThat(alert.labels()).containsEntry("env", "prod");
        assertThat(alert.annotations()).containsEntry("runbook", "https://runbooks/latency");
        assertThat(alert.integration()).isEqualTo("generic");
    }

    @Test
    void alertWithoutDedupKeyIsFingerprintedByItsLabels() {
        String service = "db-" + UUID.randomUUID();
        HttpProbe.Response response = http.postJson("/v1/alerts", """
                {"service": "%s", "summary": "Replica lag", "severity": "warning",
                 "labels": {"alertname": "ReplicaLag", "instance": "db-2"}}
                """.formatted(service));

        assertThat(response.status()).isEqualTo(202);
        assertThat(json.readTree(response.body()).get("fingerprint").asString()).isEqualTo(
                Fingerprints.fromLabels(service, java.util.Map.of("alertname", "ReplicaLag", "instance", "db-2")));
    }

    @Test
    void invalidAlertIsRefusedNamingEachFieldAndNothingReachesKafka() {
        HttpProbe.Response response = http.postJson("/v1/alerts", """
                {"service": "checkout", "severity": "disaster"}
                """);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("detail").asString())
                .contains("'severity' must be one of critical, error, warning, info")
                .contains("'summary' must not be blank");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactly("severity", "summary");

        String marker = "marker-" + UUID.randomUUID();
        assertThat(http.postJson("/v1/alerts", """
                {"service": "%s", "summary": "marker", "severity": "info"}""".formatted(marker)).status())
                .isEqualTo(202);
        alerts.awaitRecord(r -> r.value().contains(marker), PATIENCE);
        assertThat(alerts.records()).hasSize(1);
    }

    @Test
    void bodyThatIsNotJsonIsRefusedAsUnreadable() {
        HttpProbe.Response response = http.postJson("/v1/alerts", "{\"service\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("'body' is not valid JSON");
    }

    @Test
    void wronglyTypedFieldIsNamed() {
        HttpProbe.Response response = http.postJson("/v1/alerts", """
                {"service": "x", "summary": "s", "severity": "info", "startsAt": "yesterday"}""");
        assertThat(response.status()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("'startsAt'");
    }
}
