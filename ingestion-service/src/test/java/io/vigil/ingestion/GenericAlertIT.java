package io.vigil.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.AlertSeverity;
import io.vigil.contracts.AlertStatus;
import io.vigil.contracts.Fingerprints;
import io.vigil.contracts.Topics;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class GenericAlertIT extends IntakeTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private IntakeClient http;
    private TopicRecorder alerts;
    private String key;

    @BeforeEach
    void connect() {
        http = client();
        alerts = TopicRecorder.record(INFRA.kafka().bootstrapServers(), Topics.ALERTS);
        key = SEEDED.key("generic");
    }

    @AfterEach
    void disconnect() {
        alerts.close();
    }

    @Test
    void acceptedAlertIsOnTheAlertsTopicKeyedByItsFingerprintUnderTheIntegrationsService() {
        String service = SEEDED.service("generic");
        String dedupKey = "checkout-latency-" + UUID.randomUUID();
        HttpProbe.Response response = http.postJson("/v1/alerts", key, """
                {"summary": "Checkout p99 above 2s", "severity": "critical",
                 "dedupKey": "%s", "source": "prom-1",
                 "labels": {"env": "prod"}, "annotations": {"runbook": "https://runbooks/latency"}}
                """.formatted(dedupKey));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode answer = json.readTree(response.body());
        String fingerprint = Fingerprints.fromDedupKey(service, dedupKey);
        assertThat(answer.get("status").asString()).isEqualTo("accepted");
        assertThat(answer.get("fingerprint").asString()).isEqualTo(fingerprint);

        ConsumerRecord<String, String> record = alerts.awaitRecord(r -> fingerprint.equals(r.key()), PATIENCE);
        AlertReceived alert = (AlertReceived) payloadOf(record);
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
    void serviceInTheBodyOverridesTheIntegrationsService() {
        String service = "db-" + UUID.randomUUID();
        HttpProbe.Response response = http.postJson("/v1/alerts", key, """
                {"service": "%s", "summary": "Replica lag", "severity": "warning",
                 "labels": {"alertname": "ReplicaLag", "instance": "db-2"}}
                """.formatted(service));

        assertThat(response.status()).isEqualTo(202);
        assertThat(json.readTree(response.body()).get("fingerprint").asString()).isEqualTo(
                Fingerprints.fromLabels(service, Map.of("alertname", "ReplicaLag", "instance", "db-2")));
    }

    @Test
    void keyIsAlsoTakenAsBasicAuthPasswordOrQueryParameter() {
        String basic = Base64.getEncoder().encodeToString(("vigil:" + key).getBytes(StandardCharsets.UTF_8));
        String body = """
                {"summary": "via basic", "severity": "info"}""";
        assertThat(http.post("/v1/alerts", Map.of("Content-Type", "application/json", "Authorization", "Basic " + basic),
                body.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(202);
        assertThat(http.postJson("/v1/alerts?key=" + key, null, body).status()).isEqualTo(202);
    }

    @Test
    void alertWithoutKeyOrWithAnUnknownOrForeignKeyIsRefusedWith401AndNothingReachesKafka() {
        String marker = "marker-" + UUID.randomUUID();
        String body = """
                {"summary": "%s", "severity": "info"}""".formatted(marker);

        HttpProbe.Response missing = http.postJson("/v1/alerts", null, body);
        HttpProbe.Response unknown = http.postJson("/v1/alerts", "no-such-key-0000000000", body);
        HttpProbe.Response foreign = http.postJson("/v1/alerts", SEEDED.key("pagerduty"), body);

        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(json.readTree(missing.body()).get("detail").asString()).contains("no integration key");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(json.readTree(unknown.body()).get("detail").asString()).contains("not the key of any integration");
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(json.readTree(foreign.body()).get("detail").asString())
                .contains("belongs to a pagerduty integration, not a generic one");

        assertThat(http.postJson("/v1/alerts", key, body.replace(marker, marker + "-ok")).status()).isEqualTo(202);
        alerts.awaitRecord(r -> r.value().contains(marker + "-ok"), PATIENCE);
        assertThat(alerts.records()).noneMatch(r -> r.value().contains(marker + "\""));
    }

    @Test
    void invalidAlertIsRefusedNamingEachFieldAndNothingReachesKafka() {
        HttpProbe.Response response = http.postJson("/v1/alerts", key, """
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
        assertThat(http.postJson("/v1/alerts", key, """
                {"service": "%s", "summary": "marker", "severity": "info"}""".formatted(marker)).status())
                .isEqualTo(202);
        alerts.awaitRecord(r -> r.value().contains(marker), PATIENCE);
        assertThat(alerts.records()).hasSize(1);
    }

    @Test
    void bodyThatIsNotJsonIsRefusedAsUnreadable() {
        HttpProbe.Response response = http.postJson("/v1/alerts", key, "{\"service\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("'body' is not valid JSON");
    }

    @Test
    void wronglyTypedFieldIsNamed() {
        HttpProbe.Response response = http.postJson("/v1/alerts", key, """
                {"service": "x", "summary": "s", "severity": "info", "startsAt": "yesterday"}""");
        assertThat(response.status()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("'startsAt'");
    }

    @Test
    void bodyLargerThan512KbIsRefusedWith413() {
        String huge = "x".repeat(600 * 1024);
        HttpProbe.Response response = http.postJson("/v1/alerts", key, """
                {"summary": "s", "severity": "info", "annotations": {"blob": "%s"}}""".formatted(huge));
        assertThat(response.status()).isEqualTo(413);
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("larger than 512 KB");
    }
}
