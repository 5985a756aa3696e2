package io.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.contracts.Actor;
import io.vigil.contracts.AddNote;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.IncidentRef;
import io.vigil.contracts.IncidentEscalated;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.Message;
import io.vigil.contracts.ReminderDue;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.incident.severity.application.SendReminders;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.MutableClock;
import io.vigil.testkit.TestTokens;
import io.vigil.testkit.TopicRecorder;
import java.time.Clock;
import java.time.Duration;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The severity matrix holding open incidents to their targets, with a clock the test moves: reminders on
 * {@link Topics#INCIDENT_EVENTS} for an overdue update or response, once per due time, and an escalation of an
 * incident nobody acknowledged.
 */
@SpringBootTest(classes = IncidentCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=incident-core",
                "vigil.incident.severity-policy.check-every=200ms",
                "vigil.incident.severity-policy.levels.SEV1.escalate-after=10m"})
@Import(SeverityReminderIT.ControlledTime.class)
@DirtiesContext
class SeverityReminderIT {

    private static final Infrastructure INFRA = Infrastructure.shared();
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final MutableClock CLOCK = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @TestConfiguration
    static class ControlledTime {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.springProperties("incident_core").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("vigil.incident.dedup-key-prefix", () -> "it:" + UUID.randomUUID() + ":");
    }

    @LocalServerPort
    int port;

    @Autowired
    SendReminders sendReminders;

    @Autowired
    JdbcTemplate jdbc;

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private Api api;
    private TopicRecorder incidentEvents;

    @BeforeEach
    void connect() {
        api = new Api(port);
        incidentEvents = TopicRecorder.record(INFRA.kafka().bootstrapServers(), Topics.INCIDENT_EVENTS);
    }

    @AfterEach
    void disconnect() {
        incidentEvents.close();
    }

    @Test
    void aSev1WithoutAnUpdateRemindsItsCommanderOncePerCadence() {
        String id = declare("SEV1");
        api.put("/v1/incidents/" + id + "/roles/incident-commander", "erin", "{\"assignee\":\"erin\"}");
        assertThat(api.post("/v1/incidents/" + id + "/acknowledge", "erin").status()).isEqualTo(200);
        Instant acknowledged = CLOCK.instant();

        CLOCK.advance(Duration.ofMinutes(15));
        ReminderDue first = awaitReminder(id, acknowledged.plus(Duration.ofMinutes(15)));

        assertThat(first.kind()).isEqualTo("update-overdue");
        assertThat(first.userId()).isEqualTo("erin");
        assertThat(first.severity()).isEqualTo(IncidentSeverity.SEV1);
        assertThat(first.reminderId()).isEqualTo(StableIds.of("reminder", id, "update-overdue",
                acknowledged.plus(Duration.ofMinutes(15)).toString()));
        assertThat(first.text()).contains("SEV1").contains("no update in the last 15 min")
                .doesNotContain("No incident commander");

        CLOCK.advance(Duration.ofMinutes(15));
        ReminderDue second = awaitReminder(id, acknowledged.plus(Duration.ofMinutes(30)));

        assertThat(second.reminderId()).isNotEqualTo(first.reminderId());
        assertThat(reminders(id)).extracting(ReminderDue::dueAt)
                .containsExactly(acknowledged.plus(Duration.ofMinutes(15)), acknowledged.plus(Duration.ofMinutes(30)));
        assertThat(kinds(id)).filteredOn("reminder"::equals).hasSize(2);
    }

    @Test
    void aNoteStartsTheCadenceAgain() {
        String id = declare("SEV1");
        api.post("/v1/incidents/" + id + "/acknowledge", "alice");

        CLOCK.advance(Duration.ofMinutes(10));
        assertThat(api.post("/v1/incidents/" + id + "/notes", "alice", "{\"text\":\"rolling back 4.2\"}").status())
                .isEqualTo(201);
        Instant noted = CLOCK.instant();
        CLOCK.advance(Duration.ofMinutes(10));
        sendReminders.check();

        assertThat(kinds(id)).doesNotContain("reminder");

        CLOCK.advance(Duration.ofMinutes(5));
        ReminderDue reminder = awaitReminder(id, noted.plus(Duration.ofMinutes(15)));
        assertThat(reminder.kind()).isEqualTo("update-overdue");
        assertThat(reminder.userId()).isNull();
        assertThat(reminder.text()).contains("No incident commander is assigned: a SEV1 incident needs one.");
    }

    @Test
    void aRunbooksNoteIsNotAnUpdateButAStatusPageUpdateIs() {
        String id = declare("SEV1");
        api.post("/v1/incidents/" + id + "/acknowledge", "alice");
        Instant acknowledged = CLOCK.instant();

        CLOCK.advance(Duration.ofMinutes(5));
        command(new AddNote(UUID.randomUUID(), IncidentRef.byId(UUID.fromString(id)),
                new Actor("runbook", "restart-checkout", "remediation"), "restarted 3 pods", CLOCK.instant()));
        await().atMost(PATIENCE).until(() -> kinds(id).contains("note"));
        CLOCK.advance(Duration.ofMinutes(10));

        assertThat(awaitReminder(id, acknowledged.plus(Duration.ofMinutes(15))).kind()).isEqualTo("update-overdue");

        // The status page writes this line on the linked incident when a public update is posted.
        jdbc.update("""
                insert into timeline_entry (incident_id, at, kind, summary, actor_kind, actor_id, actor_via)
                values (?, ?, 'status-page-update', 'We are failing over', 'user', 'erin', 'status-page')""",
                UUID.fromString(id), Timestamp.from(CLOCK.instant()));
        Instant posted = CLOCK.instant();
        CLOCK.advance(Duration.ofMinutes(14));
        sendReminders.check();
        assertThat(kinds(id)).filteredOn("reminder"::equals).hasSize(1);
        CLOCK.advance(Duration.ofMinutes(1));
        assertThat(awaitReminder(id, posted.plus(Duration.ofMinutes(15))).kind()).isEqualTo("update-overdue");
    }

    @Test
    void anUnacknowledgedSev2PastItsResponseTargetRemindsTheOnCall() {
        String id = declare("SEV2");
        Instant opened = CLOCK.instant();

        CLOCK.advance(Duration.ofMinutes(14));
        sendReminders.check();
        assertThat(kinds(id)).doesNotContain("reminder");

        CLOCK.advance(Duration.ofMinutes(1));
        ReminderDue reminder = awaitReminder(id, opened.plus(Duration.ofMinutes(15)));

        assertThat(reminder.kind()).isEqualTo("response-overdue");
        assertThat(reminder.userId()).isNull();
        assertThat(reminder.text()).contains("nobody has acknowledged it")
                .contains("SEV2 response target of 15 min");
        List<JsonNode> lines = api.get("/v1/incidents/" + id + "/timeline").json().valueStream()
                .filter(line -> line.get("kind").asString().equals("reminder")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst().get("summary").asString()).startsWith("Reminder to the on-call: #");
    }

    @Test
    void aSev1NobodyAcknowledgesIsEscalatedOnceAfterTenMinutes() {
        String id = declare("SEV1");

        CLOCK.advance(Duration.ofMinutes(10));
        IncidentEscalated escalated = (IncidentEscalated) codec.decode(incidentEvents.awaitRecord(
                record -> record.key().equals(id) && record.value().contains("IncidentEscalated"), PATIENCE)
                .value()).payload();

        assertThat(escalated.actor()).isEqualTo(SendReminders.ACTOR);
        CLOCK.advance(Duration.ofMinutes(1));
        sendReminders.check();
        assertThat(kinds(id)).filteredOn("escalated"::equals).hasSize(1);
    }

    @Test
    void theSeverityPolicyInForceIsReadable() {
        HttpProbe.Response response = HttpProbe.localhost(port).withToken(TestTokens.VIEWER)
                .get("/v1/severity-policy");

        assertThat(response.status()).isEqualTo(200);
        JsonNode levels = api.get("/v1/severity-policy").json();
        assertThat(levels.findValuesAsString("severity")).containsExactly("SEV1", "SEV2", "SEV3", "SEV4", "SEV5");
        assertThat(levels.findValues("responseTargetMinutes").stream().map(JsonNode::asLong).toList())
                .containsExactly(5L, 15L, 30L, 60L, 480L);
        assertThat(levels.findValues("updateCadenceMinutes").stream()
                .map(node -> node.isNull() ? null : node.asLong()).toList())
                .containsExactly(15L, 30L, 60L, 240L, null);
        assertThat(levels.findValues("commanderRequired").stream().map(JsonNode::asBoolean).toList())
                .containsExactly(true, true, false, false, false);
        assertThat(levels.get(0).get("responseTarget").asString()).isEqualTo("PT5M");
        assertThat(levels.get(0).get("escalateAfterMinutes").asLong()).isEqualTo(10);
        assertThat(levels.get(1).get("escalateAfter").isNull()).isTrue();
    }

    private void command(Message command) {
        Envelope<Message> envelope = Envelope.of(UUID.randomUUID(), ((AddNote) command).incident().key(), command,
                Clock.systemUTC(), null);
        TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.INCIDENT_COMMANDS, envelope.aggregateId(),
                codec.encode(envelope));
    }

    private String declare(String severity) {
        Api.Answer created = api.post("/v1/incidents", "erin",
                "{\"title\":\"Checkout payments failing\",\"service\":\"checkout-%s\",\"severity\":\"%s\"}"
                        .formatted(UUID.randomUUID(), severity));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private ReminderDue awaitReminder(String incident, Instant dueAt) {
        incidentEvents.awaitRecord(record -> record.key().equals(incident) && decode(record.value())
                instanceof ReminderDue reminder && reminder.dueAt().equals(dueAt), PATIENCE);
        return reminders(incident).stream().filter(reminder -> reminder.dueAt().equals(dueAt)).findFirst()
                .orElseThrow();
    }

    private List<ReminderDue> reminders(String incident) {
        return incidentEvents.records().stream().filter(record -> record.key().equals(incident))
                .map(record -> decode(record.value())).filter(ReminderDue.class::isInstance)
                .map(ReminderDue.class::cast).toList();
    }

    private Message decode(String value) {
        return codec.decode(value).payload();
    }

    private List<String> kinds(String incident) {
        return await().atMost(PATIENCE).until(() -> api.get("/v1/incidents/" + incident + "/timeline"),
                answer -> answer.status() == 200).json().valueStream().map(line -> line.get("kind").asString())
                .toList();
    }
}
