package io.vigil.remediation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.vigil.remediation.RemediationHarness.INFRA;
import static io.vigil.remediation.RemediationHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.Urgency;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Waits until a check passes, step conditions, and secrets read by reference when a step runs. */
class RunbookStepsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final MutableClock CLOCK = MutableClock.at("2026-06-01T10:00:00Z");
    private static KubernetesMockServer cluster;
    private static KubernetesClient kubectl;
    private static WireMockServer target;
    private static ConfigurableApplicationContext service;
    private static HttpProbe api;

    @BeforeAll
    static void start() {
        cluster = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        cluster.init();
        kubectl = cluster.createClient();
        target = new WireMockServer(options().dynamicPort());
        target.start();
        service = RemediationHarness.start(INFRA.postgres().createDatabase("remediation_steps"),
                "remediation-steps-" + UUID.randomUUID(), CLOCK,
                Map.of("vigil.remediation.kubernetes.master-url", cluster.url("/"),
                        "CHECKOUT_API_TOKEN", "token-from-the-environment"));
        api = RemediationHarness.api(service);
    }

    @AfterAll
    static void stop() {
        service.close();
        target.stop();
        kubectl.close();
        cluster.destroy();
    }

    private static String unique() {
        return "steps-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void putRunbook(String yaml) {
        String name = yaml.lines().filter(l -> l.startsWith("name: ")).findFirst().orElseThrow().substring(6).strip();
        HttpProbe.Response stored = RemediationHarness.putYaml(service, "/v1/runbooks/" + name, yaml);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    }

    private static JsonNode finishedRun(UUID incidentId) {
        return await().atMost(PATIENCE).until(() -> {
            JsonNode runs = json(api.get("/v1/remediation-runs?incident=" + incidentId).body());
            return runs.size() == 1 ? runs.get(0) : null;
        }, r -> r != null && !r.path("finishedAt").isNull() && !r.path("finishedAt").isMissingNode());
    }

    private static JsonNode step(JsonNode run, String name) {
        for (JsonNode step : run.path("steps")) {
            if (name.equals(step.path("name").asString())) {
                return step;
            }
        }
        throw new AssertionError("no step " + name + " in " + run);
    }

    @Test
    void aWaitLooksAgainUntilTheCheckPassesThenTheRunGoesOn() {
        String svc = unique();
        String path = "/" + svc + "/health";
        target.stubFor(get(urlEqualTo(path)).inScenario(svc).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("warming up")).willSetStateTo("ready"));
        target.stubFor(get(urlEqualTo(path)).inScenario(svc).whenScenarioStateIs("ready")
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        putRunbook("""
                name: wait-%1$s
                trigger: {service: %1$s}
                steps:
                  - name: healthy
                    type: wait
                    http: {url: "http://localhost:%2$d%3$s"}
                    every: 30s
                    timeout: 5m
                  - {name: done, type: notify, message: "healthy again"}
                guardrails: {allowedHosts: [localhost]}
                """.formatted(svc, target.port(), path));
        IncidentOpened incident = RemediationHarness.opened(svc, IncidentSeverity.SEV3);

        RemediationHarness.publish(incident, CLOCK);
        await().atMost(PATIENCE).until(() -> target.findAll(getRequestedFor(urlEqualTo(path))).size() == 1);
        CLOCK.advance(Duration.ofSeconds(30));
        JsonNode run = finishedRun(incident.incidentId());

        assertThat(run.path("state").asString()).isEqualTo("succeeded");
        assertThat(step(run, "healthy").path("output").asString()).isEqualTo("passed at look 2: HTTP 200: ok");
        assertThat(step(run, "healthy").path("description").asString()).isEqualTo(
                "wait up to PT5M, looking every PT30S, until: GET http://localhost:%d%s, expecting a 2xx status"
                        .formatted(target.port(), path));
        assertThat(target.findAll(getRequestedFor(urlEqualTo(path)))).hasSize(2);
    }

    @Test
    void aWaitWhoseCheckNeverPassesFailsAtItsTimeoutAndTheRunRollsBack() {
        String svc = unique();
        String path = "/" + svc + "/health";
        target.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(503).withBody("still down")));
        target.stubFor(post(urlEqualTo("/" + svc + "/undo")).willReturn(aResponse().withStatus(200)));
        putRunbook("""
                name: wait-%1$s
                trigger: {service: %1$s}
                steps:
                  - {name: note, type: notify, message: "trying"}
                  - name: healthy
                    type: wait
                    http: {url: "http://localhost:%2$d%3$s"}
                    every: 1m
                    timeout: 2m
                    onFailure: rollback
                rollback:
                  - {name: undo, type: action, http: {url: "http://localhost:%2$d/%1$s/undo"}}
                guardrails: {allowedHosts: [localhost]}
                """.formatted(svc, target.port(), path));
        IncidentOpened incident = RemediationHarness.opened(svc, IncidentSeverity.SEV3);

        RemediationHarness.publish(incident, CLOCK);
        await().atMost(PATIENCE).until(() -> target.findAll(getRequestedFor(urlEqualTo(path))).size() == 1);
        CLOCK.advance(Duration.ofMinutes(1));
        await().atMost(PATIENCE).until(() -> target.findAll(getRequestedFor(urlEqualTo(path))).size() == 2);
        CLOCK.advance(Duration.ofMinutes(1));
        JsonNode run = finishedRun(incident.incidentId());

        assertThat(run.path("state").asString()).isEqualTo("rolled_back");
        assertThat(step(run, "healthy").path("output").asString())
                .isEqualTo("did not pass within PT2M (3 looks); last: HTTP 503: still down");
        assertThat(target.findAll(postRequestedFor(urlEqualTo("/" + svc + "/undo")))).hasSize(1);
    }

    @Test
    void aStepWhoseConditionDoesNotHoldIsSkippedAndOneWhoseConditionHoldsRuns() {
        String svc = unique();
        target.stubFor(get(urlEqualTo("/" + svc + "/health")).willReturn(aResponse().withStatus(500)));
        target.stubFor(post(urlEqualTo("/" + svc + "/restart")).willReturn(aResponse().withStatus(202)));
        target.stubFor(post(urlEqualTo("/" + svc + "/page-dba")).willReturn(aResponse().withStatus(202)));
        putRunbook("""
                name: cond-%1$s
                trigger: {service: %1$s}
                steps:
                  - {name: probe, type: check, http: {url: "http://localhost:%2$d/%1$s/health"}, onFailure: continue}
                  - name: restart
                    type: action
                    when: {step: probe, outcome: failed, value: "{{labels.env}}", equals: prod}
                    http: {url: "http://localhost:%2$d/%1$s/restart"}
                  - name: page-dba
                    type: action
                    when: {value: "{{labels.component}}", equals: database}
                    http: {url: "http://localhost:%2$d/%1$s/page-dba"}
                guardrails: {allowedHosts: [localhost]}
                """.formatted(svc, target.port()));
        UUID id = UUID.randomUUID();
        IncidentOpened incident = new IncidentOpened(id, 7, "trouble on " + svc, svc, IncidentSeverity.SEV3,
                Urgency.HIGH, "v1:" + id, UUID.randomUUID(), Instant.parse("2026-06-01T10:00:00Z"),
                Map.of("env", "prod", "component", "web"));

        RemediationHarness.publish(incident, CLOCK);
        JsonNode run = finishedRun(incident.incidentId());

        assertThat(run.path("state").asString()).isEqualTo("succeeded");
        assertThat(step(run, "restart").path("state").asString()).isEqualTo("succeeded");
        assertThat(step(run, "page-dba").path("state").asString()).isEqualTo("skipped");
        assertThat(step(run, "page-dba").path("output").asString())
                .isEqualTo("skipped: it runs only when {{labels.component}} is 'database'");
        assertThat(target.findAll(postRequestedFor(urlEqualTo("/" + svc + "/restart")))).hasSize(1);
        assertThat(target.findAll(postRequestedFor(urlEqualTo("/" + svc + "/page-dba")))).isEmpty();
    }

    @Test
    void secretsAreReadByReferenceWhenTheStepRunsAndNeverShown() {
        String svc = unique();
        kubectl.secrets().inNamespace("shop").resource(new SecretBuilder().withNewMetadata().withName(svc + "-db")
                .withNamespace("shop").endMetadata()
                .addToData("password", Base64.getEncoder().encodeToString("s3cret-from-k8s".getBytes(
                        StandardCharsets.UTF_8)))
                .build()).create();
        target.stubFor(post(urlEqualTo("/" + svc + "/flush")).willReturn(aResponse().withStatus(200)));
        putRunbook("""
                name: secret-%1$s
                trigger: {service: %1$s}
                secrets:
                  apiToken: {env: CHECKOUT_API_TOKEN}
                  dbPassword: {kubernetes: {namespace: shop, name: %1$s-db, key: password}}
                steps:
                  - name: flush
                    type: action
                    http:
                      url: "http://localhost:%2$d/%1$s/flush"
                      headers: {Authorization: "Bearer {{secrets.apiToken}}"}
                      body: '{"password": "{{secrets.dbPassword}}"}'
                guardrails: {allowedHosts: [localhost], allowedNamespaces: [shop]}
                """.formatted(svc, target.port()));
        IncidentOpened incident = RemediationHarness.opened(svc, IncidentSeverity.SEV3);

        RemediationHarness.publish(incident, CLOCK);
        JsonNode run = finishedRun(incident.incidentId());

        assertThat(run.path("state").asString()).isEqualTo("succeeded");
        target.verify(1, postRequestedFor(urlEqualTo("/" + svc + "/flush"))
                .withHeader("Authorization", equalTo("Bearer token-from-the-environment"))
                .withRequestBody(equalToJson("{\"password\": \"s3cret-from-k8s\"}")));
        assertThat(run.toString()).doesNotContain("token-from-the-environment").doesNotContain("s3cret-from-k8s");
    }

    @Test
    void aSecretThatIsNotThereFailsTheStepNamingWhereItWasLookedFor() {
        String svc = unique();
        target.stubFor(post(urlEqualTo("/" + svc + "/flush")).willReturn(aResponse().withStatus(200)));
        putRunbook("""
                name: nosecret-%1$s
                trigger: {service: %1$s}
                secrets:
                  apiToken: {env: NOT_SET_ANYWHERE}
                steps:
                  - name: flush
                    type: action
                    http:
                      url: "http://localhost:%2$d/%1$s/flush"
                      headers: {Authorization: "Bearer {{secrets.apiToken}}"}
                guardrails: {allowedHosts: [localhost]}
                """.formatted(svc, target.port()));
        IncidentOpened incident = RemediationHarness.opened(svc, IncidentSeverity.SEV3);

        RemediationHarness.publish(incident, CLOCK);
        JsonNode run = finishedRun(incident.incidentId());

        assertThat(run.path("state").asString()).isEqualTo("failed");
        assertThat(step(run, "flush").path("output").asString())
                .isEqualTo("secret apiToken: environment variable NOT_SET_ANYWHERE is not set");
        assertThat(target.findAll(postRequestedFor(urlEqualTo("/" + svc + "/flush")))).isEmpty();
    }

    @Test
    void theOpeningAlertsLabelsAndAnnotationsFillTemplatesAlsoInARunStartedByHand() {
        String svc = unique();
        target.stubFor(post(urlEqualTo("/" + svc + "/notify")).willReturn(aResponse().withStatus(200)));
        target.stubFor(post(urlEqualTo("/" + svc + "/again")).willReturn(aResponse().withStatus(200)));
        putRunbook("""
                name: ann-%1$s
                trigger: {service: %1$s}
                steps:
                  - name: tell
                    type: action
                    http:
                      url: "http://localhost:%2$d/%1$s/notify"
                      body: '{"pod": "{{labels.pod}}", "runbook": "{{annotations.runbook_url}}"}'
                guardrails: {allowedHosts: [localhost]}
                """.formatted(svc, target.port()));
        putRunbook("""
                name: byhand-%1$s
                trigger: {service: nobody-%1$s}
                steps:
                  - name: tell
                    type: action
                    http:
                      url: "http://localhost:%2$d/%1$s/again"
                      body: '{"pod": "{{labels.pod}}", "runbook": "{{annotations.runbook_url}}"}'
                guardrails: {allowedHosts: [localhost]}
                """.formatted(svc, target.port()));
        UUID id = UUID.randomUUID();
        IncidentOpened incident = new IncidentOpened(id, 8, "pod crash looping", svc, IncidentSeverity.SEV3,
                Urgency.HIGH, "v1:" + id, UUID.randomUUID(), Instant.parse("2026-06-01T10:00:00Z"),
                Map.of("pod", "checkout-7d9f"), Map.of("runbook_url", "https://runbooks.example.com/crashloop"));
        String expected = "{\"pod\": \"checkout-7d9f\", \"runbook\": \"https://runbooks.example.com/crashloop\"}";

        RemediationHarness.publish(incident, CLOCK);
        finishedRun(incident.incidentId());
        HttpProbe.Response byHand = api.postJson("/v1/incidents/" + id + "/remediations",
                "{\"runbook\": \"byhand-%s\"}".formatted(svc));

        assertThat(byHand.status()).as(byHand.body()).isEqualTo(201);
        target.verify(1, postRequestedFor(urlEqualTo("/" + svc + "/notify")).withRequestBody(equalToJson(expected)));
        await().atMost(PATIENCE).untilAsserted(() -> target.verify(1,
                postRequestedFor(urlEqualTo("/" + svc + "/again")).withRequestBody(equalToJson(expected))));
    }
}
