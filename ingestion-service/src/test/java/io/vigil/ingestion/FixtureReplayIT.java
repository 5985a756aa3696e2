package io.vigil.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.contracts.AcknowledgeIncident;
import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.AlertStatus;
import io.vigil.contracts.ChangeEventReceived;
import io.vigil.contracts.Fingerprints;
import io.vigil.contracts.IncidentRef;
import io.vigil.contracts.Message;
import io.vigil.contracts.ResolveIncident;
import io.vigil.contracts.Topics;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.TopicRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Replays every request captured from real alert sources ({@code shared/fixtures}: Alertmanager's webhook and
 * PagerDuty integration, three PagerDuty client libraries) against the running service exactly as it was
 * sent, only with the captured key replaced by a seeded integration's key, and checks the answer the client
 * got and what reached Kafka.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FixtureReplayIT extends IntakeTestSupport {

    private static final String CAPTURED_ROUTING_KEY = "harness-routing-key-0000000000";
    private static final String CAPTURED_BEARER = "Bearer harness-token";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private TopicRecorder alerts;
    private TopicRecorder commands;
    private TopicRecorder changes;

    @BeforeAll
    void record() {
        String bootstrap = INFRA.kafka().bootstrapServers();
        alerts = TopicRecorder.record(bootstrap, Topics.ALERTS);
        commands = TopicRecorder.record(bootstrap, Topics.INCIDENT_COMMANDS);
        changes = TopicRecorder.record(bootstrap, Topics.CHANGE_EVENTS);
    }

    @AfterAll
    void stopRecording() {
        alerts.close();
        commands.close();
        changes.close();
    }

    /** {@code shared/fixtures}, found from the module directory up. */
    static Path fixtures() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("fixtures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no shared/fixtures above " + System.getProperty("user.dir"));
    }

    static Stream<String> capturedRequests() throws IOException {
        try (Stream<Path> files = Files.list(fixtures())) {
            List<String> names = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".json")).sorted().toList();
            assertThat(names).as("captured requests").hasSizeGreaterThanOrEqualTo(30);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capturedRequests")
    void capturedRequestIsAcceptedAndReachesKafkaAsTheSourceMeantIt(String file) {
        JsonNode fixture = read(file);
        String path = fixture.get("path").asString();
        String query = fixture.path("query").asString("");
        JsonNode body = fixture.get("body");
        Map<String, String> headers = new LinkedHashMap<>();
        fixture.get("headers").properties().forEach(header -> headers.put(header.getKey(),
                header.getValue().asString().replace(CAPTURED_BEARER, "Bearer " + SEEDED.key("alertmanager"))));
        byte[] raw = fixture.get("body_raw").asString().replace(CAPTURED_ROUTING_KEY, SEEDED.key("pagerduty"))
                .getBytes(StandardCharsets.UTF_8);

        int alertsBefore = alerts.records().size();
        int commandsBefore = commands.records().size();
        int changesBefore = changes.records().size();
        HttpProbe.Response response = client().post(path + (query.isEmpty() ? "" : "?" + query), headers, raw);

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode answer = json.readTree(response.body());
        switch (path) {
            case "/api/v1/integrations/alertmanager" -> webhookReachedKafka(body, answer, alertsBefore);
            case "/v2/enqueue" -> pagerDutyEventReachedKafka(body, answer, alertsBefore, commandsBefore);
            case "/v2/change/enqueue" -> changeReachedKafka(body, answer, changesBefore);
            default -> throw new AssertionError("a fixture for an unknown door: " + path);
        }
    }

    private void webhookReachedKafka(JsonNode webhook, JsonNode answer, int before) {
        String service = SEEDED.service("alertmanager");
        List<JsonNode> sent = webhook.get("alerts").valueStream().toList();
        List<AlertReceived> received = awaitNew(alerts, before, sent.size(), AlertReceived.class,
                alert -> alert.service().equals(service));

        assertThat(answer.get("alerts")).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            JsonNode expected = sent.get(i);
            String amFingerprint = expected.get("fingerprint").asString();
            AlertReceived alert = received.stream().filter(a -> amFingerprint.equals(a.dedupKey())).findFirst()
                    .orElseThrow(() -> new AssertionError("no AlertReceived for Alertmanager alert " + amFingerprint));
            assertThat(alert.integration()).isEqualTo("alertmanager");
            assertThat(alert.fingerprint()).isEqualTo(Fingerprints.fromDedupKey(service, amFingerprint));
            assertThat(alert.status()).isEqualTo(AlertStatus.valueOf(expected.get("status").asString().toUpperCase(Locale.ROOT)));
            assertThat(alert.labels()).isEqualTo(json.convertValue(expected.get("labels"),
                    new tools.jackson.core.type.TypeReference<Map<String, String>>() { }));
            assertThat(alert.summary()).isEqualTo(expected.get("annotations").get("summary").asString());
            assertThat(alert.groupKey()).isEqualTo(webhook.get("groupKey").asString());
            assertThat(alert.truncatedAlerts()).isEqualTo(webhook.get("truncatedAlerts").asInt());
            assertThat(answer.get("alerts").get(i).get("fingerprint").asString()).isEqualTo(alert.fingerprint());
        }
    }

    private void pagerDutyEventReachedKafka(JsonNode event, JsonNode answer, int alertsBefore, int commandsBefore) {
        String service = SEEDED.service("pagerduty");
        String action = event.get("event_action").asString();
        String dedupKey = answer.get("dedup_key").asString();
        assertThat(answer.get("status").asString()).isEqualTo("success");
        assertThat(answer.get("message").asString()).isEqualTo("Event processed");
        if (event.hasNonNull("dedup_key")) {
            assertThat(dedupKey).isEqualTo(event.get("dedup_key").asString());
        } else {
            assertThat(dedupKey).matches("[0-9a-f]{32}");
        }
        String fingerprint = Fingerprints.fromDedupKey(service, dedupKey);
        IncidentRef incident = IncidentRef.byFingerprint(service, fingerprint);
        switch (action) {
            case "trigger" -> {
                AlertReceived alert = awaitNew(alerts, alertsBefore, 1, AlertReceived.class,
                        a -> a.service().equals(service)).getFirst();
                assertThat(alert.fingerprint()).isEqualTo(fingerprint);
                assertThat(alert.dedupKey()).isEqualTo(dedupKey);
                assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
                assertThat(alert.summary()).isEqualTo(event.get("payload").get("summary").asString());
                assertThat(alert.severity().name().toLowerCase(Locale.ROOT))
                        .isEqualTo(event.get("payload").get("severity").asString());
                assertThat(alert.source()).isEqualTo(event.get("payload").get("source").asString());
            }
            case "acknowledge" -> assertThat(((AcknowledgeIncident) awaitNew(commands, commandsBefore, 1,
                    AcknowledgeIncident.class, c -> c.incident().equals(incident)).getFirst()).incident())
                    .isEqualTo(incident);
            case "resolve" -> assertThat(((ResolveIncident) awaitNew(commands, commandsBefore, 1,
                    ResolveIncident.class, c -> c.incident().equals(incident)).getFirst()).incident())
                    .isEqualTo(incident);
            default -> throw new AssertionError("unexpected event_action " + action);
        }
    }

    private void changeReachedKafka(JsonNode event, JsonNode answer, int before) {
        String service = SEEDED.service("pagerduty");
        assertThat(answer.get("status").asString()).isEqualTo("success");
        ChangeEventReceived change = awaitNew(changes, before, 1, ChangeEventReceived.class,
                c -> c.service().equals(service)).getFirst();
        assertThat(change.summary()).isEqualTo(event.get("payload").get("summary").asString());
        assertThat(change.source()).isEqualTo(event.get("payload").get("source").asString());
    }

    /** Exactly {@code count} new records of this type matching the filter, after {@code before}. */
    private <M extends Message> List<M> awaitNew(TopicRecorder recorder, int before, int count, Class<M> type,
            Predicate<M> mine) {
        await().atMost(PATIENCE).until(() -> newRecords(recorder, before, type, mine).size() >= count);
        List<M> found = newRecords(recorder, before, type, mine);
        assertThat(found).as("records of this request on the topic").hasSize(count);
        return found;
    }

    private <M extends Message> List<M> newRecords(TopicRecorder recorder, int before, Class<M> type,
            Predicate<M> mine) {
        List<ConsumerRecord<String, String>> records = recorder.records();
        return records.subList(Math.min(before, records.size()), records.size()).stream()
                .filter(record -> record.value().contains("\"type\":\"" + type.getSimpleName() + "\""))
                .map(this::payloadOf)
                .filter(type::isInstance).map(type::cast)
                .filter(mine)
                .toList();
    }

    private JsonNode read(String file) {
        try {
            return json.readTree(Files.readString(fixtures().resolve(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
