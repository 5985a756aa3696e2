package io.vigil.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.contracts.AcknowledgeIncident;
import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.AlertSeverity;
import io.vigil.contracts.AlertStatus;
import io.vigil.contracts.ChangeEventReceived;
import io.vigil.contracts.Fingerprints;
import io.vigil.contracts.IncidentRef;
import io.vigil.contracts.Link;
import io.vigil.contracts.ResolveIncident;
import io.vigil.contracts.Topics;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PagerDutyEventsIT extends IntakeTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private IntakeClient http;
    private TopicRecorder alerts;
    private TopicRecorder commands;
    private TopicRecorder changes;
    private String key;
    private String service;

    @BeforeEach
    void connect() {
        http = client();
        String bootstrap = INFRA.kafka().bootstrapServers();
        alerts = TopicRecorder.record(bootstrap, Topics.ALERTS);
        commands = TopicRecorder.record(bootstrap, Topics.INCIDENT_COMMANDS);
        changes = TopicRecorder.record(bootstrap, Topics.CHANGE_EVENTS);
        key = SEEDED.key("pagerduty");
        service = SEEDED.service("pagerduty");
    }

    @AfterEach
    void disconnect() {
        alerts.close();
        commands.close();
        changes.close();
    }

    @Test
    void triggerIsAnsweredAsPagerDutyDoesAndBecomesAnAlertWithAllItsContext() {
        String dedupKey = "disk-" + UUID.randomUUID();
        HttpProbe.Response response = http.postJson("/v2/enqueue", null, """
                {"routing_key": "%s", "event_action": "trigger", "dedup_key": "%s",
                 "payload": {"summary": "Disk full on db-1", "source": "db-1", "severity": "critical",
                             "timestamp": "2026-01-02T03:04:05.678+01:00", "component": "postgres",
                             "group": "storage", "class": "disk", "custom_details": {"free": 0, "mount": {"path": "/"}}},
                 "images": [{"src": "https://graphs/disk.png", "href": "https://graphs/disk", "alt": "disk"}],
                 "links": [{"href": "https://runbooks/disk", "text": "Runbook"}],
                 "client": "Nagios", "client_url": "https://nagios/db-1"}""".formatted(key, dedupKey));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.body()).isEqualTo(
                "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"" + dedupKey + "\"}");

        String fingerprint = Fingerprints.fromDedupKey(service, dedupKey);
        AlertReceived alert = (AlertReceived) payloadOf(alerts.awaitRecord(r -> fingerprint.equals(r.key()), PATIENCE));
        assertThat(alert.integration()).isEqualTo("pagerduty");
        assertThat(alert.service()).isEqualTo(service);
        assertThat(alert.dedupKey()).isEqualTo(dedupKey);
        assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(alert.summary()).isEqualTo("Disk full on db-1");
        assertThat(alert.source()).isEqualTo("db-1");
        assertThat(alert.startsAt()).isEqualTo(Instant.parse("2026-01-02T02:04:05.678Z"));
        assertThat(alert.component()).isEqualTo("postgres");
        assertThat(alert.group()).isEqualTo("storage");
        assertThat(alert.eventClass()).isEqualTo("disk");
        assertThat(alert.customDetails()).isEqualTo(Map.of("free", 0, "mount", Map.of("path", "/")));
        assertThat(alert.links()).containsExactly(new Link("https://runbooks/disk", "Runbook"));
        assertThat(alert.images()).singleElement().satisfies(image -> assertThat(image.src()).isEqualTo("https://graphs/disk.png"));
        assertThat(alert.client()).isEqualTo("Nagios");
        assertThat(alert.clientUrl()).isEqualTo("https://nagios/db-1");
    }

    @Test
    void triggerWithoutDedupKeyGetsOneThatARetryOfTheSameRequestGetsToo() {
        String body = """
                {"routing_key": "%s", "event_action": "trigger",
                 "payload": {"summary": "CPU high %s", "source": "web-1", "severity": "warning"}}"""
                .formatted(key, UUID.randomUUID());

        JsonNode first = json.readTree(http.postJson("/v2/enqueue", null, body).body());
        JsonNode retry = json.readTree(http.postJson("/v2/enqueue", null, body).body());

        String dedupKey = first.get("dedup_key").asString();
        assertThat(dedupKey).matches("[0-9a-f]{32}");
        assertThat(retry.get("dedup_key").asString()).isEqualTo(dedupKey);
        String fingerprint = Fingerprints.fromDedupKey(service, dedupKey);
        AlertReceived alert = (AlertReceived) payloadOf(alerts.awaitRecord(r -> fingerprint.equals(r.key()), PATIENCE));
        assertThat(alert.dedupKey()).isEqualTo(dedupKey);
    }

    @Test
    void acknowledgeAndResolveBecomeIncidentCommandsNamingTheProblemByFingerprint() {
        String dedupKey = "api-errors-" + UUID.randomUUID();
        String fingerprint = Fingerprints.fromDedupKey(service, dedupKey);
        String acknowledge = """
                {"routing_key": "%s", "event_action": "acknowledge", "dedup_key": "%s",
                 "payload": {"summary": "BLANK", "source": "BLANK", "severity": "info", "timestamp": null}}"""
                .formatted(key, dedupKey);

        HttpProbe.Response acknowledged = http.postJson("/v2/enqueue", null, acknowledge);
        HttpProbe.Response retried = http.postJson("/v2/enqueue", null, acknowledge);
        HttpProbe.Response resolved = http.postJson("/v2/enqueue", null, """
                {"routing_key": "%s", "event_action": "resolve", "dedup_key": "%s"}""".formatted(key, dedupKey));

        assertThat(acknowledged.status()).isEqualTo(202);
        assertThat(json.readTree(acknowledged.body()).get("dedup_key").asString()).isEqualTo(dedupKey);
        assertThat(retried.status()).isEqualTo(202);
        assertThat(resolved.status()).isEqualTo(202);

        commands.awaitRecord(r -> r.value().contains("ResolveIncident") && fingerprint.equals(r.key()), PATIENCE);
        List<ConsumerRecord<String, String>> mine = commands.records().stream()
                .filter(r -> fingerprint.equals(r.key())).toList();
        assertThat(mine).hasSize(3);
        AcknowledgeIncident first = (AcknowledgeIncident) payloadOf(mine.get(0));
        AcknowledgeIncident second = (AcknowledgeIncident) payloadOf(mine.get(1));
        ResolveIncident resolve = (ResolveIncident) payloadOf(mine.get(2));
        assertThat(first.incident()).isEqualTo(IncidentRef.byFingerprint(service, fingerprint));
        assertThat(first.actor().kind()).isEqualTo("integration");
        assertThat(first.actor().id()).isEqualTo(SEEDED.name("pagerduty"));
        assertThat(first.actor().via()).isEqualTo("pagerduty");
        assertThat(second.commandId()).as("a retry is the same command").isEqualTo(first.commandId());
        assertThat(resolve.incident()).isEqualTo(IncidentRef.byFingerprint(service, fingerprint));
        assertThat(alerts.records()).noneMatch(r -> fingerprint.equals(r.key()));
    }

    @Test
    void changeEventIsRecordedOnTheChangeTopicKeyedByService() {
        String summary = "Deployed v1.2.3 " + UUID.randomUUID();
        HttpProbe.Response response = http.postJson("/v2/change/enqueue", null, """
                {"routing_key": "%s",
                 "payload": {"summary": "%s", "source": "ci", "timestamp": "2026-11-22T23:51:28.176966142Z",
                             "custom_details": {"build_state": "passed"}},
                 "links": [{"href": "https://ci/build/1", "text": "Build"}]}""".formatted(key, summary));

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"status\":\"success\",\"message\":\"Change event processed\"}");
        ChangeEventReceived change = (ChangeEventReceived) payloadOf(
                changes.awaitRecord(r -> service.equals(r.key()) && r.value().contains(summary), PATIENCE));
        assertThat(change.service()).isEqualTo(service);
        assertThat(change.source()).isEqualTo("ci");
        assertThat(change.timestamp()).isEqualTo(Instant.parse("2026-11-22T23:51:28.176966142Z"));
        assertThat(change.customDetails()).containsEntry("build_state", "passed");
        assertThat(change.links()).containsExactly(new Link("https://ci/build/1", "Build"));
    }

    @Test
    void invalidEventIsAnsweredInPagerDutysShapeListingEveryProblem() {
        HttpProbe.Response response = http.postJson("/v2/enqueue", null, """
                {"routing_key": "%s", "event_action": "trigger",
                 "payload": {"summary": "%s", "severity": "disaster", "timestamp": "yesterday"}}"""
                .formatted(key, "s".repeat(1025)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("status").asString()).isEqualTo("invalid event");
        assertThat(answer.get("message").asString()).isEqualTo("Event object is invalid");
        assertThat(answer.get("errors").valueStream().map(JsonNode::asString).toList()).containsExactly(
                "'payload.summary' is longer than 1024 characters",
                "'payload.source' is missing or blank",
                "'payload.severity' must be one of critical, error, warning, info",
                "'payload.timestamp' must be an ISO 8601 date-time with a time zone, e.g. 2026-01-02T03:04:05.678+01:00");
    }

    @Test
    void unknownRoutingKeyIsAnInvalidEventNamingTheRoutingKey() {
        HttpProbe.Response response = http.postJson("/v2/enqueue", null, """
                {"routing_key": "00000000000000000000000000000000", "event_action": "trigger",
                 "payload": {"summary": "s", "source": "s", "severity": "info"}}""");

        assertThat(response.status()).isEqualTo(400);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("status").asString()).isEqualTo("invalid event");
        assertThat(answer.get("errors").get(0).asString()).startsWith("'routing_key' is invalid");
    }

    @Test
    void acknowledgeWithoutDedupKeyIsInvalid() {
        HttpProbe.Response response = http.postJson("/v2/enqueue", null, """
                {"routing_key": "%s", "event_action": "acknowledge"}""".formatted(key));

        assertThat(response.status()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("errors").get(0).asString())
                .isEqualTo("'dedup_key' is missing or blank (it is required to acknowledge)");
    }
}
