package io.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.contracts.AcknowledgeIncident;
import io.vigil.contracts.Actor;
import io.vigil.contracts.AddNote;
import io.vigil.contracts.AlertGrouped;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.Fingerprints;
import io.vigil.contracts.IncidentAcknowledged;
import io.vigil.contracts.IncidentRef;
import io.vigil.contracts.IncidentReopened;
import io.vigil.contracts.IncidentMerged;
import io.vigil.contracts.IncidentResolved;
import io.vigil.contracts.IncidentRoleChanged;
import io.vigil.contracts.IncidentSplit;
import io.vigil.contracts.Message;
import io.vigil.contracts.ResolveIncident;
import io.vigil.contracts.Topics;
import io.vigil.incident.incident.application.AlertOutcome;
import io.vigil.incident.incident.application.RecordAlert;
import io.vigil.incident.incident.domain.AlertSignal;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.incident.domain.Urgency;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.TestTokens;
import io.vigil.testkit.MutableClock;
import io.vigil.testkit.TopicRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The lifecycle through REST and through commands, resolving from the source, reopening, metrics, reports. */
@SpringBootTest(classes = IncidentCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=incident-core",
                "vigil.incident.auto-resolve.services.hand-resolved=false",
                "vigil.incident.severity.service-tiers.payments-core=1",
                "vigil.incident.severity.tier-weights.1=30",
                "vigil.incident.severity.label-weights[0].label=customer_impact",
                "vigil.incident.severity.label-weights[0].value=true",
                "vigil.incident.severity.label-weights[0].weight=30",
                "vigil.incident.severity.rules[0].name=staging-waits",
                "vigil.incident.severity.rules[0].labels.env=staging",
                "vigil.incident.severity.rules[0].severity=SEV5",
                "vigil.incident.correlation.labels=cluster",
                "vigil.incident.correlation.window=10m",
                "vigil.incident.dependencies.web-frontend=api-gateway",
                "vigil.incident.dependencies.api-gateway=users-db,auth"})
@Import(IncidentLifecycleIT.ControlledTime.class)
class IncidentLifecycleIT {

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
    RecordAlert recordAlert;

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
    void aViewerMayReadAnIncidentButNotAcknowledgeItAndNobodyMayWithoutAToken() {
        String id = opened(fire("checkout-" + UUID.randomUUID(), "latency")).incident().id().toString();
        HttpProbe viewer = HttpProbe.localhost(port).withToken(TestTokens.VIEWER);

        assertThat(viewer.get("/v1/incidents/" + id).status()).isEqualTo(200);
        assertThat(viewer.get("/v1/incidents/" + id + "/timeline").status()).isEqualTo(200);
        HttpProbe.Response refused = viewer.postJson("/v1/incidents/" + id + "/acknowledge", "{}");
        HttpProbe.Response anonymous = HttpProbe.localhost(port).postJson("/v1/incidents/" + id + "/acknowledge", "{}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("has the role viewer").contains("needs the role responder");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(HttpProbe.localhost(port).get("/v1/incidents/" + id).status()).isEqualTo(401);
        assertThat(api.get("/v1/incidents/" + id).json().get("status").asString()).isEqualTo("triggered");
    }

    @Test
    void aResponderTakesAnIncidentThroughEveryStateByRest() {
        String service = "checkout-" + UUID.randomUUID();
        String id = opened(fire(service, "latency")).incident().id().toString();

        Api.Answer acknowledged = api.post("/v1/incidents/" + id + "/acknowledge", "alice", "{\"note\":\"on it\"}");
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.json().get("status").asString()).isEqualTo("acknowledged");
        assertThat(api.patch("/v1/incidents/" + id + "/status", "alice", "{\"status\":\"investigating\"}")
                .json().get("status").asString()).isEqualTo("investigating");
        assertThat(api.post("/v1/incidents/" + id + "/status", "bob",
                "{\"status\":\"identified\",\"note\":\"bad deploy\"}").status()).isEqualTo(200);
        assertThat(api.post("/v1/incidents/" + id + "/status", "bob", "{\"status\":\"mitigating\"}").status())
                .isEqualTo(200);
        assertThat(api.post("/v1/incidents/" + id + "/status", "bob", "{\"status\":\"monitoring\"}").status())
                .isEqualTo(200);
        assertThat(api.post("/v1/incidents/" + id + "/severity", "bob", "{\"severity\":\"SEV1\"}").json()
                .get("severity").asString()).isEqualTo("SEV1");
        assertThat(api.post("/v1/incidents/" + id + "/escalate", "bob").status()).isEqualTo(200);
        Api.Answer note = api.post("/v1/incidents/" + id + "/notes", null, "{\"text\":\"rolled back 1234\"}");
        assertThat(note.status()).isEqualTo(201);
        assertThat(note.json().get("actor").get("id").asString()).as("the admin token's name").isEqualTo("test-admin");
        assertThat(api.post("/v1/incidents/" + id + "/resolve", "alice").json().get("status").asString())
                .isEqualTo("resolved");
        Api.Answer closed = api.post("/v1/incidents/" + id + "/close", "alice");
        assertThat(closed.json().get("status").asString()).isEqualTo("closed");
        assertThat(closed.json().get("allowedTransitions")).isEmpty();

        JsonNode timeline = api.get("/v1/incidents/" + id + "/timeline").json();
        assertThat(kinds(timeline)).containsExactly("opened", "acknowledged", "status", "status",
                "status", "status", "severity", "escalated", "note", "resolved", "closed");
        assertThat(timeline.get(1).get("summary").asString()).contains("alice").contains("on it");
        assertThat(timeline.get(1).get("actor").get("via").asString()).isEqualTo("rest");
        assertThat(timeline.get(3).get("summary").asString()).contains("investigating → identified")
                .contains("bad deploy");

        incidentEvents.awaitRecord(record -> record.key().equals(id) && record.value().contains("IncidentClosed"),
                PATIENCE);
        assertThat(incidentEvents.records()).filteredOn(record -> record.key().equals(id))
                .extracting(record -> codec.decode(record.value()).type())
                .containsExactly("IncidentOpened", "IncidentAcknowledged", "IncidentStatusChanged",
                        "IncidentStatusChanged", "IncidentStatusChanged", "IncidentStatusChanged",
                        "IncidentSeverityChanged", "IncidentEscalated", "IncidentNoteAdded", "IncidentResolved",
                        "IncidentClosed");
    }

    @Test
    void rolesAreAssignedWithOneCommanderAndManyResponders() {
        String id = opened(fire("roles-" + UUID.randomUUID(), "outage")).incident().id().toString();
        String roles = "/v1/incidents/" + id + "/roles";

        api.put(roles + "/incident-commander", "bob", "{\"assignee\":\"alice\"}");
        api.put(roles + "/responder", "alice", "{\"assignee\":\"carol\"}");
        api.put(roles + "/responder", "alice", "{\"assignee\":\"dave\"}");
        Api.Answer handedOver = api.put(roles + "/incident-commander", "alice", "{\"assignee\":\"erin\"}");

        assertThat(handedOver.status()).isEqualTo(200);
        assertThat(handedOver.json().valueStream().map(role -> role.get("role").asString() + ":"
                + role.get("assignee").asString()).toList())
                .containsExactly("incident-commander:erin", "responder:carol", "responder:dave");
        assertThat(api.delete(roles + "/responder/carol", "alice").json()).hasSize(2);
        assertThat(api.get(roles).json().get(0).get("assignedBy").get("id").asString()).isEqualTo("alice");
        assertThat(api.put(roles + "/pilot", "alice", "{\"assignee\":\"x\"}").status()).isEqualTo(400);

        JsonNode timeline = api.get("/v1/incidents/" + id + "/timeline").json();
        assertThat(timeline.valueStream().filter(entry -> entry.get("kind").asString().equals("role"))
                .map(entry -> entry.get("summary").asString()).toList()).containsExactly(
                "alice is incident-commander (by bob (user via rest))",
                "carol is responder (by alice (user via rest))",
                "dave is responder (by alice (user via rest))",
                "alice is no longer incident-commander (by alice (user via rest))",
                "erin is incident-commander (by alice (user via rest))",
                "carol is no longer responder (by alice (user via rest))");
        incidentEvents.awaitRecord(record -> record.key().equals(id)
                && codec.decode(record.value()).payload() instanceof IncidentRoleChanged changed
                && changed.assignee().equals("carol") && !changed.assigned()
                && changed.role().equals("responder"), PATIENCE);
    }

    @Test
    void aMergedIncidentHandsItsAlertsAndTimelineToTheTarget() {
        String service = "merge-" + UUID.randomUUID();
        Incident target = opened(fire(service, "api-errors")).incident();
        AlertSignal duplicateProblem = fire(service, "api-latency");
        Incident source = opened(duplicateProblem).incident();
        api.post("/v1/incidents/" + source.id() + "/notes", "bob", "{\"text\":\"same root cause as api errors\"}");

        Api.Answer merged = api.post("/v1/incidents/" + source.id() + "/merge", "alice",
                "{\"into\":\"%s\",\"note\":\"one outage\"}".formatted(target.id()));

        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.json().get("id").asString()).isEqualTo(target.id().toString());
        assertThat(merged.json().get("alertCount").asInt()).isEqualTo(2);
        assertThat(api.get("/v1/incidents/" + source.id()).json().get("status").asString()).isEqualTo("merged");
        assertThat(recordAlert.record(UUID.randomUUID(), fire(service, "api-latency"), null))
                .isInstanceOfSatisfying(AlertOutcome.Deduplicated.class,
                        counted -> assertThat(counted.incident().id()).isEqualTo(target.id()));
        assertThat(api.get("/v1/incidents?service=" + service + "&open=true").json()).hasSize(1);

        JsonNode timeline = api.get("/v1/incidents/" + target.id() + "/timeline").json();
        assertThat(timeline.valueStream().map(entry -> entry.get("summary").asString()).toList())
                .anySatisfy(summary -> assertThat(summary).startsWith("#" + source.number() + ": Opened by alert"))
                .anySatisfy(summary -> assertThat(summary)
                        .isEqualTo("#" + source.number() + ": same root cause as api errors"))
                .anySatisfy(summary -> assertThat(summary).isEqualTo("#%d merged into this incident by alice (user via rest): one outage".formatted(source.number())));
        assertThat(kinds(api.get("/v1/incidents/" + source.id() + "/timeline").json()))
                .containsExactly("opened", "note", "merged");
        incidentEvents.awaitRecord(record -> record.key().equals(source.id().toString())
                && codec.decode(record.value()).payload() instanceof IncidentMerged event
                && event.targetId().equals(target.id()), PATIENCE);

        Api.Answer again = api.post("/v1/incidents/" + source.id() + "/merge", "alice",
                "{\"into\":\"%s\"}".formatted(target.id()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.post("/v1/incidents/" + target.id() + "/merge", "alice",
                "{\"into\":\"%s\"}".formatted(target.id())).status()).isEqualTo(400);
    }

    @Test
    void alertsSplitOffIntoANewIncidentAreCountedThereFromThenOn() {
        String service = "split-" + UUID.randomUUID();
        String group = "{}:{alertname=\"Everything\"}";
        AlertSignal database = grouped(fire(service, "db-slow"), group);
        AlertSignal certificate = grouped(fire(service, "cert-expiring"), group);
        Incident original = opened(database).incident();
        recordAlert.record(UUID.randomUUID(), certificate, null);

        Api.Answer split = api.post("/v1/incidents/" + original.id() + "/split", "alice",
                "{\"fingerprints\":[\"%s\"],\"title\":\"Certificate expiring\"}"
                        .formatted(certificate.fingerprint()));

        assertThat(split.status()).isEqualTo(201);
        String created = split.json().get("id").asString();
        assertThat(split.json().get("title").asString()).isEqualTo("Certificate expiring");
        assertThat(split.json().get("status").asString()).isEqualTo("triggered");
        assertThat(recordAlert.record(UUID.randomUUID(), grouped(fire(service, "cert-expiring"), group), null))
                .isInstanceOfSatisfying(AlertOutcome.Deduplicated.class,
                        counted -> assertThat(counted.incident().id().toString()).isEqualTo(created));
        assertThat(api.get("/v1/incidents?service=" + service + "&open=true").json()).hasSize(2);
        assertThat(kinds(api.get("/v1/incidents/" + original.id() + "/timeline").json()))
                .containsExactly("opened", "grouped", "split");
        assertThat(api.get("/v1/incidents/" + created + "/timeline").json().get(0).get("summary").asString())
                .isEqualTo("Split from #%d by alice: %s".formatted(original.number(), certificate.fingerprint()));
        incidentEvents.awaitRecord(record -> record.key().equals(created) && record.value().contains("IncidentOpened"),
                PATIENCE);
        incidentEvents.awaitRecord(record -> record.key().equals(original.id().toString())
                && codec.decode(record.value()).payload() instanceof IncidentSplit event
                && event.newId().toString().equals(created), PATIENCE);

        Api.Answer keepsItsFirstAlert = api.post("/v1/incidents/" + original.id() + "/split", "alice",
                "{\"fingerprints\":[\"%s\"]}".formatted(database.fingerprint()));
        assertThat(keepsItsFirstAlert.status()).isEqualTo(400);
        assertThat(keepsItsFirstAlert.json().get("errors").get(0).get("field").asString()).isEqualTo("fingerprints");
        assertThat(api.post("/v1/incidents/" + original.id() + "/split", "alice", "{\"fingerprints\":[]}").status())
                .isEqualTo(400);
    }

    @Test
    void anIllegalTransitionIsAConflictThatListsWhatIsAllowed() {
        String id = opened(fire("billing-" + UUID.randomUUID(), "queue")).incident().id().toString();
        api.post("/v1/incidents/" + id + "/acknowledge", "alice");

        Api.Answer again = api.post("/v1/incidents/" + id + "/acknowledge", "alice");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.json().get("title").asString()).isEqualTo("Transition not allowed");
        assertThat(again.json().get("currentStatus").asString()).isEqualTo("acknowledged");
        assertThat(again.json().get("allowedTransitions").valueStream().map(JsonNode::asString).toList())
                .containsExactly("investigating", "identified", "mitigating", "monitoring", "resolved", "merged");
        assertThat(again.json().get("detail").asString()).contains("investigating");
        assertThat(api.patch("/v1/incidents/" + id + "/status", "alice", "{\"status\":\"closed\"}").status())
                .isEqualTo(409);
        assertThat(api.patch("/v1/incidents/" + id + "/status", "alice", "{\"status\":\"sleeping\"}").json()
                .get("errors").get(0).get("field").asString()).isEqualTo("status");
    }

    @Test
    void commandsFromOtherServicesAreCarriedOutOnceWithWhoDidIt() {
        String service = "payments-" + UUID.randomUUID();
        AlertSignal alert = fire(service, "declines");
        String id = opened(alert).incident().id().toString();
        Actor pagerduty = new Actor("integration", "pd-payments", "pagerduty");
        IncidentRef byFingerprint = IncidentRef.byFingerprint(service, alert.fingerprint());
        UUID ackId = UUID.randomUUID();

        command(new AcknowledgeIncident(ackId, byFingerprint, pagerduty, null, Instant.now()));
        command(new AcknowledgeIncident(ackId, byFingerprint, pagerduty, null, Instant.now()));
        UUID noteId = UUID.randomUUID();
        AddNote note = new AddNote(noteId, byFingerprint,
                new Actor("user", "carol", "slack"), "looking", Instant.now());
        command(note);
        command(note);
        // Nothing is open under this fingerprint: logged and skipped, and the partition (same key) flows on.
        command(new ResolveIncident(UUID.randomUUID(), IncidentRef.byFingerprint(service, "v1:nothing-here"),
                pagerduty, null, Instant.now()), byFingerprint.key());
        command(new ResolveIncident(UUID.randomUUID(), byFingerprint, pagerduty, "fixed upstream", Instant.now()));

        await().atMost(PATIENCE).until(() -> api.get("/v1/incidents/" + id).json().get("status").asString(),
                "resolved"::equals);
        JsonNode timeline = api.get("/v1/incidents/" + id + "/timeline").json();
        assertThat(kinds(timeline)).containsExactly("opened", "acknowledged", "note", "resolved");
        assertThat(timeline.get(1).get("actor").get("id").asString()).isEqualTo("pd-payments");
        assertThat(timeline.get(1).get("actor").get("via").asString()).isEqualTo("pagerduty");
        assertThat(timeline.get(2).get("summary").asString()).isEqualTo("looking");
        assertThat(timeline.get(3).get("summary").asString()).contains("fixed upstream");

        ConsumerRecord<String, String> ack = incidentEvents.awaitRecord(
                record -> record.key().equals(id) && record.value().contains("IncidentAcknowledged"), PATIENCE);
        assertThat(((IncidentAcknowledged) codec.decode(ack.value()).payload()).actor()).isEqualTo(pagerduty);
    }

    @Test
    void aCommandTheStateRefusesIsWrittenOnTheTimelineNotRetried() {
        String service = "search-" + UUID.randomUUID();
        AlertSignal alert = fire(service, "lag");
        String id = opened(alert).incident().id().toString();
        api.post("/v1/incidents/" + id + "/resolve", "alice");

        command(new AcknowledgeIncident(UUID.randomUUID(), IncidentRef.byId(UUID.fromString(id)),
                new Actor("user", "dave", "slack"), null, Instant.now()));

        JsonNode timeline = await().atMost(PATIENCE).until(() -> api.get("/v1/incidents/" + id + "/timeline").json(),
                entries -> kinds(entries).contains("refused"));
        assertThat(kinds(timeline)).containsExactly("opened", "resolved", "refused");
        assertThat(timeline.get(2).get("summary").asString()).contains("AcknowledgeIncident from dave refused");
        assertThat(api.get("/v1/incidents/" + id).json().get("status").asString()).isEqualTo("resolved");
    }

    @Test
    void timeToAcknowledgeOfNinetySecondsIsExported() {
        String service = "mtta-" + UUID.randomUUID();
        AlertSignal slow = fire(service, "slow");
        String id = opened(new AlertSignal(slow.alertId(), slow.integration(), slow.service(), slow.fingerprint(), true,
                slow.summary(), slow.sourceSeverity(), slow.receivedAt(), null, Map.of(),
                CLOCK.instant().minusSeconds(45))).incident().id().toString();
        CLOCK.advance(Duration.ofSeconds(90));

        assertThat(api.post("/v1/incidents/" + id + "/acknowledge", "alice").status()).isEqualTo(200);

        String labels = "{service=\"%s\",severity=\"SEV2\"}".formatted(service);
        String prometheus = await().atMost(PATIENCE).until(() -> api.text("/actuator/prometheus"),
                page -> page.contains("vigil_incident_time_to_acknowledge_seconds_count" + labels));
        assertThat(prometheus)
                .containsPattern(Pattern.quote("vigil_incident_time_to_acknowledge_seconds_count" + labels) + " 1(\\.0)?\n")
                .containsPattern(Pattern.quote("vigil_incident_time_to_acknowledge_seconds_sum" + labels) + " 90\\.0\n")
                .containsPattern("vigil_incident_time_to_acknowledge_seconds_bucket\\{[^}]*service=\"%s\""
                        .formatted(service))
                .containsPattern(Pattern.quote("vigil_incident_time_to_detect_seconds_sum" + labels) + " 45\\.0\n")
                .contains("vigil_incidents_open")
                .containsPattern("vigil_incident_alerts_total\\{[^}]*outcome=\"new\"");

        CLOCK.advance(Duration.ofSeconds(210));
        api.post("/v1/incidents/" + id + "/resolve", "alice");
        assertThat(await().atMost(PATIENCE).until(() -> api.text("/actuator/prometheus"),
                page -> page.contains("vigil_incident_time_to_resolve_seconds_count" + labels)))
                .containsPattern(Pattern.quote("vigil_incident_time_to_resolve_seconds_sum" + labels) + " 300\\.0\n");
    }

    @Test
    void theSourceResolvesTheIncidentAndAFreshTriggerReopensItWithinTheWindow() {
        String service = "inventory-" + UUID.randomUUID();
        AlertSignal firing = fire(service, "stock-sync");
        String id = opened(firing).incident().id().toString();

        assertThat(recordAlert.record(UUID.randomUUID(), clear(firing), null))
                .isInstanceOf(AlertOutcome.Cleared.class);
        assertThat(api.get("/v1/incidents/" + id).json().get("status").asString()).isEqualTo("resolved");

        CLOCK.advance(Duration.ofMinutes(59));
        AlertOutcome again = recordAlert.record(UUID.randomUUID(), fire(service, "stock-sync"), null);
        assertThat(again).isInstanceOfSatisfying(AlertOutcome.Reopened.class,
                reopened -> assertThat(reopened.incident().id().toString()).isEqualTo(id));
        JsonNode reopened = api.get("/v1/incidents/" + id).json();
        assertThat(reopened.get("status").asString()).isEqualTo("reopened");
        assertThat(reopened.get("alertCount").asInt()).isEqualTo(2);
        assertThat(api.get("/v1/incidents?service=" + service + "&open=true").json()).hasSize(1);

        ConsumerRecord<String, String> event = incidentEvents.awaitRecord(
                record -> record.key().equals(id) && record.value().contains("IncidentReopened"), PATIENCE);
        assertThat(((IncidentReopened) codec.decode(event.value()).payload()).actor().kind())
                .isEqualTo("integration");
        ConsumerRecord<String, String> resolved = incidentEvents.awaitRecord(
                record -> record.key().equals(id) && record.value().contains("IncidentResolved"), PATIENCE);
        assertThat(((IncidentResolved) codec.decode(resolved.value()).payload()).actor().via()).isEqualTo("alert");

        recordAlert.record(UUID.randomUUID(), clear(firing), null);
        CLOCK.advance(Duration.ofMinutes(61));
        AlertOutcome later = recordAlert.record(UUID.randomUUID(), fire(service, "stock-sync"), null);
        assertThat(later).isInstanceOfSatisfying(AlertOutcome.Opened.class,
                opened -> assertThat(opened.incident().id().toString()).isNotEqualTo(id));
        assertThat(api.get("/v1/incidents?service=" + service).json().findValuesAsString("status"))
                .containsExactly("triggered", "resolved");
        assertThat(kinds(api.get("/v1/incidents/" + id + "/timeline").json()))
                .containsExactly("opened", "resolved", "reopened", "resolved");
    }

    @Test
    void alertsSharingAGroupKeyJoinOneIncidentThatResolvesWhenAllHaveCleared() {
        String service = "storefront-" + UUID.randomUUID();
        String group = "{}:{alertname=\"StorefrontDown\"}";
        AlertSignal first = grouped(fire(service, "pod-1"), group);
        AlertSignal second = grouped(fire(service, "pod-2"), group);
        String id = opened(first).incident().id().toString();

        assertThat(recordAlert.record(UUID.randomUUID(), second, null)).isInstanceOf(AlertOutcome.Grouped.class);
        assertThat(recordAlert.record(UUID.randomUUID(), grouped(fire(service, "pod-2"), group), null))
                .isInstanceOf(AlertOutcome.Deduplicated.class);
        assertThat(api.get("/v1/incidents?service=" + service).json()).hasSize(1);
        assertThat(api.get("/v1/incidents/" + id).json().get("alertCount").asInt()).isEqualTo(3);

        recordAlert.record(UUID.randomUUID(), clear(first), null);
        assertThat(api.get("/v1/incidents/" + id).json().get("status").asString()).isEqualTo("triggered");
        recordAlert.record(UUID.randomUUID(), clear(second), null);
        assertThat(api.get("/v1/incidents/" + id).json().get("status").asString()).isEqualTo("resolved");

        assertThat(kinds(api.get("/v1/incidents/" + id + "/timeline").json()))
                .containsExactly("opened", "grouped", "alert-resolved", "resolved");
        ConsumerRecord<String, String> joined = incidentEvents.awaitRecord(
                record -> record.key().equals(id) && record.value().contains("AlertGrouped"), PATIENCE);
        AlertGrouped event = (AlertGrouped) codec.decode(joined.value()).payload();
        assertThat(event.fingerprint()).isEqualTo(second.fingerprint());
        assertThat(event.groupKey()).isEqualTo(group);
    }

    @Test
    void newIncidentsAreClassifiedByTheConfiguredRulesAndScore() {
        Incident customerFacing = opened(labelled(fire("payments-core", "declines-" + UUID.randomUUID()),
                Map.of("customer_impact", "true"))).incident();
        Incident staging = opened(labelled(fire("payments-core", "declines-" + UUID.randomUUID()),
                Map.of("env", "staging"))).incident();

        assertThat(customerFacing.severity()).isEqualTo(Severity.SEV1);
        assertThat(customerFacing.urgency()).isEqualTo(Urgency.HIGH);
        assertThat(api.get("/v1/incidents/" + customerFacing.id() + "/timeline").json().get(0).get("summary")
                .asString()).contains("SEV1").contains("tier 1 +30").contains("customer_impact=true +30");
        assertThat(staging.severity()).isEqualTo(Severity.SEV5);
        assertThat(staging.urgency()).isEqualTo(Urgency.LOW);
        assertThat(api.get("/v1/incidents/" + staging.id()).json().get("urgency").asString()).isEqualTo("low");
    }

    @Test
    void alertsWithTheSameCorrelatingLabelsJoinOneIncidentWithinTheWindow() {
        String service = "cluster-" + UUID.randomUUID();
        Incident eu = opened(labelled(fire(service, "nodes-down"), Map.of("cluster", "eu-1"))).incident();

        CLOCK.advance(Duration.ofMinutes(9));
        assertThat(recordAlert.record(UUID.randomUUID(), labelled(fire(service, "pods-pending"),
                Map.of("cluster", "eu-1")), null)).isInstanceOfSatisfying(AlertOutcome.Grouped.class,
                grouped -> assertThat(grouped.incident().id()).isEqualTo(eu.id()));
        assertThat(recordAlert.record(UUID.randomUUID(), labelled(fire(service, "us-pods-pending"),
                Map.of("cluster", "us-2")), null)).isInstanceOf(AlertOutcome.Opened.class);

        CLOCK.advance(Duration.ofMinutes(11));
        assertThat(recordAlert.record(UUID.randomUUID(), labelled(fire(service, "disk-full"),
                Map.of("cluster", "eu-1")), null)).isInstanceOf(AlertOutcome.Opened.class);

        assertThat(api.get("/v1/incidents?service=" + service).json()).hasSize(3);
        assertThat(api.get("/v1/incidents/" + eu.id() + "/timeline").json().get(1).get("summary").asString())
                .contains("joined by correlating labels (labels:cluster=eu-1)");
    }

    @Test
    void anIncidentDownstreamOfAnOpenOneIsMarkedAsProbablyCausedByIt() {
        Incident database = opened(fire("users-db", "replication-" + UUID.randomUUID())).incident();

        Incident frontend = opened(fire("web-frontend", "5xx-" + UUID.randomUUID())).incident();
        Incident unrelated = opened(fire("billing-" + UUID.randomUUID(), "5xx")).incident();

        assertThat(frontend.causedBy()).isEqualTo(database.id());
        assertThat(api.get("/v1/incidents/" + frontend.id()).json().get("causedBy").asString())
                .isEqualTo(database.id().toString());
        assertThat(api.get("/v1/incidents/" + frontend.id() + "/timeline").json().get(1).get("summary").asString())
                .isEqualTo("Probably caused by #%d (users-db: %s), open upstream".formatted(database.number(),
                        database.title()));
        assertThat(unrelated.causedBy()).isNull();
        api.post("/v1/incidents/" + database.id() + "/resolve", "alice");
        api.post("/v1/incidents/" + frontend.id() + "/resolve", "alice");
        assertThat(opened(fire("web-frontend", "5xx-" + UUID.randomUUID())).incident().causedBy()).isNull();
    }

    @Test
    void aServiceWithoutAutoResolveKeepsItsIncidentOpenWhenTheSourceClears() {
        AlertSignal firing = fire("hand-resolved", "disk-" + UUID.randomUUID());
        String id = opened(firing).incident().id().toString();

        recordAlert.record(UUID.randomUUID(), clear(firing), null);

        assertThat(api.get("/v1/incidents/" + id).json().get("status").asString()).isEqualTo("triggered");
        JsonNode timeline = api.get("/v1/incidents/" + id + "/timeline").json();
        assertThat(kinds(timeline)).containsExactly("opened", "alert-resolved");
        assertThat(timeline.get(1).get("summary").asString()).contains("auto-resolve is off");
    }

    @Test
    void aManualIncidentIsListedWithFiltersAndCursorPages() {
        String service = "manual-" + UUID.randomUUID();
        Api.Answer created = api.post("/v1/incidents", "erin",
                "{\"title\":\"Customers report failed logins\",\"service\":\"%s\",\"severity\":\"SEV1\"}"
                        .formatted(service));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/v1/incidents/" + created.json().get("id").asString());
        assertThat(created.json().get("urgency").asString()).isEqualTo("high");
        for (int i = 0; i < 2; i++) {
            CLOCK.advance(Duration.ofSeconds(1));
            api.post("/v1/incidents", "erin", "{\"title\":\"t%d\",\"service\":\"%s\",\"severity\":\"SEV4\"}"
                    .formatted(i, service));
        }

        Api.Answer first = api.get("/v1/incidents?service=" + service + "&limit=2");
        assertThat(first.json().findValuesAsString("title")).containsExactly("t1", "t0");
        String cursor = first.header("X-Next-Cursor");
        assertThat(first.header("Link")).contains("cursor=" + cursor).contains("rel=\"next\"");
        Api.Answer second = api.get("/v1/incidents?service=" + service + "&limit=2&cursor=" + cursor);
        assertThat(second.json().findValuesAsString("title")).containsExactly("Customers report failed logins");
        assertThat(second.header("X-Next-Cursor")).isNull();

        assertThat(api.get("/v1/incidents?service=" + service + "&severity=SEV1").json()).hasSize(1);
        assertThat(api.get("/v1/incidents?service=" + service + "&status=triggered,acknowledged").json()).hasSize(3);
        assertThat(api.get("/v1/incidents?service=" + service + "&status=resolved").json()).isEmpty();
        assertThat(api.get("/v1/incidents?service=" + service + "&from=" + CLOCK.instant()).json()).hasSize(1);
        assertThat(api.get("/v1/incidents?cursor=garbage").status()).isEqualTo(400);

        Api.Answer invalid = api.post("/v1/incidents", null, "{\"service\":\"x\",\"severity\":\"SEV9\"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void responseTimesReportMeanAndPercentilesFromTheDatabase() {
        String service = "report-" + UUID.randomUUID();
        Instant from = CLOCK.instant();
        String fast = opened(fire(service, "a")).incident().id().toString();
        String slow = opened(fire(service, "b")).incident().id().toString();
        CLOCK.advance(Duration.ofSeconds(30));
        api.post("/v1/incidents/" + fast + "/acknowledge", "alice");
        CLOCK.advance(Duration.ofSeconds(60));
        api.post("/v1/incidents/" + slow + "/acknowledge", "alice");
        api.post("/v1/incidents/" + fast + "/resolve", "alice");
        CLOCK.advance(Duration.ofSeconds(120));

        JsonNode report = api.get("/v1/analytics/response-times?service=%s&severity=SEV2&from=%s&to=%s"
                .formatted(service, from, CLOCK.instant())).json();

        assertThat(report.get("incidents").asLong()).isEqualTo(2);
        assertThat(report.get("mtta").get("count").asLong()).isEqualTo(2);
        assertThat(report.get("mtta").get("mean").asDouble()).isEqualTo(60.0);
        assertThat(report.get("mtta").get("p50").asDouble()).isEqualTo(60.0);
        assertThat(report.get("mtta").get("p90").asDouble()).isEqualTo(84.0);
        assertThat(report.get("mttr").get("count").asLong()).isEqualTo(1);
        assertThat(report.get("mttr").get("p95").asDouble()).isEqualTo(90.0);
        assertThat(api.get("/v1/analytics/response-times?service=%s&severity=SEV5".formatted(service)).json()
                .get("incidents").asLong()).isZero();
    }

    @Test
    void theOpenApiDocumentDescribesTheIncidentApi() {
        JsonNode document = api.get("/v3/api-docs").json();

        assertThat(document.get("paths").propertyNames()).contains("/v1/incidents", "/v1/incidents/{id}",
                "/v1/incidents/{id}/acknowledge", "/v1/incidents/{id}/status", "/v1/incidents/{id}/timeline",
                "/v1/analytics/response-times");
        assertThat(api.text("/swagger-ui/index.html")).contains("Swagger UI");
    }

    private static java.util.List<String> kinds(JsonNode timeline) {
        return timeline.valueStream().map(entry -> entry.get("kind").asString()).toList();
    }

    private AlertOutcome.Opened opened(AlertSignal alert) {
        AlertOutcome outcome = recordAlert.record(UUID.randomUUID(), alert, null);
        assertThat(outcome).isInstanceOf(AlertOutcome.Opened.class);
        return (AlertOutcome.Opened) outcome;
    }

    private static AlertSignal fire(String service, String dedupKey) {
        return new AlertSignal(UUID.randomUUID(), "generic", service, Fingerprints.fromDedupKey(service, dedupKey),
                true, dedupKey + " is failing", "critical", CLOCK.instant());
    }

    private static AlertSignal clear(AlertSignal firing) {
        return new AlertSignal(UUID.randomUUID(), firing.integration(), firing.service(), firing.fingerprint(), false,
                firing.summary(), firing.sourceSeverity(), CLOCK.instant(), firing.groupKey());
    }

    private static AlertSignal labelled(AlertSignal alert, Map<String, String> labels) {
        return new AlertSignal(alert.alertId(), alert.integration(), alert.service(), alert.fingerprint(),
                alert.firing(), alert.summary(), alert.sourceSeverity(), alert.receivedAt(), alert.groupKey(), labels);
    }

    private static AlertSignal grouped(AlertSignal alert, String groupKey) {
        return new AlertSignal(alert.alertId(), "alertmanager", alert.service(), alert.fingerprint(), alert.firing(),
                alert.summary(), alert.sourceSeverity(), alert.receivedAt(), groupKey);
    }

    private void command(Message command) {
        IncidentRef ref = switch (command) {
            case AcknowledgeIncident c -> c.incident();
            case ResolveIncident c -> c.incident();
            case AddNote c -> c.incident();
            default -> throw new IllegalArgumentException(command.toString());
        };
        command(command, ref.key());
    }

    /** Sends the command with a new envelope id each time, as a redelivering sender would, under {@code key}. */
    private void command(Message command, String key) {
        Envelope<Message> envelope = Envelope.of(UUID.randomUUID(), key, command, Clock.systemUTC(), null);
        TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.INCIDENT_COMMANDS, key, codec.encode(envelope));
    }
}
