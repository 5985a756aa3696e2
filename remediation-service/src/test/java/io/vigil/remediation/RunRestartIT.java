package io.vigil.remediation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.vigil.remediation.RemediationHarness.INFRA;
import static io.vigil.remediation.RemediationHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.remediation.runbook.application.InvalidRunbook;
import io.vigil.testkit.MutableClock;
import io.vigil.testkit.PostgresEndpoint;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Runbook files loaded at start, and runs that outlive the process that started them. */
class RunRestartIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final MutableClock CLOCK = MutableClock.at("2026-06-01T10:00:00Z");
    private WireMockServer target;

    @BeforeEach
    void startTarget() {
        target = new WireMockServer(options().dynamicPort());
        target.start();
        target.stubFor(post(urlPathMatching("/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @AfterEach
    void stopTarget() {
        target.stop();
    }

    @Test
    void aRunInterruptedByARestartGoesOnAndNoFinishedStepRunsTwice() {
        String svc = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        String runbook = """
                name: %1$s
                trigger: {service: %1$s}
                steps:
                  - {name: scale-up, type: action, http: {url: "http://localhost:%2$d/scale-up"}}
                  - {name: settle, type: wait, duration: 10m}
                  - {name: announce, type: action, http: {url: "http://localhost:%2$d/announce"}}
                guardrails: {allowedHosts: [localhost]}
                """.formatted(svc, target.port());
        PostgresEndpoint database = INFRA.postgres().createDatabase("remediation_restart");
        String group = "remediation-restart-" + UUID.randomUUID();
        IncidentOpened incident = RemediationHarness.opened(svc, IncidentSeverity.SEV3);

        ConfigurableApplicationContext first = RemediationHarness.start(database, group, CLOCK, runbook);
        String runId;
        try {
            RemediationHarness.publish(incident, CLOCK);
            JsonNode waiting = await().atMost(PATIENCE).until(() -> {
                JsonNode runs = json(RemediationHarness.api(first).get("/v1/remediation-runs?incident="
                        + incident.incidentId()).body());
                return runs.size() == 1 ? runs.get(0) : null;
            }, run -> run != null && run.path("steps").get(1).path("attempts").asInt() == 1);
            runId = waiting.path("id").asString();
            target.verify(1, postRequestedFor(urlEqualTo("/scale-up")));
        } finally {
            first.close();
        }

        CLOCK.advance(Duration.ofMinutes(11));
        ConfigurableApplicationContext second = RemediationHarness.start(database, group, CLOCK, runbook);
        try {
            JsonNode run = await().atMost(PATIENCE).until(() -> json(RemediationHarness.api(second)
                    .get("/v1/remediation-runs/" + runId).body()), r -> "succeeded".equals(r.path("state").asString()));
            assertThat(run.path("steps")).extracting(s -> s.path("state").asString())
                    .containsExactly("succeeded", "succeeded", "succeeded");
            target.verify(1, postRequestedFor(urlEqualTo("/scale-up")));
            target.verify(1, postRequestedFor(urlEqualTo("/announce")));
            assertThat(json(RemediationHarness.api(second).get("/v1/runbooks/" + svc).body()).path("version").asInt())
                    .as("the same file again adds no version").isEqualTo(1);
        } finally {
            second.close();
        }
    }

    @Test
    void anInvalidRunbookFileStopsTheStartListingEveryProblemOfEveryFile() {
        String outside = """
                name: outside
                trigger: {service: checkout}
                steps:
                  - {name: call, type: action, http: {url: "http://evil.example.com/x"}}
                guardrails: {allowedHosts: [checkout.shop.svc]}
                """;
        String unknownType = """
                name: unknown
                trigger: {service: checkout}
                steps:
                  - {name: wipe, type: format-disk}
                """;

        assertThatThrownBy(() -> RemediationHarness.start(INFRA.postgres().createDatabase("remediation_invalid"),
                "remediation-invalid-" + UUID.randomUUID(), CLOCK, outside, unknownType))
                .rootCause().isInstanceOfSatisfying(InvalidRunbook.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactlyInAnyOrder(
                                "runbook-0.yaml: steps[0].http.url", "runbook-1.yaml: steps[0].type"));
    }

    @Test
    void theDemoRunbookRunsOnACheckoutIncidentInDryRunAndWritesOnTheIncident() {
        ConfigurableApplicationContext demo = RemediationHarness.start(
                INFRA.postgres().createDatabase("remediation_demo"), "remediation-demo-" + UUID.randomUUID(), CLOCK,
                java.util.Map.of("vigil.remediation.runbooks",
                        "classpath:runbooks/remediation-service/checkout-demo.yaml"));
        try (io.vigil.testkit.TopicRecorder commands = io.vigil.testkit.TopicRecorder.record(
                INFRA.kafka().bootstrapServers(), io.vigil.contracts.Topics.INCIDENT_COMMANDS)) {
            IncidentOpened incident = RemediationHarness.opened("checkout", IncidentSeverity.SEV2);
            RemediationHarness.publish(incident, CLOCK);
            await().atMost(PATIENCE).until(() -> json(RemediationHarness.api(demo).get("/v1/remediation-runs?incident="
                    + incident.incidentId()).body()), runs -> runs.size() == 1
                    && runs.get(0).path("steps").get(3).path("state").asString().equals("due")
                    && runs.get(0).path("steps").get(3).path("attempts").asInt() == 1);
            CLOCK.advance(Duration.ofSeconds(31));

            JsonNode run = await().atMost(PATIENCE).until(() -> json(RemediationHarness.api(demo)
                    .get("/v1/remediation-runs?incident=" + incident.incidentId()).body()).get(0),
                    r -> "succeeded".equals(r.path("state").asString()));
            assertThat(run.path("dryRun").asBoolean()).isTrue();
            assertThat(run.path("steps").get(2).path("output").asString()).startsWith("dry run, not executed: POST");
            await().atMost(PATIENCE).until(() -> RemediationHarness.about(commands, incident.incidentId()).size() == 2);
            assertThat(RemediationHarness.about(commands, incident.incidentId()))
                    .allSatisfy(m -> assertThat(m).isInstanceOfSatisfying(io.vigil.contracts.AddNote.class,
                            note -> assertThat(note.text()).startsWith("[dry run] Runbook checkout-demo: ")));
        } finally {
            demo.close();
        }
    }
}
