package io.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.contracts.Actor;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.EscalationExhausted;
import io.vigil.contracts.IncidentRef;
import io.vigil.contracts.Message;
import io.vigil.contracts.PublishStatusUpdate;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.SubscriberNoticeRequested;
import io.vigil.contracts.Topics;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.TestTokens;
import io.vigil.testkit.TopicRecorder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The status page through its API and its public documents: the JSON summary and its derived overall status, the
 * Atom feed, public updates on the linked incidents' timelines and, through the outbox, one notice per subscriber.
 */
@SpringBootTest(classes = IncidentCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=incident-core", "vigil.status-page.name=Acme status",
                "vigil.status-page.url=https://status.acme.test/status"})
@DirtiesContext
class StatusPageIT {

    private static final Infrastructure INFRA = Infrastructure.shared();
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.springProperties("incident_core").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("vigil.incident.dedup-key-prefix", () -> "it:" + UUID.randomUUID() + ":");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private HttpProbe visitor;
    private final EnvelopeCodec codec = new EnvelopeCodec();

    @BeforeEach
    void emptyPage() {
        api = new Api(port);
        visitor = HttpProbe.localhost(port);
        jdbc.update("delete from status_subscription");
        jdbc.update("delete from status_incident");
        jdbc.update("delete from status_component");
        jdbc.update("delete from status_component_group");
    }

    @Test
    void theSummaryShowsComponentsIncidentsAndMaintenancesAndTheOverallStatusTheyAddUpTo() {
        JsonNode empty = summary();
        assertThat(empty.get("status").get("indicator").asString()).isEqualTo("none");
        assertThat(empty.get("status").get("description").asString()).isEqualTo("All Systems Operational");
        assertThat(empty.get("page").get("name").asString()).isEqualTo("Acme status");
        assertThat(empty.get("page").get("url").asString()).isEqualTo("https://status.acme.test/status");
        assertThat(empty.get("page").get("time_zone").asString()).isEqualTo("UTC");

        String core = created(api.post("/v1/status-page/groups", null, "{\"name\":\"Core\"}")).get("id").asString();
        String checkout = component("Checkout API", core);
        String website = component("Website", null);
        Api.Answer degraded = api.put("/v1/status-page/components/" + website + "/status", "alice",
                "{\"status\":\"degraded_performance\"}");
        assertThat(degraded.status()).isEqualTo(200);
        assertThat(summary().get("status").get("indicator").asString()).isEqualTo("minor");

        JsonNode incident = created(api.post("/v1/status-page/incidents", "alice", """
                {"name":"Checkout errors","body":"Some payments fail; we are looking into it.",
                 "components":{"%s":"partial_outage"}}""".formatted(checkout)));
        String incidentId = incident.get("id").asString();
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        created(api.post("/v1/status-page/maintenances", "bob", """
                {"name":"Database upgrade","body":"Checkout may be slow for ten minutes.",
                 "scheduledFor":"%s","scheduledUntil":"%s","componentIds":["%s"]}"""
                .formatted(start, start.plus(1, ChronoUnit.HOURS), checkout)));

        JsonNode during = summary();
        assertThat(during.get("status").get("indicator").asString()).isEqualTo("major");
        assertThat(during.get("status").get("description").asString()).isEqualTo("Partial System Outage");
        JsonNode checkoutJson = byId(during.get("components"), checkout);
        assertThat(checkoutJson.get("status").asString()).isEqualTo("partial_outage");
        assertThat(checkoutJson.get("group_id").asString()).isEqualTo(core);
        assertThat(checkoutJson.get("group").asBoolean()).isFalse();
        JsonNode group = byId(during.get("components"), core);
        assertThat(group.get("group").asBoolean()).isTrue();
        assertThat(group.get("status").asString()).isEqualTo("partial_outage");
        assertThat(group.get("components").get(0).asString()).isEqualTo(checkout);
        assertThat(during.get("incidents")).hasSize(1);
        JsonNode listed = during.get("incidents").get(0);
        assertThat(listed.get("id").asString()).isEqualTo(incidentId);
        assertThat(listed.get("name").asString()).isEqualTo("Checkout errors");
        assertThat(listed.get("status").asString()).isEqualTo("investigating");
        assertThat(listed.get("impact").asString()).isEqualTo("major");
        assertThat(listed.get("shortlink").asString())
                .isEqualTo("https://status.acme.test/status/incidents/" + incidentId);
        assertThat(listed.get("incident_updates").get(0).get("body").asString())
                .isEqualTo("Some payments fail; we are looking into it.");
        assertThat(listed.get("incident_updates").get(0).get("status").asString()).isEqualTo("investigating");
        assertThat(during.get("scheduled_maintenances")).hasSize(1);
        JsonNode maintenance = during.get("scheduled_maintenances").get(0);
        assertThat(maintenance.get("status").asString()).isEqualTo("scheduled");
        assertThat(maintenance.get("impact").asString()).isEqualTo("maintenance");
        assertThat(Instant.parse(maintenance.get("scheduled_for").asString())).isEqualTo(start);

        Api.Answer resolved = api.post("/v1/status-page/incidents/" + incidentId + "/updates", "alice",
                "{\"status\":\"resolved\",\"body\":\"Payments work again.\"}");
        assertThat(resolved.status()).isEqualTo(201);

        JsonNode after = summary();
        assertThat(after.get("incidents")).isEmpty();
        assertThat(byId(after.get("components"), checkout).get("status").asString()).isEqualTo("operational");
        assertThat(after.get("status").get("indicator").asString()).isEqualTo("minor");
        assertThat(after.get("status").get("description").asString()).isEqualTo("Minor Service Outage");
        JsonNode status = JSON.readTree(visitor.get("/status/api/v2/status.json").body());
        assertThat(status.get("status").get("indicator").asString()).isEqualTo("minor");
    }

    @Test
    void aPublicUpdateGoesOnTheLinkedIncidentsTimelineAndToEverySubscriber() {
        String internal = created(api.post("/v1/incidents", "alice",
                "{\"title\":\"checkout 5xx\",\"service\":\"checkout\",\"severity\":\"SEV2\"}")).get("id").asString();
        JsonNode email = created(api.post("/v1/status-page/subscriptions", "alice",
                "{\"channel\":\"email\",\"address\":\"Ops@Example.com\"}"));
        JsonNode webhook = created(api.post("/v1/status-page/subscriptions", "alice",
                "{\"channel\":\"webhook\",\"address\":\"https://hooks.example.com/status\"}"));
        assertThat(email.get("address").asString()).isEqualTo("ops@example.com");
        assertThat(api.get("/v1/status-page/subscriptions").json()).hasSize(2);

        try (TopicRecorder requests = TopicRecorder.record(INFRA.kafka().bootstrapServers(),
                Topics.NOTIFICATION_REQUESTS);
                TopicRecorder deadLetters = TopicRecorder.record(INFRA.kafka().bootstrapServers(),
                        Topics.deadLetter(Topics.NOTIFICATION_REQUESTS))) {
            JsonNode incident = created(api.post("/v1/status-page/incidents", "alice", """
                    {"name":"Checkout errors","body":"We are investigating failed payments.",
                     "incidentIds":["%s"]}""".formatted(internal)));
            String publicId = incident.get("id").asString();
            JsonNode updated = created(api.post("/v1/status-page/incidents/" + publicId + "/updates", "bob",
                    "{\"status\":\"identified\",\"body\":\"A faulty deploy; rolling back.\"}"));
            String updateId = updated.get("updates").get(0).get("id").asString();

            List<String> lines = new ArrayList<>();
            for (JsonNode entry : api.get("/v1/incidents/" + internal + "/timeline").json()) {
                if (entry.get("kind").asString().equals("status-page-update")) {
                    lines.add(entry.get("actor").get("id").asString() + ": " + entry.get("summary").asString());
                }
            }
            assertThat(lines).containsExactly(
                    "alice: Status page incident \"Checkout errors\" (investigating): We are investigating failed "
                            + "payments.",
                    "bob: Status page incident \"Checkout errors\" (identified): A faulty deploy; rolling back.");

            for (JsonNode subscription : List.of(email, webhook)) {
                String subscriptionId = subscription.get("id").asString();
                UUID noticeId = StableIds.of("status-notice", updateId, subscriptionId);
                ConsumerRecord<String, String> record = requests.awaitRecord(
                        r -> r.value().contains(noticeId.toString()), PATIENCE);
                assertThat(record.key()).isEqualTo(subscriptionId);
                Envelope<Message> envelope = codec.decode(record.value());
                assertThat(envelope.eventId()).isEqualTo(noticeId);
                SubscriberNoticeRequested notice = (SubscriberNoticeRequested) envelope.payload();
                assertThat(notice.noticeId()).isEqualTo(noticeId);
                assertThat(notice.channel()).isEqualTo(subscription.get("channel").asString());
                assertThat(notice.address()).isEqualTo(subscription.get("address").asString());
                assertThat(notice.subject()).isEqualTo("[Acme status] Checkout errors: Identified");
                assertThat(notice.text()).contains("Identified: A faulty deploy; rolling back.")
                        .contains("https://status.acme.test/status/incidents/" + publicId);
                JsonNode json = JSON.readTree(notice.json());
                assertThat(json.get("page").get("status_indicator").asString()).isEqualTo("none");
                assertThat(json.get("incident").get("id").asString()).isEqualTo(publicId);
                assertThat(json.get("incident").get("status").asString()).isEqualTo("identified");
                assertThat(json.get("incident").get("incident_updates").get(0).get("body").asString())
                        .isEqualTo("A faulty deploy; rolling back.");
            }
            assertThat(requests.records()).filteredOn(r -> r.value().contains("SubscriberNoticeRequested"))
                    .hasSize(4);

            // incident-core's own consumer of the requests topic passes the notices over: a marker on the same
            // partition as a notice shows once that notice was consumed, and nothing was dead-lettered.
            String subscriptionId = email.get("id").asString();
            EscalationExhausted marker = new EscalationExhausted(UUID.fromString(internal), 1, "checkout 5xx",
                    "checkout", "default", 1, 1, Instant.now());
            TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.NOTIFICATION_REQUESTS, subscriptionId,
                    codec.encode(Envelope.of(UUID.randomUUID(), subscriptionId, marker, Clock.systemUTC(), null)));
            await().atMost(PATIENCE).until(() -> api.get("/v1/incidents/" + internal + "/timeline").json()
                    .valueStream().anyMatch(entry -> entry.get("kind").asString().equals("escalation-exhausted")));
            assertThat(deadLetters.records()).isEmpty();
        }
    }

    @Test
    void theHistoryFeedIsAtomWithEveryUpdate() throws Exception {
        String id = created(api.post("/v1/status-page/incidents", "alice",
                "{\"name\":\"Login <slow>\",\"body\":\"Logins take 10 s & more.\",\"impact\":\"minor\"}"))
                .get("id").asString();
        api.post("/v1/status-page/incidents/" + id + "/updates", "alice",
                "{\"status\":\"monitoring\",\"body\":\"A fix is out; we are watching.\"}");

        HttpProbe.Response answer = visitor.get("/status/history.atom");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document feed = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)));
        Element root = feed.getDocumentElement();
        String atom = "http://www.w3.org/2005/Atom";
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getNamespaceURI()).isEqualTo(atom);
        assertThat(text(root, "id")).isNotBlank();
        assertThat(text(root, "title")).isEqualTo("Acme status history");
        assertThat(Instant.parse(text(root, "updated"))).isNotNull();
        Element entry = (Element) root.getElementsByTagNameNS(atom, "entry").item(0);
        assertThat(text(entry, "title")).isEqualTo("Login <slow>");
        assertThat(text(entry, "id")).endsWith(id);
        assertThat(Instant.parse(text(entry, "updated"))).isNotNull();
        assertThat(text(entry, "content")).contains("Monitoring").contains("A fix is out; we are watching.")
                .contains("Logins take 10 s &amp; more.");

        String page = visitor.get("/status").body();
        assertThat(page).contains("Login &lt;slow&gt;").doesNotContain("<slow>");
    }

    @Test
    void thePageIsPublicWhileItsSetUpNeedsAnAdminAndRefusalsNameTheField() {
        HttpProbe.Response page = visitor.get("/status");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("All Systems Operational").contains("<main");

        HttpProbe responder = visitor.withToken(TestTokens.RESPONDER);
        assertThat(responder.postJson("/v1/status-page/components", "{\"name\":\"API\"}").status()).isEqualTo(403);
        assertThat(visitor.postJson("/v1/status-page/incidents", "{\"name\":\"x\",\"body\":\"y\"}").status())
                .isEqualTo(401);

        String api1 = component("API", null);
        Api.Answer badStatus = api.put("/v1/status-page/components/" + api1 + "/status", "alice",
                "{\"status\":\"on_fire\"}");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("errors").get(0).get("field").asString()).isEqualTo("status");

        UUID unknown = UUID.randomUUID();
        Api.Answer badLink = api.post("/v1/status-page/incidents", "alice",
                "{\"name\":\"x\",\"body\":\"y\",\"incidentIds\":[\"%s\"]}".formatted(unknown));
        assertThat(badLink.status()).isEqualTo(400);
        assertThat(badLink.json().get("errors").get(0).get("field").asString()).isEqualTo("incidentIds");

        Api.Answer badMaintenance = api.post("/v1/status-page/maintenances", "alice", """
                {"name":"x","body":"y",
                 "scheduledFor":"2026-12-01T10:00:00Z","scheduledUntil":"2026-12-01T09:00:00Z"}""");
        assertThat(badMaintenance.status()).isEqualTo(400);
        assertThat(badMaintenance.json().get("errors").get(0).get("field").asString()).isEqualTo("scheduledUntil");
    }

    private String component(String name, String groupId) {
        String group = groupId == null ? "" : ",\"groupId\":\"%s\"".formatted(groupId);
        return created(api.post("/v1/status-page/components", null, "{\"name\":\"%s\"%s}".formatted(name, group)))
                .get("id").asString();
    }

    @Test
    void anUpdateAskedForFromSlackIsPublishedOnTheLinkedPublicIncidentOnceAndOneWithNothingLinkedIsRefused() {
        String internal = created(api.post("/v1/incidents", "alice",
                "{\"title\":\"search slow\",\"service\":\"search\",\"severity\":\"SEV2\"}")).get("id").asString();
        String lonely = created(api.post("/v1/incidents", "alice",
                "{\"title\":\"ledger drift\",\"service\":\"ledger\",\"severity\":\"SEV3\"}")).get("id").asString();
        String publicId = created(api.post("/v1/status-page/incidents", "alice", """
                {"name":"Slow search","body":"Searches are slow; we are looking into it.",
                 "incidentIds":["%s"]}""".formatted(internal))).get("id").asString();
        PublishStatusUpdate fromSlack = new PublishStatusUpdate(UUID.randomUUID(),
                IncidentRef.byId(UUID.fromString(internal)), "identified", "An index rebuild is slowing searches.",
                new Actor("user", "carol", "slack"), Instant.now());

        sendCommand(fromSlack);
        sendCommand(fromSlack);
        sendCommand(new PublishStatusUpdate(UUID.randomUUID(), IncidentRef.byId(UUID.fromString(lonely)), null,
                "Nothing to see.", new Actor("user", "carol", "slack"), Instant.now()));

        JsonNode published = await().atMost(PATIENCE).until(() -> summary().get("incidents").get(0),
                incident -> incident.get("incident_updates").size() == 2);
        assertThat(published.get("id").asString()).isEqualTo(publicId);
        assertThat(published.get("status").asString()).isEqualTo("identified");
        assertThat(published.get("incident_updates").get(0).get("body").asString())
                .isEqualTo("An index rebuild is slowing searches.");
        await().atMost(PATIENCE).until(() -> timelineSummaries(lonely, "refused").size() == 1);
        assertThat(timelineSummaries(lonely, "refused").getFirst()).isEqualTo("Status page update by carol via slack "
                + "not published: no unresolved public incident is linked to this incident");
        assertThat(summary().get("incidents").get(0).get("incident_updates")).hasSize(2);
        assertThat(timelineSummaries(internal, "status-page-update")).hasSize(2);
    }

    @Test
    void anUpdateCanStartFromACommunicationTemplateFilledWithTheLinkedIncident() {
        String internal = created(api.post("/v1/incidents", "alice",
                "{\"title\":\"Payments declined\",\"service\":\"payments\",\"severity\":\"SEV2\"}"))
                .get("id").asString();
        JsonNode opened = created(api.post("/v1/status-page/incidents", "alice", """
                {"name":"Card payments fail","template":"customer-start","incidentIds":["%s"],
                 "message":"Card payments may be declined."}""".formatted(internal)));
        String publicId = opened.get("id").asString();
        String first = opened.get("updates").get(0).get("body").asString();
        assertThat(first).startsWith("Investigating: Payments declined\nWe are investigating an issue affecting "
                + "payments. It started at ").contains("Card payments may be declined.\nWe will post another update "
                + "within 30 min.");

        JsonNode updated = created(api.post("/v1/status-page/incidents/" + publicId + "/updates", "bob",
                "{\"status\":\"identified\",\"template\":\"customer-update\",\"message\":\"A processor is down.\"}"));
        assertThat(updated.get("updates").get(0).get("body").asString())
                .isEqualTo("Update: Payments declined\nA processor is down.\nCurrent status: triggered. Next update "
                        + "within 30 min.");
        sendCommand(new PublishStatusUpdate(UUID.randomUUID(), IncidentRef.byId(UUID.fromString(internal)),
                "monitoring", "template:customer-update Payments recover.", new Actor("user", "carol", "slack"),
                Instant.now()));
        JsonNode fromSlack = await().atMost(PATIENCE).until(() -> api.get("/v1/status-page/incidents/" + publicId)
                .json(), incident -> incident.get("updates").size() == 3);
        assertThat(fromSlack.get("updates").get(0).get("body").asString()).startsWith("Update: Payments declined\n"
                + "Payments recover.");

        Api.Answer unknown = api.post("/v1/status-page/incidents/" + publicId + "/updates", "bob",
                "{\"template\":\"customer-gossip\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.raw().body()).contains("template").contains("customer-start");
        Api.Answer nothing = api.post("/v1/status-page/incidents/" + publicId + "/updates", "bob", "{}");
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.raw().body()).contains("body").contains("unless a template is named");
    }

    private void sendCommand(PublishStatusUpdate command) {
        TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.INCIDENT_COMMANDS, command.incident().key(),
                codec.encode(Envelope.of(command.commandId(), command.incident().key(), command, Clock.systemUTC(),
                        null)));
    }

    private List<String> timelineSummaries(String incidentId, String kind) {
        List<String> summaries = new ArrayList<>();
        for (JsonNode entry : api.get("/v1/incidents/" + incidentId + "/timeline").json()) {
            if (entry.get("kind").asString().equals(kind)) {
                summaries.add(entry.get("summary").asString());
            }
        }
        return summaries;
    }

    private JsonNode summary() {
        HttpProbe.Response answer = visitor.get("/status/api/v2/summary.json");
        assertThat(answer.status()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static JsonNode created(Api.Answer answer) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        return answer.json();
    }

    private static JsonNode byId(JsonNode array, String id) {
        return array.valueStream().filter(node -> node.get("id").asString().equals(id)).findFirst().orElseThrow();
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name).item(0).getTextContent();
    }
}
