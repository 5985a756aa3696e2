package io.vigil.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.devstack.DemoConfiguration;
import io.vigil.devstack.VigilService;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The paging guarantee as stories a user can check: all five services on one clock that the stories move, real
 * Kafka, Postgres and Redis, and fakes that record what each person received. Every story has people and a
 * service of its own (see {@code scenarios/escalation.yaml}); the clock only moves forward, so the stories run in
 * their numbered order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagingScenariosIT {

    /** A Tuesday morning in London and a night in Los Angeles. */
    private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

    private static Vigil vigil;
    private static Story story;

    @BeforeAll
    static void startVigil() {
        vigil = Vigil.startAt(T0.toString());
        story = new Story(vigil);
    }

    @AfterAll
    static void stopVigil() {
        if (vigil != null) {
            vigil.close();
        }
    }

    @Test
    @Order(1)
    void alertmanagerFiresNobodyAnswersLevelTwoAcknowledgesInSlackAlertmanagerResolves() {
        String alertmanager = "/api/v1/integrations/alertmanager?key=" + DemoConfiguration.INTEGRATIONS.get(1).key();
        assertThat(vigil.intake().postJson(alertmanager,
                Story.fixture("alertmanager-webhook-01-fire-firing-Alert1.json")).status()).isEqualTo(202);

        Story.Incident incident = story.incidentOf("checkout");
        assertThat(incident.json().get("severity").asString()).isEqualTo("SEV2");
        assertThat(incident.json().get("openedAt").asString()).isEqualTo(T0.toString());
        story.awaitSlackPages("U0ALICE", incident, 1);
        assertThat(story.pendingStepDue(incident)).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        assertThat(vigil.smsTo("+15555550102")).isEmpty();

        vigil.clock.advance(Duration.ofMinutes(5));
        story.awaitSms("+15555550102", incident, 1);
        assertThat(vigil.smsTo("+15555550102").getFirst().get("Body"))
                .startsWith("Vigil: SEV2 #" + incident.number() + " checkout broke: HarnessAlert1 on host-000");

        assertThat(story.pressSlackButton("U0BOB", "acknowledge", incident).status()).isEqualTo(200);
        story.awaitStatus(incident, "acknowledged");
        assertThat(story.incident(incident).get("acknowledgedAt").asString())
                .isEqualTo(T0.plus(Duration.ofMinutes(5)).toString());
        assertThat(story.timelineActors(incident)).contains("bob via slack");
        story.awaitEscalationState(incident, "ACKNOWLEDGED");
        assertThat(story.awaitTimeline(incident, "paged", "Alice Able (level 1, round 1)").get("at").asString())
                .isEqualTo(T0.toString());
        assertThat(story.awaitTimeline(incident, "paged", "Bob Baker (level 2, round 1)").get("at").asString())
                .isEqualTo(T0.plus(Duration.ofMinutes(5)).toString());
        story.awaitTimeline(incident, "notification-sent", "sms to bob");

        vigil.clock.advance(Duration.ofMinutes(30));
        assertThat(story.slackPages("U0ALICE", incident)).hasSize(1);
        assertThat(story.slackPages("U0BOB", incident)).isEmpty();
        assertThat(vigil.smsTo("+15555550102")).hasSize(1);

        assertThat(vigil.intake().postJson(alertmanager,
                Story.fixture("alertmanager-webhook-06-resolve-all-resolved-Alert1.json")).status()).isEqualTo(202);
        story.awaitStatus(incident, "resolved");
        String metrics = story.incidentMetrics();
        assertThat(metrics).contains(
                "vigil_incident_time_to_acknowledge_seconds_count{service=\"checkout\",severity=\"SEV2\"} 1",
                "vigil_incident_time_to_acknowledge_seconds_sum{service=\"checkout\",severity=\"SEV2\"} 300.0",
                "vigil_incident_time_to_resolve_seconds_sum{service=\"checkout\",severity=\"SEV2\"} 2100.0");
    }

    @Test
    @Order(2)
    void anAlertStormOfFiftySourcesOpensFiftyIncidentsAndPagesEachOnce() throws Exception {
        int sources = 50;
        int copies = 100;
        AtomicInteger accepted = new AtomicInteger();
        try (ExecutorService senders = Executors.newFixedThreadPool(16)) {
            List<Future<?>> sent = new java.util.ArrayList<>();
            for (int copy = 0; copy < copies; copy++) {
                for (int source = 0; source < sources; source++) {
                    int s = source;
                    sent.add(senders.submit(() -> {
                        HttpProbe.Response response = vigil.intake().postJson(
                                "/v1/alerts?key=" + DemoConfiguration.genericKey(), """
                                        {"service":"storm","summary":"Disk full on storm-%02d","severity":"critical",\
                                        "dedupKey":"storm-disk-%02d","source":"storm-%02d"}""".formatted(s, s, s));
                        if (response.status() == 202) {
                            accepted.incrementAndGet();
                        }
                    }));
                }
            }
            for (Future<?> future : sent) {
                future.get();
            }
        }
        assertThat(accepted).hasValue(sources * copies);

        List<Story.Incident> incidents = story.awaitIncidents("storm", sources);
        await().atMost(Story.PATIENCE).until(() -> incidents.stream()
                .mapToLong(incident -> story.incident(incident).get("alertCount").asLong()).sum() == sources * copies);
        await().atMost(Story.PATIENCE).until(() -> vigil.emailsTo("stormy@example.com").size() >= sources);
        List<String> pages = vigil.emailsTo("stormy@example.com");
        assertThat(pages).hasSize(sources);
        assertThat(pages).doesNotHaveDuplicates();
        assertThat(story.incidents("storm")).hasSize(sources);
    }

    @Test
    @Order(3)
    void nobodyOnCallAtLevelOnePagesLevelTwoAtOnceAndSaysWhy() {
        Instant now = vigil.clock.instant();
        story.genericAlert("inventory", "inventory-sync-stuck", "firing");
        Story.Incident incident = story.incidentOf("inventory");

        story.awaitSms("+15555550103", incident, 1);
        assertThat(vigil.clock.instant()).as("no time passed: level 2 was not waited for").isEqualTo(now);
        assertThat(story.slackPages("U0FRANK", incident)).isEmpty();
        assertThat(story.escalationLog(incident)).anySatisfy(entry -> assertThat(entry).containsIgnoringCase("skip"));
        story.awaitTimeline(incident, "escalation-level-skipped", "nobody on call");
        story.awaitTimeline(incident, "paged", "Carol Cole (level 2, round 1)");

        assertThat(story.act(incident, "acknowledge", "carol").status()).isEqualTo(200);
        story.awaitEscalationState(incident, "ACKNOWLEDGED");
    }

    @Test
    @Order(6)
    void escalationServiceRestartedMidEscalationFiresTheNextLevelOnTimeAndOnce() {
        Instant opened = vigil.clock.instant();
        story.genericAlert("orders", "orders-queue-backlog", "firing");
        Story.Incident incident = story.incidentOf("orders");
        story.awaitSlackPages("U0OLIVIA", incident, 1);
        assertThat(story.pendingStepDue(incident)).isEqualTo(opened.plus(Duration.ofMinutes(5)));

        vigil.services().restart(VigilService.ESCALATION);

        assertThat(story.pendingStepDue(incident)).isEqualTo(opened.plus(Duration.ofMinutes(5)));
        assertThat(vigil.emailsTo("peggy@example.com")).isEmpty();
        vigil.clock.advance(Duration.ofMinutes(5));
        await().atMost(Story.PATIENCE).until(() -> vigil.emailsTo("peggy@example.com").size() == 1);
        assertThat(story.escalationLog(incident)).filteredOn(entry -> entry.contains("\"PAGED\"")).hasSize(2);
        assertThat(story.act(incident, "resolve", "alice").status()).isEqualTo(200);
        story.awaitEscalationState(incident, "RESOLVED");
        assertThat(vigil.emailsTo("peggy@example.com")).hasSize(1);
        assertThat(story.slackPages("U0OLIVIA", incident)).hasSize(1);
    }

    @Test
    @Order(7)
    void acknowledgeBySmsResolveFromAPagerDutyClientAndEscalateByHand() {
        String dedupKey = "payments-" + UUID.randomUUID();
        assertThat(story.pagerDuty("trigger", dedupKey).status()).isEqualTo(202);
        Story.Incident incident = story.incidentOf("payments");
        story.awaitSms("+15555550104", incident, 1);

        HttpProbe.Response reply = story.replyBySms("+15555550104", "4 " + incident.number());
        assertThat(reply.body()).contains("Acknowledging #" + incident.number());
        story.awaitStatus(incident, "acknowledged");
        assertThat(story.timelineActors(incident)).contains("dave via sms");
        story.awaitEscalationState(incident, "ACKNOWLEDGED");

        assertThat(story.pagerDuty("resolve", dedupKey).status()).isEqualTo(202);
        story.awaitStatus(incident, "resolved");
        story.awaitEscalationState(incident, "RESOLVED");

        vigil.clock.advance(Duration.ofMinutes(2));
        String second = "payments-" + UUID.randomUUID();
        assertThat(story.pagerDuty("trigger", second).status()).isEqualTo(202);
        Story.Incident next = story.awaitIncidents("payments", 2).stream()
                .filter(i -> !i.id().equals(incident.id())).findFirst().orElseThrow();
        story.awaitSms("+15555550104", next, 1);
        Instant escalatedAt = vigil.clock.instant();

        assertThat(story.act(next, "escalate", "dave").status()).isEqualTo(200);

        story.awaitSms("+15555550105", next, 1);
        assertThat(vigil.clock.instant()).as("level 2 paged now, not after its delay").isEqualTo(escalatedAt);
        assertThat(story.act(next, "resolve", "erin").status()).isEqualTo(200);
        story.awaitEscalationState(next, "RESOLVED");
    }

    @Test
    @Order(8)
    void theSameAlertFiringTwoMinutesAfterResolutionReopensTheIncidentAndPagesFromLevelOne() {
        story.genericAlert("search", "search-latency", "firing");
        Story.Incident incident = story.incidentOf("search");
        story.awaitSlackPages("U0GRACE", incident, 1);
        story.genericAlert("search", "search-latency", "resolved");
        story.awaitStatus(incident, "resolved");

        vigil.clock.advance(Duration.ofMinutes(2));
        story.genericAlert("search", "search-latency", "firing");

        story.awaitStatus(incident, "reopened");
        assertThat(story.incidents("search")).hasSize(1);
        await().atMost(Story.PATIENCE).until(() -> story.escalationLog(incident),
                log -> log.stream().anyMatch(entry -> entry.contains("REOPENED")));
        // Slack gets at most one message a second per member: the new page follows the "resolved" notice.
        vigil.clock.advance(Duration.ofSeconds(1));
        story.awaitSlackPages("U0GRACE", incident, 2);
        assertThat(vigil.emailsTo("heidi@example.com")).isEmpty();
        story.genericAlert("search", "search-latency", "resolved");
        story.awaitStatus(incident, "resolved");
    }

    @Test
    @Order(9)
    void aMissedHeartbeatOpensAnIncidentAndTheNextBeatResolvesIt() {
        String beat = "/v1/heartbeats/nightly-backup?interval=1m&grace=30s&key="
                + DemoConfiguration.INTEGRATIONS.get(4).key();
        assertThat(vigil.intake().postJson(beat, "").status()).isEqualTo(202);
        int before = story.incidents("checkout").size();

        vigil.clock.advance(Duration.ofSeconds(95));
        List<Story.Incident> checkout = story.awaitIncidents("checkout", before + 1);
        Story.Incident missed = checkout.stream().filter(i -> story.incident(i).get("status").asString()
                .equals("triggered")).findFirst().orElseThrow();
        assertThat(story.incident(missed).get("title").asString()).contains("nightly-backup");

        HttpProbe.Response recovered = vigil.intake().postJson(beat, "");
        assertThat(recovered.body()).contains("\"recovered\":true");
        story.awaitStatus(missed, "resolved");
    }

    @Test
    @Order(10)
    void unsignedForgedAndWronglyKeyedRequestsAreRefusedAndChangeNothing() {
        story.genericAlert("shipping", "shipping-labels", "firing");
        Story.Incident incident = story.incidentOf("shipping");
        story.awaitSlackPages("U0KEN", incident, 1);

        assertThat(story.unsignedSlackButton("U0KEN", "resolve", incident).status()).isEqualTo(401);
        assertThat(story.forgedSmsReply("+15555550104", "6 " + incident.number()).status()).isEqualTo(403);
        HttpProbe.Response wrongKey = vigil.intake().postJson("/v1/alerts?key=not-a-key", """
                {"service":"shipping","summary":"forged","severity":"critical","dedupKey":"forged"}""");
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(story.act(incident, "resolve", null, TestTokens.VIEWER).status()).isEqualTo(403);

        // A genuine click afterwards is carried out: had anything above got through, the incident would be resolved.
        assertThat(story.pressSlackButton("U0KEN", "acknowledge", incident).status()).isEqualTo(200);
        story.awaitStatus(incident, "acknowledged");
        assertThat(story.incidents("shipping")).hasSize(1);
        assertThat(story.timelineActors(incident)).containsOnlyOnce("ken via slack");
    }

    @Test
    @Order(11)
    void aRunbookWaitingForApprovalAsksInSlackAndAnApprovalThereLetsItGoOn() {
        HttpProbe admin = vigil.api(VigilService.REMEDIATION, TestTokens.ADMIN);
        assertThat(admin.putJson("/v1/runbooks/warehouse-resync", """
                {"name": "warehouse-resync", "trigger": {"service": "warehouse"},
                 "steps": [{"name": "go-ahead", "type": "approval", "message": "resync the stock of {{service}}?"},
                           {"name": "tell", "type": "notify", "message": "resync approved, on it"}]}""")
                .status()).isEqualTo(201);
        assertThat(vigil.api(VigilService.NOTIFICATION, TestTokens.ADMIN).putJson(
                "/v1/services/warehouse/slack-channel", "{\"slackChannel\": \"C0WAREHOUSE\"}").status())
                .isEqualTo(200);

        story.genericAlert("warehouse", "warehouse-stock-drift", "firing");
        Story.Incident incident = story.incidentOf("warehouse");
        // The channel hears of the incident itself too, and Slack takes one message a second per channel: the
        // request for approval, the message with the Approve button, goes out a second or so later.
        Map<String, String> asked = story.awaitSlackMessageAsSecondsPass("C0WAREHOUSE",
                m -> m.get("blocks") != null && m.get("blocks").contains("remediation-approve"));
        assertThat(asked.get("text")).isEqualTo("Runbook warehouse-resync waits for approval");
        assertThat(asked.get("blocks")).contains("resync the stock of warehouse?", "remediation-approve");
        JsonNode run = JsonMapper.builder().build().readTree(vigil.api(VigilService.REMEDIATION, TestTokens.VIEWER)
                .get("/v1/remediation-runs?incident=" + incident.id()).body()).get(0);
        assertThat(run.get("waitingFor").asString()).isEqualTo("go-ahead");

        assertThat(story.pressSlackRunButton("U0ALICE", "remediation-approve", run.get("id").asString(), incident)
                .status()).isEqualTo(200);

        story.awaitTimeline(incident, "remediation-step-finished", "go-ahead: succeeded (approved by alice in slack)");
        story.awaitTimeline(incident, "note", "resync approved, on it");
        // The runbook's note is replied in the thread of the incident's post (the fake Slack names every channel
        // it answers for D0SCENARIO).
        story.awaitSlackMessageAsSecondsPass("D0SCENARIO",
                m -> m.get("thread_ts") != null && m.get("text").contains("resync approved, on it"));
        story.awaitTimeline(incident, "remediation-finished", "Runbook warehouse-resync succeeded");
    }

    @Test
    @Order(50)
    void aHandoffAtNineLondonTimeHoldsAcrossTheChangeToSummerTime() {
        // Summer time begins at 01:00 UTC on 29 March 2026; 09:00 in London is then 08:00 UTC.
        vigil.clock.set(Instant.parse("2026-03-29T07:45:00Z"));
        story.genericAlert("ledger", "ledger-drift", "firing");
        Story.Incident incident = story.incidentOf("ledger");

        story.awaitSlackPages("U0IVAN", incident, 1);
        assertThat(story.slackPages("U0HENRY", incident)).isEmpty();

        vigil.clock.advance(Duration.ofMinutes(30));
        story.awaitSlackPages("U0HENRY", incident, 1);
        assertThat(story.slackPages("U0IVAN", incident)).hasSize(1);
        assertThat(story.act(incident, "resolve", "alice").status()).isEqualTo(200);
    }

    /**
     * After the stories, every service has exported what it measures: each metric a Grafana panel or a Prometheus
     * rule in {@code deploy/} reads is one the services really export, and each Postgres panel's query runs against
     * the real schemas.
     */
    @Test
    @Order(98)
    void theDashboardsAndAlertRulesReadOnlyWhatVigilExports() throws Exception {
        java.util.Set<String> exported = new java.util.TreeSet<>();
        for (VigilService service : VigilService.values()) {
            new HttpProbe(vigil.url(service)).get("/actuator/prometheus").body().lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0])
                    .forEach(exported::add);
        }

        assertThat(DeployAssets.prometheusMetricNames()).isNotEmpty().allSatisfy(name -> assertThat(exported)
                .as("metric %s read by deploy/ and exported by a service", name).contains(name));
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(vigil.database().jdbcUrl(),
                vigil.database().user(), vigil.database().password())) {
            for (String query : DeployAssets.postgresQueries()) {
                try (var statement = connection.createStatement(); var rows = statement.executeQuery(query)) {
                    assertThat(rows.getMetaData().getColumnCount()).as(query).isPositive();
                }
            }
        }
    }

    /** Last: Slack's breaker may be left open for a while by this outage, and it would hold the others' pages. */
    @Test
    @Order(99)
    void slackDownForGoodFallsBackToEmailWithinTheRetrySchedule() {
        vigil.slack.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/chat.postMessage"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("U0JUDY"))
                .atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(500)));
        Instant start = vigil.clock.instant();
        story.genericAlert("catalog", "catalog-images", "firing");
        Story.Incident incident = story.incidentOf("catalog");

        // Attempts at 0 s, 10 s, 1 min, 5 min and 15 min after the last (each up to 10 % later), then e-mail; sooner
        // when Slack's circuit breaker opens first (the SEV2's overdue-response reminder to judy fails on Slack too).
        await().atMost(Story.PATIENCE).until(() -> story.slackAttempts("U0JUDY", incident) == 1);
        for (Duration wait : List.of(Duration.ofSeconds(12), Duration.ofSeconds(70), Duration.ofMinutes(6),
                Duration.ofMinutes(17))) {
            if (!vigil.emailsTo("judy@example.com").isEmpty()) {
                break;
            }
            int attempts = story.slackAttempts("U0JUDY", incident);
            vigil.clock.advance(wait);
            story.awaitAsSecondsPass(() -> story.slackAttempts("U0JUDY", incident) > attempts
                    || !vigil.emailsTo("judy@example.com").isEmpty());
        }
        story.awaitAsSecondsPass(() -> vigil.emailsTo("judy@example.com").size() == 1);
        assertThat(story.slackAttempts("U0JUDY", incident)).as("Slack retried before the page fell back")
                .isBetween(2, 5);
        assertThat(vigil.emailsTo("judy@example.com").getFirst()).contains("#" + incident.number());
        story.awaitTimeline(incident, "notification-fell-back", "slack to judy");
        story.awaitTimeline(incident, "notification-sent", "email to judy");
        assertThat(Duration.between(start, vigil.clock.instant())).isLessThan(Duration.ofMinutes(30));
        assertThat(story.act(incident, "resolve", "alice").status()).isEqualTo(200);
        vigil.slackAnswers();
    }
}
