package io.vigil.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.AlertSeverity;
import io.vigil.contracts.AlertStatus;
import io.vigil.contracts.Topics;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.TopicRecorder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The Alertmanager notifications the quick start (docs/quick-start.md) sends, from {@code docs/examples}, do
 * what the page says: the firing one is accepted as a critical alert with its summary, sending it again is
 * the same alert, a new firing (a new {@code startsAt}) is a new alert of the same problem, and the resolved
 * one clears it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocsExamplesIT extends IntakeTestSupport {

    private static final String DOOR = "/api/v1/integrations/alertmanager";
    private static final String STARTS_AT = "2026-11-23T09:00:00Z";

    private TopicRecorder alerts;

    @BeforeAll
    void record() {
        alerts = TopicRecorder.record(INFRA.kafka().bootstrapServers(), Topics.ALERTS);
    }

    @AfterAll
    void stopRecording() {
        alerts.close();
    }

    @Test
    void theQuickStartsAlertmanagerNotificationsOpenRefireAndClearOneProblem() throws IOException {
        String firing = example("alertmanager-firing.json");
        assertThat(firing).contains(STARTS_AT);

        JsonNode first = send(firing);
        JsonNode resent = send(firing);
        JsonNode refired = send(firing.replace(STARTS_AT, "2026-11-23T11:30:00Z"));
        JsonNode resolved = send(example("alertmanager-resolved.json"));

        String fingerprint = first.get("fingerprint").asString();
        assertThat(resent.get("alertId")).isEqualTo(first.get("alertId"));
        assertThat(refired.get("alertId")).isNotEqualTo(first.get("alertId"));
        assertThat(refired.get("fingerprint").asString()).isEqualTo(fingerprint);
        assertThat(resolved.get("fingerprint").asString()).isEqualTo(fingerprint);
        assertThat(resolved.get("status").asString()).isEqualTo("resolved");

        AlertReceived opened = received(first.get("alertId").asString());
        assertThat(opened.service()).isEqualTo(SEEDED.service("alertmanager"));
        assertThat(opened.status()).isEqualTo(AlertStatus.FIRING);
        assertThat(opened.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(opened.summary()).isEqualTo("Checkout error rate above 5%");
        assertThat(opened.labels()).containsEntry("alertname", "CheckoutErrorRate");
        assertThat(opened.annotations()).containsEntry("runbook_url", "https://runbooks.example.com/checkout-errors");
        assertThat(received(resolved.get("alertId").asString()).status()).isEqualTo(AlertStatus.RESOLVED);
    }

    /** Posts a notification as Alertmanager does; answers the one alert of the 202 answer. */
    private JsonNode send(String notification) {
        HttpProbe.Response response = client().post(DOOR, Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + SEEDED.key("alertmanager")), notification.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("status").asString()).isEqualTo("accepted");
        assertThat(answer.get("alerts")).hasSize(1);
        return answer.get("alerts").get(0);
    }

    private AlertReceived received(String alertId) {
        ConsumerRecord<String, String> record = alerts.awaitRecord(
                candidate -> candidate.value().contains("\"alertId\":\"" + alertId + "\""), Duration.ofSeconds(20));
        return (AlertReceived) payloadOf(record);
    }

    /** A file of {@code docs/examples}, found from the module directory up. */
    private static String example(String name) throws IOException {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("examples").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return Files.readString(candidate, StandardCharsets.UTF_8);
            }
        }
        throw new IllegalStateException("no docs/examples/" + name + " above " + System.getProperty("user.dir"));
    }
}
