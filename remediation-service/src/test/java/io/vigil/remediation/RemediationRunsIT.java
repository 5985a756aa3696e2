package io.vigil.remediation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.vigil.remediation.RemediationHarness.INFRA;
import static io.vigil.remediation.RemediationHarness.about;
import static io.vigil.remediation.RemediationHarness.json;
import static io.vigil.remediation.RemediationHarness.opened;
import static io.vigil.remediation.RemediationHarness.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vigil.contracts.Actor;
import io.vigil.contracts.DecideRemediationRun;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EscalateIncident;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.Message;
import io.vigil.contracts.RemediationRunFinished;
import io.vigil.contracts.RemediationRunStarted;
import io.vigil.contracts.RemediationStepFinished;
import io.vigil.contracts.RemediationStepStarted;
import io.vigil.contracts.ResolveIncident;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.MutableClock;
import io.vigil.testkit.TopicRecorder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Runbooks stored over REST, started by incident-core's events or by hand, acting on a fake service (WireMock),
 * reporting on Kafka; one service context for the class, each test with runbooks and a service of its own.
 */
class RemediationRunsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final MutableClock CLOCK = MutableClock.at("2026-06-01T10:00:00Z");
    private static WireMockServer target;
    private static ConfigurableApplicationContext service;
    private static HttpProbe api;
    private static TopicRecorder events;
    private static TopicRecorder commands;

    @BeforeAll
    static void start() {
        target = new WireMockServer(options().dynamicPort());
        target.start();
        target.stubFor(get(urlPathMatching("/.*/health")).willReturn(aResponse().withStatus(200).withBody("status: ok")));
        target.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(202).withBody("done")));
        target.stubFor(post(urlPathMatching("/.*/broken")).willReturn(aResponse().withStatus(500).withBody("boom")));
        // After the service: it creates the topics with all their partitions, which the recorders then follow.
        service = RemediationHarness.start(INFRA.postgres().createDatabase("remediation_runs"),
                "remediation-runs-" + UUID.randomUUID(), CLOCK);
        events = TopicRecorder.record(INFRA.kafka().bootstrapServers(), Topics.REMEDIATION_EVENTS);
        commands = TopicRecorder.record(INFRA.kafka().bootstrapServers(), Topics.INCIDENT_COMMANDS);
        api = RemediationHarness.api(service);
    }

    @AfterAll
    static void stop() {
        service.close();
        events.close();
        commands.close();
        target.stop();
    }

    private static String url(String service, String path) {
        return "http://localhost:%d/%s/%s".formatted(target.port(), service, path);
    }

    private static void putRunbook(String name, String yaml) {
        HttpProbe.Response response = RemediationHarness.putYaml(service, "/v1/runbooks/" + name, yaml);
        assertThat(response.status()).as(response.body()).isIn(200, 201);
    }

    private static JsonNode awaitRunOf(UUID incidentId, String state) {
        return await().atMost(PATIENCE).until(() -> runOf(incidentId),
                run -> run != null && state.equals(run.path("state").asString()));
    }

    /** The incident's one run, once it waits for the approval step named {@code step}. */
    private static JsonNode awaitRunWaitingFor(UUID incidentId, String step) {
        return await().atMost(PATIENCE).until(() -> runOf(incidentId),
                run -> run != null && step.equals(run.path("waitingFor").asString()));
    }

    @Test
    void aMatchingIncidentRunsTheChecksAndActionsAndReportsEveryStepThenResolvesTheIncident() {
        String svc = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        putRunbook("restart-" + svc, """
                name: restart-%1$s
                trigger: {service: %1$s, minSeverity: SEV3}
                resolvesIncident: true
                parameters: {deployment: "{{service}}-web"}
                steps:
                  - name: healthy-before
                    type: check
                    http: {url: "%2$s", expectStatus: 200, bodyContains: ok}
                  - name: restart
                    type: action
                    http: {url: "%3$s", body: '{"deployment": "{{params.deployment}}", "incident": "{{incident.id}}"}'}
                guardrails: {allowedHosts: [localhost]}
                """.formatted(svc, url(svc, "health"), url(svc, "restart")));
        IncidentOpened incident = opened(svc, IncidentSeverity.SEV2);

        publish(incident, CLOCK);

        JsonNode run = awaitRunOf(incident.incidentId(), "succeeded");
        assertThat(run.path("runbookVersion").asInt()).isEqualTo(1);
        assertThat(run.path("steps")).extracting(s -> s.path("name").asString() + ":" + s.path("state").asString())
                .containsExactly("healthy-before:succeeded", "restart:succeeded");
        assertThat(run.path("steps").get(1).path("output").asString()).isEqualTo("HTTP 202: done");
        List<LoggedRequest> restarts = target.findAll(postRequestedFor(urlEqualTo("/" + svc + "/restart")));
        assertThat(restarts).hasSize(1);
        assertThat(restarts.get(0).getBodyAsString()).isEqualTo("{\"deployment\": \"%s-web\", \"incident\": \"%s\"}"
                .formatted(svc, incident.incidentId()));
        target.verify(1, getRequestedFor(urlEqualTo("/" + svc + "/health")));

        events.awaitRecord(r -> r.value().contains("RemediationRunFinished")
                && r.key().equals(incident.incidentId().toString()), PATIENCE);
        List<Message> reported = about(events, incident.incidentId());
        assertThat(reported).extracting(m -> m.getClass().getSimpleName()).containsExactly(
                "RemediationRunStarted", "RemediationStepStarted", "RemediationStepFinished",
                "RemediationStepStarted", "RemediationStepFinished", "RemediationRunFinished");
        RemediationRunStarted started = (RemediationRunStarted) reported.get(0);
        assertThat(started.trigger()).isEqualTo("auto");
        assertThat(((RemediationStepStarted) reported.get(3)).description())
                .isEqualTo("POST %s, expecting a 2xx status".formatted(url(svc, "restart")));
        RemediationStepFinished restarted = (RemediationStepFinished) reported.get(4);
        assertThat(restarted.outcome()).isEqualTo("succeeded");
        assertThat(restarted.dryRun()).isFalse();
        assertThat(((RemediationRunFinished) reported.get(5)).outcome()).isEqualTo("succeeded");
        assertThat(service.getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .counter("vigil_remediation_runs_finished", "runbook", "restart-" + svc, "outcome", "succeeded",
                        "dry_run", "false").count()).isEqualTo(1.0);

        ResolveIncident resolve = (ResolveIncident) commands.awaitRecord(
                r -> r.key().equals(incident.incidentId().toString()), PATIENCE).value().transform(
                        v -> RemediationHarness.CODEC.decode(v).payload());
        assertThat(resolve.commandId()).isEqualTo(StableIds.of("remediation-resolve", started.runId().toString()));
        assertThat(resolve.actor().id()).isEqualTo("restart-" + svc);
    }

    @Test
    void aPrometheusCheckComparesTheQueryValueAndANoteGoesOnTheIncident() {
        String svc = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        target.stubFor(get(urlPathMatching("/" + svc + "/prometheus/api/v1/query"))
                .withQueryParam("query", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "rate(errors{service=\"" + svc + "\"}[5m])"))
                .willReturn(aResponse().withStatus(200).withBody("""
                        {"status": "success", "data": {"resultType": "vector",
                         "result": [{"metric": {}, "value": [1780000000, "0.02"]}]}}""")));
        putRunbook("prom-" + svc, """
                name: prom-%1$s
                trigger: {service: %1$s}
                steps:
                  - name: errors-low
                    type: check
                    prometheus: {url: "%2$s", query: 'rate(errors{service="{{service}}"}[5m])', condition: "< 0.05"}
                  - {name: tell, type: notify, message: "error rate of {{service}} is back to normal"}
                guardrails: {allowedHosts: [localhost]}
                """.formatted(svc, url(svc, "prometheus")));
        IncidentOpened incident = opened(svc, IncidentSeverity.SEV3);

        publish(incident, CLOCK);

        JsonNode run = awaitRunOf(incident.incidentId(), "succeeded");
        assertThat(run.path("steps").get(0).path("output").asString()).isEqualTo("value 0.02, expected < 0.05");
        Message note = RemediationHarness.CODEC.decode(commands.awaitRecord(
                r -> r.key().equals(incident.incidentId().toString()), PATIENCE).value()).payload();
        assertThat(note).isInstanceOfSatisfying(io.vigil.contracts.AddNote.class, n -> assertThat(n.text())
                .isEqualTo("Runbook prom-%s: error rate of %s is back to normal".formatted(svc, svc)));
    }

    @Test
    void aRedeliveredIncidentOpenedStartsNoSecondRun() {
        String svc = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        putRunbook("once-" + svc, """
                name: once-%1$s
                trigger: {service: %1$s}
                steps: [{name: poke, type: action, http: {url: "%2$s"}}]
                guardrails: {allowedHosts: [localhost], maxAttemptsPerIncident: 5}
                """.formatted(svc, url(svc, "poke")));
        IncidentOpened incident = opened(svc, IncidentSeverity.SEV4);
        UUID eventId = UUID.randomUUID();

        publish(incident, eventId, CLOCK);
        publish(incident, eventId, CLOCK);
        publish(incident, UUID.randomUUID(), CLOCK);

        awaitRunOf(incident.incidentId(), "succeeded");
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE).until(() ->
                json(api.get("/v1/remediation-runs?incident=" + incident.incidentId()).body()).size() == 1);
        target.verify(1, postRequestedFor(urlEqualTo("/" + svc + "/poke")));
    }

    @Test
    void aDryRunDescribesEveryActionAndExecutesNothing() {
        String svc = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        putRunbook("dry-" + svc, """
                name: dry-%1$s
                trigger: {service: %1$s}
                dryRun: true
                resolvesIncident: true
                steps:
                  - {name: probe, type: check, http: {url: "%2$s"}}
                  - {name: restart, type: action, http: {url: "%3$s"}}
                guardrails: {allowedHosts: [localhost]}
                """.formatted(svc, url(svc, "health"), url(svc, "restart")));
        IncidentOpened incident = opened(svc, IncidentSeverity.SEV3);

        publish(incident, CLOCK);

        JsonNode run = awaitRunOf(incident.incidentId(), "succeeded");
        assertThat(run.path("dryRun").asBoolean()).isTrue();
        assertThat(run.path("steps").get(1).path("output").asString())
                .isEqualTo("dry run, not executed: POST %s, expecting a 2xx status".formatted(url(svc, "restart")));
        assertThat(target.findAll(postRequestedFor(urlPathMatching("/" + svc + "/.*")))).isEmpty();
        assertThat(target.findAll(getRequestedFor(urlPathMatching("/" + svc + "/.*")))).isEmpty();
        events.awaitRecord(r -> r.value().contains("RemediationRunFinished")
                && r.key().equals(incident.incidentId().toString()), PATIENCE);
        assertThat(about(events, incident.incidentId())).filteredOn(RemediationStepFinished.class::isInstance)
                .allSatisfy(m -> assertThat(((RemediationStepFinished) m).dryRun()).isTrue());
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE)
                .until(() -> about(commands, incident.incidentId()).isEmpty());
    }

    private static final String APPROVAL_RUNBOOK = """
            name: approve-%1$s
            trigger: {service: %1$s}
            steps:
              - {name: drain, type: action, http: {url: "%2$s"}}
              - {name: go-ahead, type: approval, message: "restart {{service}}?"}
              - {name: restart, type: action, http: {url: "%3$s"}}
            rollback:
              - {name: undrain, type: action, undoes: drain, http: {url: "%4$s"}}
              - {name: undo-restart, type: action, undoes: restart, http: {url: "%5$s"}}
              - {name: tell, type: action, http: {url: "%6$s"}}
            guardrails: {allowedHosts: [localhost]}
            """;

    private static String approvalRunbook(String svc) {
        return APPROVAL_RUNBOOK.formatted(svc, url(svc, "drain"), url(svc, "restart"), url(svc, "undrain"),
                url(svc, "undo-restart"), url(svc, "tell"));
    }

    @Test
    void anApprovalWaitsAndApprovingGoesOn() {
        String svc = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        putRunbook("approve-" + svc, approvalRunbook(svc));
        IncidentOpened incident = opened(svc, IncidentSeverity.SEV3);
        publish(incident, CLOCK);

        JsonNode waiting = awaitRunWaitingFor(incident.incidentId(), "go-ahead");
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() ->
                target.findAll(postRequestedFor(urlEqualTo("/" + svc + "/restart"))).isEmpty());
        target.verify(1, postRequestedFor(urlEqualTo("/" + svc + "/drain")));

        HttpProbe.Response approved = api.postJson("/v1/remediation-runs/" + waiting.path("id").asString()
                + "/approve", "{}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        JsonNode run = awaitRunOf(incident.incidentId(), "succeeded");
        assertThat(run.path("steps").get(1).path("decidedBy").asString()).isEqualTo("test-admin");
        target.verify(1, postRequestedFor(urlEqualTo("/" + svc + "/restart")));
        assertThat(target.findAll(postRequestedFor(urlPathMatching("/" + svc + "/(undrain|undo-restart|tell)"))))
                .isEmpty();
        HttpProbe.Response again = api.postJson("/v1/remediation-runs/" + run.path("id").asString() + "/approve",
                "{}");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void aDecisionSentFromSlackApprovesOnceAndALateOneChangesNothing() {
        String svc = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        putRunbook("approve-" + svc, approvalRunbook(svc));
        IncidentOpened incident = opened(svc, IncidentSeverity.SEV3);
        publish(incident, CLOCK);
        JsonNode waiting = awaitRunWaitingFor(incident.incidentId(), "go-ahead");
        UUID runId = UUID.fromString(waiting.path("id").asString());
        RemediationStepStarted asked = events.records().stream()
                .filter(r -> r.key().equals(incident.incidentId().toString()))
                .map(r -> RemediationHarness.CODEC.decode(r.value()).payload())
                .filter(m -> m instanceof RemediationStepStarted started && "approval".equals(started.stepType()))
                .map(RemediationStepStarted.class::cast).findFirst().orElseThrow();
        assertThat(asked.service()).isEqualTo(svc);

        DecideRemediationRun approve = new DecideRemediationRun(UUID.randomUUID(), runId, incident.incidentId(),
                DecideRemediationRun.APPROVE, new Actor("user", "alice", "slack"), null, CLOCK.instant());
        decide(approve);
        decide(approve);
        JsonNode run = awaitRunOf(incident.incidentId(), "succeeded");
        decide(new DecideRemediationRun(UUID.randomUUID(), runId, incident.incidentId(), DecideRemediationRun.REJECT,
                new Actor("user", "bob", "slack"), "too late", CLOCK.instant()));
        String sentinel = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        putRunbook("approve-" + sentinel, approvalRunbook(sentinel));
        IncidentOpened later = opened(sentinel, IncidentSeverity.SEV3);
        publish(later, CLOCK);
        JsonNode laterRun = awaitRunWaitingFor(later.incidentId(), "go-ahead");
        decide(new DecideRemediationRun(UUID.randomUUID(), UUID.fromString(laterRun.path("id").asString()),
                later.incidentId(), DecideRemediationRun.REJECT, new Actor("user", "bob", "slack"), null,
                CLOCK.instant()));
        awaitRunOf(later.incidentId(), "rolled_back");

        JsonNode after = runOf(incident.incidentId());
        assertThat(after.path("state").asString()).isEqualTo("succeeded");
        assertThat(run.path("steps").get(1).path("output").asString()).isEqualTo("approved by alice in slack");
        assertThat(run.path("steps").get(1).path("decidedBy").asString()).isEqualTo("alice");
        target.verify(1, postRequestedFor(urlEqualTo("/" + svc + "/restart")));
    }

    private static void decide(DecideRemediationRun decision) {
        TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.REMEDIATION_COMMANDS, decision.runId().toString(),
                RemediationHarness.CODEC.encode(Envelope.of(decision.commandId(), decision.runId().toString(),
                        decision, CLOCK, null)));
    }

    @Test
    void rejectingAnApprovalRollsBackInReverseOrderWhatSucceeded() {
        String svc = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        putRunbook("approve-" + svc, approvalRunbook(svc));
        IncidentOpened incident = opened(svc, IncidentSeverity.SEV3);
        publish(incident, CLOCK);
        JsonNode waiting = awaitRunWaitingFor(incident.incidentId(), "go-ahead");

        HttpProbe.Response rejected = api.postJson("/v1/remediation-runs/" + waiting.path("id").asString()
                + "/reject", "{\"reason\": \"not during the sale\"}");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);

        JsonNode run = awaitRunOf(incident.incidentId(), "rolled_back");
        assertThat(run.path("steps")).extracting(s -> s.path("name").asString() + ":" + s.path("state").asString())
                .containsExactly("drain:succeeded", "go-ahead:rejected", "restart:skipped", "tell:succeeded",
                        "undo-restart:skipped", "undrain:succeeded");
        assertThat(run.path("steps").get(1).path("output").asString())
                .isEqualTo("rejected by test-admin: not during the sale");
        List<String> calls = target.findAll(postRequestedFor(urlPathMatching("/" + svc + "/.*"))).stream()
                .map(LoggedRequest::getUrl).toList();
        assertThat(calls).containsExactly("/" + svc + "/drain", "/" + svc + "/tell", "/" + svc + "/undrain");
        events.awaitRecord(r -> r.value().contains("RemediationRunFinished")
                && r.key().equals(incident.incidentId().toString()), PATIENCE);
        assertThat(about(events, incident.incidentId())).filteredOn(RemediationRunFinished.class::isInstance)
                .singleElement().satisfies(m -> assertThat(((RemediationRunFinished) m).outcome())
                        .isEqualTo("rolled_back"));
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE)
                .until(() -> about(commands, incident.incidentId()).isEmpty());
    }

    @Test
    void aFailedActionRollsBackThenEscalates() {
        String svc = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        putRunbook("fail-" + svc, """
                name: fail-%1$s
                trigger: {service: %1$s}
                steps:
                  - {name: scale-up, type: action, http: {url: "%2$s"}}
                  - {name: flaky, type: action, http: {url: "%3$s"}, retries: 1, retryDelay: 30s, onFailure: rollback}
                rollback:
                  - {name: scale-down, type: action, undoes: scale-up, http: {url: "%4$s"}}
                guardrails: {allowedHosts: [localhost]}
                """.formatted(svc, url(svc, "scale-up"), url(svc, "broken"), url(svc, "scale-down")));
        IncidentOpened incident = opened(svc, IncidentSeverity.SEV3);
        publish(incident, CLOCK);

        await().atMost(PATIENCE).until(() ->
                target.findAll(postRequestedFor(urlEqualTo("/" + svc + "/broken"))).size() == 1);
        CLOCK.advance(Duration.ofSeconds(31));

        JsonNode run = awaitRunOf(incident.incidentId(), "rolled_back");
        JsonNode flaky = run.path("steps").get(1);
        assertThat(flaky.path("attempts").asInt()).isEqualTo(2);
        assertThat(flaky.path("output").asString()).isEqualTo("HTTP 500: boom");
        target.verify(1, postRequestedFor(urlEqualTo("/" + svc + "/scale-down")));
        Message command = RemediationHarness.CODEC.decode(commands.awaitRecord(
                r -> r.key().equals(incident.incidentId().toString()), PATIENCE).value()).payload();
        assertThat(command).isInstanceOfSatisfying(EscalateIncident.class,
                e -> assertThat(e.note()).contains("rolled_back", "step flaky failed (HTTP 500: boom)"));
    }

    @Test
    void aRunbookChangeMakesANewVersionAndARunStartedByHandKeepsItsOwn() {
        String svc = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "manual-" + svc;
        String v1 = """
                name: %1$s
                trigger: {service: nobody-%2$s}
                steps:
                  - {name: hold, type: approval}
                  - {name: first, type: action, http: {url: "%3$s"}}
                guardrails: {allowedHosts: [localhost]}
                """.formatted(name, svc, url(svc, "v1"));
        putRunbook(name, v1);
        IncidentOpened incident = opened(svc, IncidentSeverity.SEV3);
        publish(incident, CLOCK);
        await().atMost(PATIENCE).until(() -> api.postJson("/v1/incidents/" + incident.incidentId() + "/remediations",
                "{\"runbook\": \"%s\"}".formatted(name)).status() == 201);
        JsonNode started = json(api.get("/v1/remediation-runs?incident=" + incident.incidentId()).body()).get(0);
        assertThat(started.path("trigger").asString()).isEqualTo("manual");
        assertThat(started.path("startedBy").asString()).isEqualTo("test-admin");

        putRunbook(name, v1.replace(url(svc, "v1"), url(svc, "v2")));
        putRunbook(name, v1.replace(url(svc, "v1"), url(svc, "v2")));
        assertThat(json(api.get("/v1/runbooks/" + name).body()).path("version").asInt()).isEqualTo(2);
        assertThat(json(api.get("/v1/runbooks/" + name + "/versions").body()).size()).isEqualTo(2);
        await().atMost(PATIENCE).until(() -> "hold".equals(json(api.get("/v1/remediation-runs/"
                + started.path("id").asString()).body()).path("waitingFor").asString()));
        api.postJson("/v1/remediation-runs/" + started.path("id").asString() + "/approve", "{}");

        JsonNode run = awaitRunOf(incident.incidentId(), "succeeded");
        assertThat(run.path("runbookVersion").asInt()).isEqualTo(1);
        target.verify(1, postRequestedFor(urlEqualTo("/" + svc + "/v1")));
        target.verify(0, postRequestedFor(urlEqualTo("/" + svc + "/v2")));
        HttpProbe.Response second = api.postJson("/v1/incidents/" + incident.incidentId() + "/remediations",
                "{\"runbook\": \"%s\"}".formatted(name));
        assertThat(second.status()).isEqualTo(409);
        assertThat(json(second.body()).path("detail").asString()).contains("maxAttemptsPerIncident is 1");
        assertThat(api.postJson("/v1/incidents/" + UUID.randomUUID() + "/remediations",
                "{\"runbook\": \"%s\"}".formatted(name)).status()).isEqualTo(404);
    }

    @Test
    void aRunbookActingOutsideTheAllowListIsRefusedWithEveryProblemListed() {
        HttpProbe.Response response = RemediationHarness.putYaml(service, "/v1/runbooks/outside", """
                name: outside
                trigger: {service: checkout}
                parameters: {ns: "{{labels.namespace}}"}
                steps:
                  - {name: probe, type: check, http: {url: "http://metadata.internal/health"}}
                  - {name: call, type: action, http: {url: "https://evil.example.com/x?ns={{params.ns}}"}}
                  - {name: wipe, type: format-disk}
                  - {name: note, type: notify, message: "{{nothing.here}}"}
                guardrails: {allowedHosts: [checkout.shop.svc]}
                """);

        assertThat(response.status()).isEqualTo(400);
        JsonNode problem = json(response.body());
        assertThat(problem.path("errors")).extracting(e -> e.path("field").asString()).containsExactly(
                "steps[0].http.url", "steps[1].http.url", "steps[2].type", "steps[3].message");
        assertThat(problem.path("detail").asString()).contains("metadata.internal", "evil.example.com",
                "format-disk", "{{nothing.here}}");
        assertThat(api.get("/v1/runbooks/outside").status()).isEqualTo(404);
    }

    @Test
    void onlyAnAdminChangesRunbooksAndAViewerReadsThemButDecidesNothing() {
        String svc = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        String runbook = """
                name: roles-%1$s
                trigger: {service: %1$s}
                steps: [{name: hold, type: approval}]
                """.formatted(svc);
        assertThat(RemediationHarness.putYaml(service, "/v1/runbooks/roles-" + svc, runbook,
                io.vigil.testkit.TestTokens.RESPONDER).status()).isEqualTo(403);
        putRunbook("roles-" + svc, runbook);
        HttpProbe viewer = api.withToken(io.vigil.testkit.TestTokens.VIEWER);
        assertThat(viewer.get("/v1/runbooks/roles-" + svc).status()).isEqualTo(200);
        IncidentOpened incident = opened(svc, IncidentSeverity.SEV3);
        publish(incident, CLOCK);
        JsonNode waiting = awaitRunWaitingFor(incident.incidentId(), "hold");
        String approve = "/v1/remediation-runs/" + waiting.path("id").asString() + "/approve";

        assertThat(viewer.postJson(approve, "{}").status()).isEqualTo(403);
        assertThat(api.withToken(io.vigil.testkit.TestTokens.RESPONDER).postJson(approve, "{}").status())
                .isEqualTo(200);
        assertThat(api.withToken(null).get("/v1/remediation-runs/" + waiting.path("id").asString()).status())
                .isEqualTo(401);
    }

    private static JsonNode runOf(UUID incidentId) {
        JsonNode runs = json(api.get("/v1/remediation-runs?incident=" + incidentId).body());
        return runs.size() == 1 ? runs.get(0) : null;
    }

    @Test
    void aStoredRunbookThisReleaseRefusesFailsItsOwnRunsAndHoldsUpNoOther() {
        String svc = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        org.springframework.jdbc.core.JdbcTemplate jdbc = service.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        String legacy = "legacy-" + svc;
        jdbc.update("insert into runbook_version (name, version, source, created_at, created_by) "
                + "values (?, 1, ?, now(), 'old-release')", legacy,
                "name: %s\ntrigger: {service: %s}\nsteps: [{name: x, type: teleport}]\n".formatted(legacy, svc));
        UUID incidentId = UUID.randomUUID();
        UUID runId = UUID.randomUUID();
        jdbc.update("insert into remediation_run (id, incident_id, service, runbook, runbook_version, trigger, state, "
                + "dry_run, variables, started_by, started_at) values (?, ?, ?, ?, 1, 'auto', 'RUNNING', false, '{}', "
                + "'system', now())", runId, incidentId, svc, legacy);
        jdbc.update("insert into remediation_step (run_id, seq, phase, def_index, name, type, state, due_at) "
                + "values (?, 1, 'MAIN', 0, 'x', 'ACTION', 'DUE', ?)", runId,
                java.sql.Timestamp.from(CLOCK.instant()));
        putRunbook("fine-" + svc, """
                name: fine-%1$s
                trigger: {service: %1$s}
                steps: [{name: poke, type: action, http: {url: "%2$s"}}]
                guardrails: {allowedHosts: [localhost]}
                """.formatted(svc, url(svc, "poke")));
        IncidentOpened incident = opened(svc, IncidentSeverity.SEV3);

        publish(incident, CLOCK);

        awaitRunOf(incident.incidentId(), "succeeded");
        JsonNode abandoned = await().atMost(PATIENCE).until(() -> json(api.get("/v1/remediation-runs/" + runId)
                .body()), run -> "failed".equals(run.path("state").asString()));
        assertThat(abandoned.path("summary").asString()).startsWith("runbook %s version 1 is no longer valid"
                .formatted(legacy));
        await().atMost(PATIENCE).until(() -> !about(commands, incidentId).isEmpty());
        assertThat(about(commands, incidentId)).singleElement().isInstanceOf(EscalateIncident.class);
    }

    @Test
    void aResolvedIncidentCancelsTheRunThatWaitsOnIt() {
        String svc = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        putRunbook("ended-" + svc, """
                name: ended-%1$s
                trigger: {service: %1$s}
                steps:
                  - {name: hold, type: approval}
                  - {name: act, type: action, http: {url: "%2$s"}}
                guardrails: {allowedHosts: [localhost]}
                """.formatted(svc, url(svc, "act")));
        IncidentOpened incident = opened(svc, IncidentSeverity.SEV3);
        publish(incident, CLOCK);
        awaitRunWaitingFor(incident.incidentId(), "hold");

        RemediationHarness.publishEvent(incident.incidentId(), new io.vigil.contracts.IncidentResolved(
                incident.incidentId(), incident.number(), incident.title(), svc, incident.severity(),
                incident.urgency(), new io.vigil.contracts.Actor("user", "alice", "slack"), CLOCK.instant()), CLOCK);

        JsonNode run = awaitRunOf(incident.incidentId(), "cancelled");
        assertThat(run.path("summary").asString()).isEqualTo("the incident was resolved");
        assertThat(run.path("steps")).extracting(s -> s.path("state").asString())
                .containsExactly("cancelled", "cancelled");
        target.verify(0, postRequestedFor(urlEqualTo("/" + svc + "/act")));
        events.awaitRecord(r -> r.value().contains("RemediationRunFinished")
                && r.key().equals(incident.incidentId().toString()), PATIENCE);
        assertThat(about(events, incident.incidentId())).last().isInstanceOfSatisfying(RemediationRunFinished.class,
                f -> assertThat(f.outcome()).isEqualTo("cancelled"));
    }

    @Test
    void aCancelledRunStopsWhereItIsAndCannotBeCancelledTwice() {
        String svc = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        putRunbook("cancel-" + svc, """
                name: cancel-%1$s
                trigger: {service: %1$s}
                steps:
                  - {name: hold, type: approval}
                  - {name: act, type: action, http: {url: "%2$s"}}
                rollback:
                  - {name: undo, type: action, http: {url: "%3$s"}}
                guardrails: {allowedHosts: [localhost]}
                """.formatted(svc, url(svc, "act"), url(svc, "undo")));
        IncidentOpened incident = opened(svc, IncidentSeverity.SEV3);
        publish(incident, CLOCK);
        JsonNode waiting = awaitRunWaitingFor(incident.incidentId(), "hold");
        String cancel = "/v1/remediation-runs/" + waiting.path("id").asString() + "/cancel";

        HttpProbe.Response cancelled = api.postJson(cancel, "{}");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(json(cancelled.body()).path("state").asString()).isEqualTo("cancelled");
        assertThat(json(cancelled.body()).path("summary").asString()).isEqualTo("cancelled by test-admin");
        assertThat(api.postJson(cancel, "{}").status()).isEqualTo(409);
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() ->
                target.findAll(postRequestedFor(urlPathMatching("/" + svc + "/.*"))).isEmpty());
    }

    @Test
    void aStepWithoutAnAnswerWithinItsTimeoutFails() {
        String svc = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        target.stubFor(get(urlEqualTo("/" + svc + "/slow")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(3000)));
        putRunbook("slow-" + svc, """
                name: slow-%1$s
                trigger: {service: %1$s}
                steps:
                  - {name: probe, type: check, http: {url: "%2$s"}, timeout: 300ms}
                guardrails: {allowedHosts: [localhost]}
                """.formatted(svc, url(svc, "slow")));
        IncidentOpened incident = opened(svc, IncidentSeverity.SEV3);

        publish(incident, CLOCK);

        JsonNode run = awaitRunOf(incident.incidentId(), "failed");
        assertThat(run.path("steps").get(0).path("output").asString()).isEqualTo("no answer within PT0.3S");
        assertThat(run.path("summary").asString()).isEqualTo("step probe failed (no answer within PT0.3S)");
    }
}
