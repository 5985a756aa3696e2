package io.vigil.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.AlertSeverity;
import io.vigil.contracts.AlertStatus;
import io.vigil.contracts.Fingerprints;
import io.vigil.contracts.Topics;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AlertmanagerWebhookIT extends IntakeTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private IntakeClient http;
    private TopicRecorder alerts;
    private String key;
    private String service;

    @BeforeEach
    void connect() {
        http = client();
        alerts = TopicRecorder.record(INFRA.kafka().bootstrapServers(), Topics.ALERTS);
        key = SEEDED.key("alertmanager");
        service = SEEDED.service("alertmanager");
    }

    @AfterEach
    void disconnect() {
        alerts.close();
    }

    private static String group(String firing, String resolved, int truncated) {
        return """
                {"receiver": "vigil", "status": "firing", "version": "4",
                 "groupKey": "{}:{alertname=\\"DiskFull\\"}", "truncatedAlerts": %d,
                 "groupLabels": {"alertname": "DiskFull"}, "commonLabels": {"alertname": "DiskFull"},
                 "commonAnnotations": {}, "externalURL": "http://am:9093",
                 "alerts": [
                  {"status": "firing", "labels": {"alertname": "DiskFull", "instance": "db-1", "severity": "warning"},
                   "annotations": {"summary": "Disk full on db-1"}, "startsAt": "2026-11-23T10:00:00Z",
                   "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prom/graph", "fingerprint": "%s"},
                  {"status": "resolved", "labels": {"alertname": "DiskFull", "instance": "db-2"},
                   "annotations": {"description": "Disk was full on db-2"}, "startsAt": "2026-11-23T09:00:00Z",
                   "endsAt": "2026-11-23T10:05:00Z", "fingerprint": "%s"}]}"""
                .formatted(truncated, firing, resolved);
    }

    @Test
    void everyAlertOfTheGroupBecomesItsOwnAlertWithItsOwnStatus() {
        String firing = UUID.randomUUID().toString();
        String resolved = UUID.randomUUID().toString();
        HttpProbe.Response response = http.postJson("/api/v1/integrations/alertmanager", key, group(firing, resolved, 0));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("alerts").findValuesAsString("status")).containsExactly("firing", "resolved");

        String firingPrint = Fingerprints.fromDedupKey(service, firing);
        String resolvedPrint = Fingerprints.fromDedupKey(service, resolved);
        AlertReceived first = (AlertReceived) payloadOf(alerts.awaitRecord(r -> firingPrint.equals(r.key()), PATIENCE));
        AlertReceived second = (AlertReceived) payloadOf(alerts.awaitRecord(r -> resolvedPrint.equals(r.key()), PATIENCE));

        assertThat(first.integration()).isEqualTo("alertmanager");
        assertThat(first.service()).isEqualTo(service);
        assertThat(first.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(first.dedupKey()).isEqualTo(firing);
        assertThat(first.summary()).isEqualTo("Disk full on db-1");
        assertThat(first.severity()).isEqualTo(AlertSeverity.WARNING);
        assertThat(first.source()).isEqualTo("db-1");
        assertThat(first.labels()).containsEntry("instance", "db-1").containsEntry("alertname", "DiskFull");
        assertThat(first.groupKey()).isEqualTo("{}:{alertname=\"DiskFull\"}");
        assertThat(first.generatorUrl()).isEqualTo("http://prom/graph");
        assertThat(first.startsAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(first.endsAt()).as("Alertmanager's year-1 placeholder means not ended").isNull();
        assertThat(first.truncatedAlerts()).isZero();

        assertThat(second.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(second.summary()).isEqualTo("Disk was full on db-2");
        assertThat(second.severity()).isEqualTo(AlertSeverity.ERROR);
        assertThat(second.endsAt()).isEqualTo(Instant.parse("2026-11-23T10:05:00Z"));
    }

    @Test
    void resentGroupRepeatsTheSameAlertIdsSoIncidentCoreTakesItOnce() {
        String firing = UUID.randomUUID().toString();
        String body = group(firing, UUID.randomUUID().toString(), 0);

        List<String> first = json.readTree(http.postJson("/api/v1/integrations/alertmanager", key, body).body())
                .get("alerts").findValuesAsString("alertId");
        List<String> resent = json.readTree(http.postJson("/api/v1/integrations/alertmanager", key, body).body())
                .get("alerts").findValuesAsString("alertId");

        assertThat(resent).isEqualTo(first).hasSize(2);
    }

    @Test
    void truncatedAlertsAreRecordedOnTheAlertAndCounted() {
        String firing = UUID.randomUUID().toString();
        double before = truncatedCount();

        assertThat(http.postJson("/api/v1/integrations/alertmanager", key,
                group(firing, UUID.randomUUID().toString(), 7)).status()).isEqualTo(202);

        String fingerprint = Fingerprints.fromDedupKey(service, firing);
        AlertReceived alert = (AlertReceived) payloadOf(alerts.awaitRecord(r -> fingerprint.equals(r.key()), PATIENCE));
        assertThat(alert.truncatedAlerts()).isEqualTo(7);
        assertThat(truncatedCount()).isEqualTo(before + 7);
    }

    @Test
    void eventsAreCountedBySourceAndOutcome() {
        assertThat(http.postJson("/api/v1/integrations/alertmanager", key,
                group(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 0)).status()).isEqualTo(202);

        String metrics = client().get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("vigil_ingest_events_total\\{.*outcome=\"accepted\".*source=\"alertmanager\".*} [1-9]");
        assertThat(metrics).contains("vigil_ingest_latency_seconds_bucket{");
        assertThat(metrics).contains("vigil_ingest_payload_bytes_count{");
    }

    @Test
    void webhookWithoutItsKeyIsRefused() {
        HttpProbe.Response response = http.postJson("/api/v1/integrations/alertmanager", null,
                group(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 0));
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void webhookOfAnotherVersionIsRefusedNamingTheField() {
        HttpProbe.Response response = http.postJson("/api/v1/integrations/alertmanager", key,
                group(UUID.randomUUID().toString(), UUID.randomUUID().toString(), 0).replace("\"version\": \"4\"", "\"version\": \"3\""));
        assertThat(response.status()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("detail").asString()).contains("'version' must be 4");
    }

    private double truncatedCount() {
        return client().get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("vigil_ingest_alertmanager_truncated_alerts_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
