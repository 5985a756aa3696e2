package io.vigil.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dikhan.pagerduty.client.events.PagerDutyEventsClient;
import com.github.dikhan.pagerduty.client.events.domain.AcknowledgeIncident;
import com.github.dikhan.pagerduty.client.events.domain.ChangeEvent;
import com.github.dikhan.pagerduty.client.events.domain.ChangeEventPayload;
import com.github.dikhan.pagerduty.client.events.domain.EventResult;
import com.github.dikhan.pagerduty.client.events.domain.LinkContext;
import com.github.dikhan.pagerduty.client.events.domain.Payload;
import com.github.dikhan.pagerduty.client.events.domain.ResolveIncident;
import com.github.dikhan.pagerduty.client.events.domain.Severity;
import com.github.dikhan.pagerduty.client.events.domain.TriggerIncident;
import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.AlertSeverity;
import io.vigil.contracts.ChangeEventReceived;
import io.vigil.contracts.Fingerprints;
import io.vigil.contracts.IncidentRef;
import io.vigil.contracts.Topics;
import io.vigil.testkit.TopicRecorder;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Java PagerDuty client ({@code com.github.dikhan:pagerduty-client}) pointed at Vigil instead of PagerDuty. */
class PagerDutyClientIT extends IntakeTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private PagerDutyEventsClient pagerDuty;
    private TopicRecorder alerts;
    private TopicRecorder commands;
    private TopicRecorder changes;
    private String routingKey;
    private String service;

    @BeforeEach
    void connect() {
        String base = "http://localhost:" + port;
        pagerDuty = PagerDutyEventsClient.create(base + "/v2/enqueue", base + "/v2/change/enqueue", false);
        String bootstrap = INFRA.kafka().bootstrapServers();
        alerts = TopicRecorder.record(bootstrap, Topics.ALERTS);
        commands = TopicRecorder.record(bootstrap, Topics.INCIDENT_COMMANDS);
        changes = TopicRecorder.record(bootstrap, Topics.CHANGE_EVENTS);
        routingKey = SEEDED.key("pagerduty");
        service = SEEDED.service("pagerduty");
    }

    @AfterEach
    void disconnect() {
        alerts.close();
        commands.close();
        changes.close();
    }

    @Test
    void clientTriggersAcknowledgesAndResolvesAnIncident() throws Exception {
        String dedupKey = "java-client-" + UUID.randomUUID();
        String fingerprint = Fingerprints.fromDedupKey(service, dedupKey);
        Payload payload = Payload.Builder.newBuilder()
                .setSummary("Queue depth above 10k")
                .setSource("worker-7")
                .setSeverity(Severity.ERROR)
                .setTimestamp(OffsetDateTime.parse("2026-01-02T03:04:05.678+01:00"))
                .setComponent("queue")
                .setGroup("billing")
                .setEventClass("backlog")
                .setCustomDetails(new JSONObject().put("depth", 12345))
                .build();

        EventResult triggered = pagerDuty.trigger(TriggerIncident.TriggerIncidentBuilder.newBuilder(routingKey, payload)
                .setDedupKey(dedupKey)
                .setLinks(List.of(new LinkContext("https://runbooks/queue", "Runbook")))
                .build());
        EventResult acknowledged = pagerDuty.acknowledge(
                AcknowledgeIncident.AcknowledgeIncidentBuilder.newBuilder(routingKey, dedupKey).build());
        EventResult resolved = pagerDuty.resolve(
                ResolveIncident.ResolveIncidentBuilder.newBuilder(routingKey, dedupKey).build());

        assertThat(triggered.getStatus()).isEqualTo("success");
        assertThat(triggered.getMessage()).isEqualTo("Event processed");
        assertThat(triggered.getDedupKey()).isEqualTo(dedupKey);
        assertThat(acknowledged.getStatus()).isEqualTo("success");
        assertThat(acknowledged.getDedupKey()).isEqualTo(dedupKey);
        assertThat(resolved.getStatus()).isEqualTo("success");

        AlertReceived alert = (AlertReceived) payloadOf(alerts.awaitRecord(r -> fingerprint.equals(r.key()), PATIENCE));
        assertThat(alert.summary()).isEqualTo("Queue depth above 10k");
        assertThat(alert.severity()).isEqualTo(AlertSeverity.ERROR);
        assertThat(alert.component()).isEqualTo("queue");
        assertThat(alert.customDetails()).containsEntry("depth", 12345);
        assertThat(alert.links()).singleElement().satisfies(link -> assertThat(link.href()).isEqualTo("https://runbooks/queue"));

        IncidentRef incident = IncidentRef.byFingerprint(service, fingerprint);
        io.vigil.contracts.AcknowledgeIncident acknowledge = (io.vigil.contracts.AcknowledgeIncident) payloadOf(
                commands.awaitRecord(r -> fingerprint.equals(r.key()) && r.value().contains("AcknowledgeIncident"), PATIENCE));
        io.vigil.contracts.ResolveIncident resolve = (io.vigil.contracts.ResolveIncident) payloadOf(
                commands.awaitRecord(r -> fingerprint.equals(r.key()) && r.value().contains("ResolveIncident"), PATIENCE));
        assertThat(acknowledge.incident()).isEqualTo(incident);
        assertThat(resolve.incident()).isEqualTo(incident);
    }

    @Test
    void clientTracksAChange() throws Exception {
        String summary = "Deployed billing " + UUID.randomUUID();
        EventResult result = pagerDuty.trackChange(ChangeEvent.ChangeEventBuilder.newBuilder(routingKey,
                        ChangeEventPayload.Builder.newBuilder()
                                .setSummary(summary)
                                .setSource("ci")
                                .setTimestamp(OffsetDateTime.parse("2026-11-22T23:51:28.176966142Z"))
                                .setCustomDetails(new JSONObject().put("build_state", "passed"))
                                .build())
                .build());

        assertThat(result.getStatus()).isEqualTo("success");
        ChangeEventReceived change = (ChangeEventReceived) payloadOf(
                changes.awaitRecord(r -> r.value().contains(summary), PATIENCE));
        assertThat(change.service()).isEqualTo(service);
        assertThat(change.customDetails()).containsEntry("build_state", "passed");
    }

    @Test
    void clientSeesAnUnknownRoutingKeyAsAnInvalidEvent() throws Exception {
        Payload payload = Payload.Builder.newBuilder()
                .setSummary("s").setSource("s").setSeverity(Severity.INFO).build();

        EventResult result = pagerDuty.trigger(TriggerIncident.TriggerIncidentBuilder
                .newBuilder("0123456789abcdef0123456789abcdef", payload).build());

        assertThat(result.getStatus()).isEqualTo("invalid event");
        assertThat(result.getMessage()).isEqualTo("Event object is invalid");
        assertThat(result.getErrors()).contains("routing_key");
    }
}
