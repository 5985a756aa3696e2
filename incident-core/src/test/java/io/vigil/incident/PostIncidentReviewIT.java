package io.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.Message;
import io.vigil.contracts.ReminderDue;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.MutableClock;
import io.vigil.testkit.TestTokens;
import io.vigil.testkit.TopicRecorder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Post-incident reviews: written when a SEV2 resolves, action items, overdue reminders, publishing, Markdown. */
@SpringBootTest(classes = IncidentCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=incident-core", "vigil.incident.reviews.reminder-check=200ms"})
@Import(PostIncidentReviewIT.ControlledTime.class)
class PostIncidentReviewIT {

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
    void aResolvedSev2GetsADraftReviewWithItsTimelineToldByRole() {
        String id = declare("SEV2", "checkout-" + UUID.randomUUID(), "Checkout requests time out");
        api.put("/v1/incidents/" + id + "/roles/incident-commander", "bob", "{\"assignee\":\"alice\"}");
        api.put("/v1/incidents/" + id + "/roles/subject-matter-expert", "alice", "{\"assignee\":\"carol\"}");
        assertThat(api.post("/v1/incidents/" + id + "/acknowledge", "alice", "{\"note\":\"on it\"}").status())
                .isEqualTo(200);
        api.post("/v1/incidents/" + id + "/notes", "carol", "{\"text\":\"carol rolled back release 512\"}");
        CLOCK.advance(Duration.ofMinutes(42));
        assertThat(api.post("/v1/incidents/" + id + "/resolve", "alice").status()).isEqualTo(200);

        JsonNode review = await().atMost(PATIENCE).until(() -> api.get("/v1/incidents/" + id + "/review"),
                answer -> answer.status() == 200).json();

        assertThat(review.get("state").asString()).isEqualTo("draft");
        assertThat(review.get("severity").asString()).isEqualTo("SEV2");
        assertThat(review.get("summary").asString()).contains("SEV2 incident #").contains("It lasted 42m");
        assertThat(review.get("impact").get("durationSeconds").asLong()).isEqualTo(42 * 60);
        assertThat(review.get("allowedTransitions").valueStream().map(JsonNode::asString).toList())
                .containsExactly("in_review");
        List<JsonNode> timeline = review.get("timeline").valueStream().toList();
        assertThat(timeline).extracting(line -> line.get("kind").asString())
                .contains("opened", "role", "acknowledged", "note", "resolved");
        assertThat(timeline).extracting(line -> line.get("summary").asString()).contains(
                "Acknowledged by the incident commander: on it",
                "a subject matter expert rolled back release 512",
                "Resolved by the incident commander",
                "Someone took the role of incident commander");
        assertThat(timeline).filteredOn(line -> line.get("kind").asString().equals("note"))
                .extracting(line -> line.get("actor").asString()).containsExactly("subject matter expert");
        assertThat(review.get("timeline").toString()).doesNotContain("alice").doesNotContain("carol")
                .doesNotContain("\"bob");

        Api.Answer again = api.post("/v1/incidents/" + id + "/review", "bob");
        assertThat(again.status()).as("one review per incident").isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(review.get("id").asString());
    }

    @Test
    void anOverdueP1ItemIsListedRemindsItsOwnerAndBlocksPublishingUntilDone() {
        String incident = declare("SEV3", "search-" + UUID.randomUUID(), "Search results stale");
        Api.Answer written = api.post("/v1/incidents/" + incident + "/review", "bob");
        assertThat(written.status()).as("written on demand for a SEV3 that is still open").isEqualTo(201);
        String review = written.json().get("id").asString();
        LocalDate today = LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
        String p1 = addItem(review, "P1", "Alert on index lag", "alice", today.plusDays(1));
        String p3 = addItem(review, "P3", "Write the runbook", "bob", today.plusDays(1));

        assertThat(idsOf(api.get("/v1/action-items?overdue=true").json())).doesNotContain(p1, p3);

        CLOCK.advance(Duration.ofDays(3));
        JsonNode overdue = api.get("/v1/action-items?overdue=true").json();
        assertThat(idsOf(overdue)).contains(p1, p3);
        assertThat(overdue.valueStream().filter(item -> item.get("id").asString().equals(p1)).findFirst()
                .orElseThrow().get("overdue").asBoolean()).isTrue();

        String p1Reminder = StableIds.of("reminder", p1, "action-item-overdue", today.plusDays(1).toString())
                .toString();
        String p3Reminder = StableIds.of("reminder", p3, "action-item-overdue", today.plusDays(1).toString())
                .toString();
        Envelope<Message> reminded = codec.decode(incidentEvents.awaitRecord(record -> record.key().equals(incident)
                && record.value().contains(p1Reminder), PATIENCE).value());
        ReminderDue reminder = (ReminderDue) reminded.payload();
        assertThat(reminded.eventId()).as("one reminder per item and due date").hasToString(p1Reminder);
        assertThat(reminder.kind()).isEqualTo("action-item-overdue");
        assertThat(reminder.userId()).isEqualTo("alice");
        assertThat(reminder.severity().name()).isEqualTo("SEV3");
        assertThat(reminder.dueAt()).isEqualTo(today.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(reminder.text()).contains("Alert on index lag");

        assertThat(api.post("/v1/reviews/" + review + "/state", "bob", "{\"state\":\"published\"}").status())
                .as("a draft is not published directly").isEqualTo(409);
        assertThat(api.post("/v1/reviews/" + review + "/state", "bob", "{\"state\":\"in_review\"}").status())
                .isEqualTo(200);
        Api.Answer blocked = api.post("/v1/reviews/" + review + "/state", "bob", "{\"state\":\"published\"}");
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(blocked.json().get("openActionItems").valueStream().map(item -> item.get("id").asString())
                .toList()).containsExactly(p1);
        assertThat(blocked.json().get("detail").asString()).contains("Alert on index lag");

        assertThat(api.patch("/v1/reviews/" + review + "/action-items/" + p1, "alice", "{\"status\":\"done\"}")
                .json().get("status").asString()).isEqualTo("done");
        assertThat(idsOf(api.get("/v1/action-items?overdue=true").json())).doesNotContain(p1).contains(p3);
        Api.Answer published = api.post("/v1/reviews/" + review + "/state", "bob", "{\"state\":\"published\"}");
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("state").asString()).isEqualTo("published");
        assertThat(api.patch("/v1/reviews/" + review, "bob", "{\"lessons\":\"too late\"}").status())
                .as("a published review is final").isEqualTo(409);

        assertThat(codec.decode(incidentEvents.awaitRecord(record -> record.value().contains(p3Reminder), PATIENCE)
                .value()).payload()).extracting(message -> ((ReminderDue) message).userId()).isEqualTo("bob");
        assertThat(incidentEvents.records()).as("reminder checks ran many times meanwhile; one reminder for the item")
                .filteredOn(record -> record.value().contains(p1Reminder)).hasSize(1);
    }

    @Test
    void theMarkdownExportHasTheSectionsAndTheActionItems() throws Exception {
        String incident = declare("SEV1", "auth-" + UUID.randomUUID(), "Logins fail");
        String review = api.post("/v1/incidents/" + incident + "/review", "bob").json().get("id").asString();
        assertThat(api.patch("/v1/reviews/" + review, "bob", """
                {"rootCauses":"An expired certificate","customersAffected":"all EU users",
                 "wentWell":"Quick diagnosis","lessons":"Alert on expiry"}""").status()).isEqualTo(200);
        addItem(review, "P0", "Automate certificate renewal", "alice", LocalDate.parse("2030-01-15"));

        HttpResponse<String> markdown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/v1/reviews/" + review))
                .header("Accept", "text/markdown")
                .header("Authorization", TestTokens.bearer(TestTokens.VIEWER)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/markdown");
        assertThat(markdown.body()).startsWith("# Post-incident review: #")
                .contains("## Summary", "## Impact", "## Timeline", "## Root causes", "## Contributing factors",
                        "## What went well", "## What went badly", "## Lessons", "## Action items")
                .contains("| **Customers affected** | all EU users |")
                .contains("An expired certificate")
                .contains("| P0 | Automate certificate renewal | alice | 2030-01-15 | open |")
                .containsPattern("- \\*\\*[0-9-]+ [0-9:]+ UTC\\*\\* .+ _\\(responder\\)_");
        assertThat(api.get("/v1/reviews/" + review).json().get("actionItems").get(0).get("priority").asString())
                .as("JSON without the Markdown header").isEqualTo("P0");
        assertThat(idsOf(api.get("/v1/reviews?state=draft&limit=500").json())).contains(review);
        assertThat(idsOf(api.get("/v1/reviews?state=published&limit=500").json())).doesNotContain(review);
        assertThat(api.get("/v1/reviews?state=finished").status()).isEqualTo(400);
    }

    private String declare(String severity, String service, String title) {
        Api.Answer declared = api.post("/v1/incidents", "bob", """
                {"title":"%s","service":"%s","severity":"%s"}""".formatted(title, service, severity));
        assertThat(declared.status()).isEqualTo(201);
        return declared.json().get("id").asString();
    }

    private String addItem(String review, String priority, String title, String owner, LocalDate due) {
        Api.Answer added = api.post("/v1/reviews/" + review + "/action-items", "bob", """
                {"title":"%s","priority":"%s","owner":"%s","dueDate":"%s"}""".formatted(title, priority, owner, due));
        assertThat(added.status()).isEqualTo(201);
        return added.json().get("id").asString();
    }

    private static List<String> idsOf(JsonNode array) {
        return array.valueStream().map(node -> node.get("id").asString()).toList();
    }
}
