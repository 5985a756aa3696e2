package io.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.contracts.Actor;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.EscalationExhausted;
import io.vigil.contracts.EscalationLevelSkipped;
import io.vigil.contracts.Fingerprints;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.Message;
import io.vigil.contracts.NotificationOutcome.Status;
import io.vigil.contracts.NotificationOutcome;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.RemediationRunFinished;
import io.vigil.contracts.RemediationRunStarted;
import io.vigil.contracts.RemediationStepFinished;
import io.vigil.contracts.RemediationStepStarted;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Urgency;
import io.vigil.incident.incident.application.AlertOutcome;
import io.vigil.incident.incident.application.RecordAlert;
import io.vigil.incident.incident.domain.AlertSignal;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.TopicRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Escalation decisions and notification outcomes, as other services publish them, on the incident timeline. No
 * other class shares this context: it is closed afterwards, giving back its database connections and consumers.
 */
@SpringBootTest(classes = IncidentCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=incident-core")
@DirtiesContext
class PagingTimelineIT {

    private static final Infrastructure INFRA = Infrastructure.shared();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.springProperties("incident_core").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("vigil.incident.dedup-key-prefix", () -> "it:" + UUID.randomUUID() + ":");
    }

    @LocalServerPort
    int port;

    @Autowired
    RecordAlert recordAlert;

    @Autowired
    JdbcTemplate jdbc;

    private final EnvelopeCodec codec = new EnvelopeCodec();

    /** A timeline line as the API shows it. */
    private record Line(String kind, String summary, String actor, String via) {
    }

    @Test
    void escalationDecisionsAndNotificationOutcomesShowOnTheTimelineEachWithItsKind() {
        UUID incident = openIncident(UUID.randomUUID());
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        publish(Topics.NOTIFICATION_REQUESTS, page(incident, 1, 1, "alice", "Alice Example", "schedule:primary"));
        publish(Topics.NOTIFICATION_REQUESTS, new EscalationLevelSkipped(UUID.randomUUID(), incident, 7, "checkout",
                "default", 2, 1, "nobody on call in schedule:secondary", at));
        publish(Topics.NOTIFICATION_REQUESTS, new EscalationExhausted(incident, 7, "checkout down", "checkout",
                "default", 3, 2, at.plusSeconds(1)));
        publish(Topics.NOTIFICATION_OUTCOMES, outcome(incident, "alice", "slack", Status.SENT, 1, null, null,
                null, at));
        publish(Topics.NOTIFICATION_OUTCOMES, outcome(incident, "alice", "sms", Status.RETRYING, 1,
                "provider timed out", at.plusSeconds(10), null, at));
        publish(Topics.NOTIFICATION_OUTCOMES, outcome(incident, "alice", "sms", Status.FAILED, 2,
                "invalid number", null, null, at));
        publish(Topics.NOTIFICATION_OUTCOMES, outcome(incident, "alice", "slack", Status.FELL_BACK, 3,
                null, null, "email", at));
        publish(Topics.NOTIFICATION_OUTCOMES, outcome(incident, "alice", "voice", Status.CANCELLED, 0,
                "incident acknowledged", null, null, at));

        List<Line> timeline = await().atMost(PATIENCE).until(() -> timeline(incident), lines -> lines.size() == 9);

        assertThat(timeline).extracting(Line::kind).contains("opened");
        assertThat(timeline).containsAll(List.of(
                new Line("paged", "Paged Alice Example (level 1, round 1) via schedule:primary",
                        "escalation-service", "internal"),
                new Line("escalation-level-skipped", "Level 2 (round 1) skipped: nobody on call in schedule:secondary",
                        "escalation-service", "internal"),
                new Line("escalation-exhausted", "Escalation exhausted after 3 rounds; nobody acknowledged",
                        "escalation-service", "internal"),
                new Line("notification-sent", "slack to alice: sent", "notification-service", "slack"),
                new Line("notification-retrying", "sms to alice: attempt 1 failed (provider timed out), retrying at "
                        + at.plusSeconds(10), "notification-service", "sms"),
                new Line("notification-failed", "sms to alice failed: invalid number", "notification-service", "sms"),
                new Line("notification-fell-back", "slack to alice fell back to email", "notification-service",
                        "slack"),
                new Line("notification-cancelled", "voice to alice cancelled: incident acknowledged",
                        "notification-service", "voice")));
    }

    @Test
    void aReminderSentToSomebodyShowsAsAReminderNotAsAPage() {
        UUID incident = openIncident(UUID.randomUUID());
        NotificationRequested page = page(incident, 1, 1, "erin", "Erin Example", "user");

        publish(Topics.NOTIFICATION_REQUESTS, new NotificationRequested(StableIds.of("reminder", incident.toString()),
                incident, page.number(), page.title(), page.service(), page.severity(), page.urgency(), 0, 0,
                page.user(), "reminder:update-overdue", "no update in the last 15 min"));

        assertThat(await().atMost(PATIENCE).until(() -> timeline(incident), lines -> lines.size() == 2))
                .contains(new Line("paged", "Reminded Erin Example (update-overdue)", "escalation-service",
                        "internal"));
    }

    @Test
    void aRunbooksRunAndItsStepsShowOnTheTimeline() {
        UUID incident = openIncident(UUID.randomUUID());
        UUID run = UUID.randomUUID();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        publish(Topics.REMEDIATION_EVENTS, new RemediationRunStarted(run, incident, "restart-checkout", 2,
                "incident opened", true, Actor.system("remediation-service"), at));
        publish(Topics.REMEDIATION_EVENTS, new RemediationStepStarted(run, incident, "restart-checkout", 2,
                "restart", "action", "steps", "rollout restart deployment checkout in shop", true, at));
        publish(Topics.REMEDIATION_EVENTS, new RemediationStepFinished(run, incident, "restart-checkout", 2,
                "restart", "action", "steps", "succeeded", 2, "would restart deployment checkout", true, at));
        publish(Topics.REMEDIATION_EVENTS, new RemediationRunFinished(run, incident, "restart-checkout", 2,
                "succeeded", "1 step succeeded", true, at.plusSeconds(1)));

        List<Line> timeline = await().atMost(PATIENCE).until(() -> timeline(incident), lines -> lines.size() == 5);

        assertThat(timeline).containsAll(List.of(
                new Line("remediation-started", "Runbook restart-checkout v2 started (dry run) (incident opened)",
                        "remediation-service", "internal"),
                new Line("remediation-step-started", "restart-checkout step restart (action) (dry run): rollout "
                        + "restart deployment checkout in shop", "remediation-service", "internal"),
                new Line("remediation-step-finished", "restart-checkout step restart: succeeded after 2 attempts "
                        + "(would restart deployment checkout)", "remediation-service", "internal"),
                new Line("remediation-finished", "Runbook restart-checkout succeeded (dry run): 1 step succeeded",
                        "remediation-service", "internal")));
    }

    @Test
    void aRedeliveredPageOrOutcomeIsWrittenOnce() {
        UUID incident = openIncident(UUID.randomUUID());
        Envelope<Message> page = envelope(incident, page(incident, 1, 1, "bob", "Bob Example", "user"));
        Envelope<Message> sent = envelope(incident, outcome(incident, "bob", "email", Status.SENT, 1,
                null, null, null, Instant.now()));

        publish(Topics.NOTIFICATION_REQUESTS, page);
        publish(Topics.NOTIFICATION_REQUESTS, page);
        publish(Topics.NOTIFICATION_OUTCOMES, sent);
        publish(Topics.NOTIFICATION_OUTCOMES, sent);
        // Markers follow on the same partitions: once they show, the redeliveries before them were consumed.
        publish(Topics.NOTIFICATION_REQUESTS, new EscalationExhausted(incident, 8, "billing down", "billing",
                "default", 1, 1, Instant.now()));
        publish(Topics.NOTIFICATION_OUTCOMES, outcome(incident, "bob", "sms", Status.SENT, 1, null, null,
                null, Instant.now()));

        List<Line> timeline = await().atMost(PATIENCE).until(() -> timeline(incident),
                lines -> lines.stream().anyMatch(line -> line.kind().equals("escalation-exhausted"))
                        && lines.stream().anyMatch(line -> line.summary().equals("sms to bob: sent")));

        assertThat(timeline).filteredOn(line -> line.kind().equals("paged")).hasSize(1);
        assertThat(timeline).filteredOn(line -> line.summary().equals("email to bob: sent")).hasSize(1);
    }

    @Test
    void aPageThatArrivesBeforeItsIncidentIsKeptAndShowsOnceTheIncidentOpens() {
        UUID alertId = UUID.randomUUID();
        UUID incident = StableIds.of("incident", alertId.toString());

        publish(Topics.NOTIFICATION_REQUESTS, page(incident, 1, 1, "carol", "Carol Example", "team:core"));

        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from timeline_entry where incident_id = ?", Integer.class, incident) == 1);
        assertThat(new Api(port).get("/v1/incidents/" + incident + "/timeline").status()).isEqualTo(404);

        assertThat(openIncident(alertId)).isEqualTo(incident);
        assertThat(timeline(incident)).extracting(Line::kind).containsExactlyInAnyOrder("paged", "opened");
    }

    @Test
    void aMessageOfTheWrongTypeIsDeadLetteredAndTheOutcomesBehindItStillArrive() {
        UUID incident = openIncident(UUID.randomUUID());
        Envelope<Message> misplaced = envelope(incident, page(incident, 1, 1, "dave", "Dave Example", "user"));
        try (TopicRecorder deadLetters = TopicRecorder.record(INFRA.kafka().bootstrapServers(),
                Topics.deadLetter(Topics.NOTIFICATION_OUTCOMES))) {
            publish(Topics.NOTIFICATION_OUTCOMES, misplaced);
            publish(Topics.NOTIFICATION_OUTCOMES, outcome(incident, "dave", "slack", Status.SENT, 1,
                    null, null, null, Instant.now()));

            ConsumerRecord<String, String> parked = deadLetters.awaitRecord(
                    record -> incident.toString().equals(record.key()), PATIENCE);
            assertThat(parked.value()).contains("NotificationRequested");
            assertThat(HttpProbe.localhost(port).get("/actuator/prometheus").body())
                    .containsPattern("vigil_kafka_dead_letters_total\\{[^}]*topic=\"notification-outcomes.v1\"[^}]*} [1-9]");
            await().atMost(PATIENCE).until(() -> timeline(incident),
                    lines -> lines.contains(new Line("notification-sent", "slack to dave: sent",
                            "notification-service", "slack")));
            assertThat(timeline(incident)).extracting(Line::kind).doesNotContain("paged");
        }
    }

    private UUID openIncident(UUID alertId) {
        String service = "checkout-" + UUID.randomUUID();
        AlertSignal alert = new AlertSignal(alertId, "generic", service, Fingerprints.fromDedupKey(service, "down"),
                true, "checkout down", "critical", Instant.now());
        AlertOutcome outcome = recordAlert.record(UUID.randomUUID(), alert, null);
        assertThat(outcome).isInstanceOf(AlertOutcome.Opened.class);
        return ((AlertOutcome.Opened) outcome).incident().id();
    }

    private List<Line> timeline(UUID incident) {
        Api.Answer answer = new Api(port).get("/v1/incidents/" + incident + "/timeline");
        assertThat(answer.status()).isEqualTo(200);
        List<Line> lines = new ArrayList<>();
        for (JsonNode entry : answer.json()) {
            JsonNode actor = entry.get("actor");
            lines.add(new Line(entry.get("kind").asString(), entry.get("summary").asString(),
                    actor == null || actor.isNull() ? null : actor.get("id").asString(),
                    actor == null || actor.isNull() ? null : actor.get("via").asString()));
        }
        return lines;
    }

    private static NotificationRequested page(UUID incident, int level, int round, String userId, String name,
            String reason) {
        return new NotificationRequested(StableIds.of("page", incident.toString(), Integer.toString(level),
                Integer.toString(round), userId), incident, 7, "checkout down", "checkout", IncidentSeverity.SEV2,
                Urgency.HIGH, level, round, new NotificationRequested.Recipient(userId, name, userId + "@example.com",
                        null, "Europe/London"), reason);
    }

    private static NotificationOutcome outcome(UUID incident, String user, String channel,
            Status status, int attempt, String reason, Instant nextAttemptAt,
            String fallbackChannel, Instant at) {
        UUID delivery = UUID.randomUUID();
        return new NotificationOutcome(StableIds.of("outcome", delivery.toString(), Integer.toString(attempt),
                status.name()), delivery, UUID.randomUUID(), incident, user, channel, status, attempt, reason,
                nextAttemptAt, fallbackChannel, at);
    }

    private Envelope<Message> envelope(UUID incident, Message message) {
        UUID eventId = switch (message) {
            case NotificationRequested page -> page.requestId();
            case NotificationOutcome outcome -> outcome.outcomeId();
            case EscalationLevelSkipped skip -> skip.skipId();
            default -> UUID.randomUUID();
        };
        return Envelope.of(eventId, incident.toString(), message, Clock.systemUTC(), null);
    }

    private void publish(String topic, Message message) {
        UUID incident = switch (message) {
            case NotificationRequested page -> page.incidentId();
            case NotificationOutcome outcome -> outcome.incidentId();
            case EscalationLevelSkipped skip -> skip.incidentId();
            case EscalationExhausted exhausted -> exhausted.incidentId();
            case RemediationRunStarted run -> run.incidentId();
            case RemediationStepStarted step -> step.incidentId();
            case RemediationStepFinished step -> step.incidentId();
            case RemediationRunFinished run -> run.incidentId();
            default -> throw new IllegalArgumentException(message.getClass().getSimpleName());
        };
        publish(topic, envelope(incident, message));
    }

    private void publish(String topic, Envelope<Message> envelope) {
        TopicRecorder.send(INFRA.kafka().bootstrapServers(), topic, envelope.aggregateId(), codec.encode(envelope));
    }
}
