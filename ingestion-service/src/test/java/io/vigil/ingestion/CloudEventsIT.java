package io.vigil.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.http.HttpMessageFactory;
import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.AlertSeverity;
import io.vigil.contracts.AlertStatus;
import io.vigil.contracts.Fingerprints;
import io.vigil.contracts.Topics;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.TopicRecorder;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CloudEventsIT extends IntakeTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private IntakeClient http;
    private TopicRecorder alerts;
    private String key;
    private String service;

    @BeforeEach
    void connect() {
        http = client();
        alerts = TopicRecorder.record(INFRA.kafka().bootstrapServers(), Topics.ALERTS);
        key = SEEDED.key("cloudevents");
        service = SEEDED.service("cloudevents");
    }

    @AfterEach
    void disconnect() {
        alerts.close();
    }

    private HttpProbe.Response structured(String event) {
        return http.post("/v1/cloudevents", Map.of("Content-Type", "application/cloudevents+json",
                "Authorization", "Bearer " + key), event.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void structuredModeEventBecomesAnAlert() {
        String dedupKey = "ce-" + UUID.randomUUID();
        HttpProbe.Response response = structured("""
                {"specversion": "1.0", "id": "evt-1", "source": "/monitoring/prod", "type": "com.example.alert",
                 "subject": "db-1", "time": "2026-11-23T10:00:00+01:00", "datacontenttype": "application/json",
                 "data": {"summary": "Replication broken", "severity": "critical", "dedupKey": "%s",
                          "labels": {"env": "prod"}}}""".formatted(dedupKey));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        String fingerprint = Fingerprints.fromDedupKey(service, dedupKey);
        assertThat(json.readTree(response.body()).get("fingerprint").asString()).isEqualTo(fingerprint);
        AlertReceived alert = (AlertReceived) payloadOf(alerts.awaitRecord(r -> fingerprint.equals(r.key()), PATIENCE));
        assertThat(alert.integration()).isEqualTo("cloudevents");
        assertThat(alert.service()).isEqualTo(service);
        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(alert.summary()).isEqualTo("Replication broken");
        assertThat(alert.source()).as("the subject stands in for a missing source").isEqualTo("db-1");
        assertThat(alert.startsAt()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(alert.labels()).containsEntry("env", "prod");
        assertThat(alert.annotations()).containsEntry("cloudevents.type", "com.example.alert")
                .containsEntry("cloudevents.source", "/monitoring/prod").containsEntry("cloudevents.id", "evt-1");
    }

    @Test
    void binaryModeEventWrittenByTheSdkBecomesAnAlertAndItsResendIsTheSameAlert() {
        String dedupKey = "ce-bin-" + UUID.randomUUID();
        CloudEvent event = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create("https://ci.example.com"))
                .withType("com.example.alert")
                .withTime(OffsetDateTime.parse("2026-11-23T10:00:00Z"))
                .withDataContentType("application/json")
                .withData("""
                        {"summary": "Build farm down", "severity": "error", "status": "resolved", "dedupKey": "%s"}"""
                        .formatted(dedupKey).getBytes(StandardCharsets.UTF_8))
                .build();
        Map<String, String> headers = new LinkedHashMap<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        HttpMessageFactory.createWriter(headers::put, body::writeBytes).writeBinary(event);
        headers.put("Authorization", "Bearer " + key);

        HttpProbe.Response first = http.post("/v1/cloudevents", headers, body.toByteArray());
        HttpProbe.Response resent = http.post("/v1/cloudevents", headers, body.toByteArray());

        assertThat(headers).containsKeys("ce-id", "ce-source", "ce-type", "ce-specversion");
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(json.readTree(resent.body()).get("alertId").asString())
                .isEqualTo(json.readTree(first.body()).get("alertId").asString());
        String fingerprint = Fingerprints.fromDedupKey(service, dedupKey);
        AlertReceived alert = (AlertReceived) payloadOf(alerts.awaitRecord(r -> fingerprint.equals(r.key()), PATIENCE));
        assertThat(alert.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(alert.summary()).isEqualTo("Build farm down");
    }

    @Test
    void invalidEventsAreRefusedNamingTheProblem() {
        HttpProbe.Response noId = structured("""
                {"specversion": "1.0", "source": "/s", "type": "t", "data": {"summary": "s", "severity": "info"}}""");
        HttpProbe.Response wrongVersion = structured("""
                {"specversion": "0.3", "id": "1", "source": "/s", "type": "t", "data": {"summary": "s", "severity": "info"}}""");
        HttpProbe.Response noData = structured("""
                {"specversion": "1.0", "id": "1", "source": "/s", "type": "t"}""");
        HttpProbe.Response badData = structured("""
                {"specversion": "1.0", "id": "1", "source": "/s", "type": "t", "data": {"summary": "s", "severity": "loud"}}""");
        HttpProbe.Response notAnEvent = http.post("/v1/cloudevents", Map.of("Content-Type", "text/plain",
                "Authorization", "Bearer " + key), "hello".getBytes(StandardCharsets.UTF_8));
        HttpProbe.Response noKey = http.post("/v1/cloudevents", Map.of("Content-Type", "application/cloudevents+json"),
                """
                {"specversion": "1.0", "id": "1", "source": "/s", "type": "t", "data": {"summary": "s", "severity": "info"}}"""
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(noId.status()).isEqualTo(400);
        assertThat(detail(noId)).contains("not a valid CloudEvent").contains("id");
        assertThat(wrongVersion.status()).isEqualTo(400);
        assertThat(detail(wrongVersion)).contains("specversion");
        assertThat(noData.status()).isEqualTo(400);
        assertThat(detail(noData)).contains("'data' is missing");
        assertThat(badData.status()).isEqualTo(400);
        assertThat(detail(badData)).contains("'data.severity' must be one of");
        assertThat(notAnEvent.status()).isEqualTo(415);
        assertThat(detail(notAnEvent)).contains("Content-Type");
        assertThat(noKey.status()).isEqualTo(401);
    }

    private String detail(HttpProbe.Response response) {
        return json.readTree(response.body()).get("detail").asString();
    }
}
