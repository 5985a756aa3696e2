package io.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.MutableClock;
import io.vigil.testkit.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * SLA of a service with a 99.9 % target over November 2026, two customer-impacting incidents, figures checked by
 * hand; the policy API; impact validation.
 */
@SpringBootTest(classes = IncidentCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=incident-core",
                "spring.datasource.hikari.maximum-pool-size=4",
                "vigil.incident.sla.metrics-refresh=100ms",
                "vigil.incident.sla.services.storefront.tier=standard",
                "vigil.incident.sla.services.storefront.resolution-targets.SEV1=45m"})
@Import(SlaIT.ControlledTime.class)
// Its configuration is its own, so no other test reuses the context: closing it gives the shared Postgres
// its connections back.
@DirtiesContext
class SlaIT {

    private static final Infrastructure INFRA = Infrastructure.shared();
    private static final MutableClock CLOCK = MutableClock.at("2026-11-10T10:00:00Z");

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

    private Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void novemberWithTwoCustomerImpactingIncidentsGivesTheHandCheckedFigures() throws Exception {
        // Incident A, SEV1: opened 10 Nov 10:00, acknowledged 10:12 (12 min), resolved 10:50 (50 min).
        // Customers were hurt from 10:05 to 10:35 only: the start and end are edited to that, 30 min.
        CLOCK.set(Instant.parse("2026-11-10T10:00:00Z"));
        JsonNode a = declare("storefront", "SEV1", "Checkout fails");
        CLOCK.set(Instant.parse("2026-11-10T10:12:00Z"));
        assertThat(api.post("/v1/incidents/" + a.get("id").asString() + "/acknowledge", "alice").status())
                .isEqualTo(200);
        CLOCK.set(Instant.parse("2026-11-10T10:50:00Z"));
        assertThat(api.post("/v1/incidents/" + a.get("id").asString() + "/resolve", "alice").status())
                .isEqualTo(200);
        Api.Answer impactA = api.put("/v1/incidents/" + a.get("id").asString() + "/impact", "alice",
                "{\"customerImpacting\":true,\"start\":\"2026-11-10T10:05:00Z\",\"end\":\"2026-11-10T10:35:00Z\"}");
        assertThat(impactA.status()).isEqualTo(200);
        assertThat(impactA.json().get("startFromIncident").asBoolean()).isFalse();
        JsonNode timeline = api.get("/v1/incidents/" + a.get("id").asString() + "/timeline").json();
        assertThat(timeline.get(timeline.size() - 1).get("kind").asString()).isEqualTo("impact");
        assertThat(timeline.get(timeline.size() - 1).get("summary").asString()).isEqualTo(
                "Marked customer-impacting from 2026-11-10T10:05:00Z to 2026-11-10T10:35:00Z");

        // Incident B, SEV3: opened 20 Nov 15:00, acknowledged 15:10, resolved 15:20. Marked customer-impacting
        // while still open, without times: its impact follows the incident, 15:00 to the resolution, 20 min.
        CLOCK.set(Instant.parse("2026-11-20T15:00:00Z"));
        JsonNode b = declare("storefront", "SEV3", "Search slow");
        String bId = b.get("id").asString();
        CLOCK.set(Instant.parse("2026-11-20T15:10:00Z"));
        api.post("/v1/incidents/" + bId + "/acknowledge", "bob");
        Api.Answer openImpact = api.put("/v1/incidents/" + bId + "/impact", "bob", "{\"customerImpacting\":true}");
        assertThat(openImpact.status()).isEqualTo(200);
        assertThat(openImpact.json().get("start").asString()).isEqualTo("2026-11-20T15:00:00Z");
        assertThat(openImpact.json().get("end").isNull()).isTrue();
        CLOCK.set(Instant.parse("2026-11-20T15:20:00Z"));
        api.post("/v1/incidents/" + bId + "/resolve", "bob");

        // Incident C, SEV4, 25 Nov, 2 hours long but marked not customer-impacting: no downtime.
        CLOCK.set(Instant.parse("2026-11-25T09:00:00Z"));
        JsonNode c = declare("storefront", "SEV4", "Batch job late");
        CLOCK.set(Instant.parse("2026-11-25T09:30:00Z"));
        api.post("/v1/incidents/" + c.get("id").asString() + "/acknowledge", "carol");
        CLOCK.set(Instant.parse("2026-11-25T11:00:00Z"));
        api.post("/v1/incidents/" + c.get("id").asString() + "/resolve", "carol");
        assertThat(api.put("/v1/incidents/" + c.get("id").asString() + "/impact", "carol",
                "{\"customerImpacting\":false}").status()).isEqualTo(200);

        CLOCK.set(Instant.parse("2026-12-01T00:00:00Z"));
        JsonNode report = api.get("/v1/services/storefront/sla?month=2026-11").json();

        // November has 30 days = 30 × 24 × 60 = 43 200 min. Downtime 30 + 20 = 50 min (C does not count).
        // Availability = (43 200 − 50) / 43 200 = 99.88426 %.
        // Budget at 99.9 %: 0.1 % of 43 200 = 43.2 min; spent 50 (115.74 %), left 43.2 − 50 = −6.8 min (−15.74 %).
        // Burn rate: spent fraction 50 / 43.2 over elapsed fraction 1 (the month is over) = 1.15741.
        // Credit: 99.884 % is below 99.9 % but not below 99.0 %: 10 %.
        // Breaches: A (SEV1) acknowledged after 12 min > 5 min target, resolved after 50 min > 45 min target;
        // B (SEV3) 10 min ≤ 30 and 20 min ≤ 24 h; C (SEV4) 30 min ≤ 60 and 2 h ≤ 72 h.
        assertThat(report.get("period").get("from").asString()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(report.get("period").get("to").asString()).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(report.get("inProgress").asBoolean()).isFalse();
        assertThat(report.get("downtimeMinutes").asDouble()).isCloseTo(50.0, within(1e-9));
        assertThat(report.get("availabilityPercent").asDouble()).isCloseTo(99.884259259, within(1e-8));
        JsonNode budget = report.get("budget");
        assertThat(budget.get("totalMinutes").asDouble()).isCloseTo(43.2, within(1e-9));
        assertThat(budget.get("spentMinutes").asDouble()).isCloseTo(50.0, within(1e-9));
        assertThat(budget.get("leftMinutes").asDouble()).isCloseTo(-6.8, within(1e-9));
        assertThat(budget.get("spentPercent").asDouble()).isCloseTo(115.740740741, within(1e-8));
        assertThat(budget.get("leftPercent").asDouble()).isCloseTo(-15.740740741, within(1e-8));
        assertThat(report.get("burnRate").asDouble()).isCloseTo(1.157407407, within(1e-8));
        assertThat(report.get("creditPercent").asDouble()).isEqualTo(10.0);
        assertThat(report.get("impacts")).hasSize(2);

        JsonNode sev1 = report.get("breaches").get(0);
        assertThat(sev1.get("severity").asString()).isEqualTo("SEV1");
        assertThat(sev1.get("incidents").asInt()).isEqualTo(1);
        assertThat(sev1.get("response")).hasSize(1);
        assertThat(sev1.get("response").get(0).get("incidentId").asString()).isEqualTo(a.get("id").asString());
        assertThat(sev1.get("response").get(0).get("targetMinutes").asDouble()).isEqualTo(5.0);
        assertThat(sev1.get("response").get(0).get("actualMinutes").asDouble()).isEqualTo(12.0);
        assertThat(sev1.get("resolution")).hasSize(1);
        assertThat(sev1.get("resolution").get(0).get("targetMinutes").asDouble()).isEqualTo(45.0);
        assertThat(sev1.get("resolution").get(0).get("actualMinutes").asDouble()).isEqualTo(50.0);
        for (int severity = 1; severity < 5; severity++) {
            assertThat(report.get("breaches").get(severity).get("response")).isEmpty();
            assertThat(report.get("breaches").get(severity).get("resolution")).isEmpty();
        }
        assertThat(report.get("breaches").get(2).get("incidents").asInt()).isEqualTo(1);

        String markdown = markdown("/v1/services/storefront/sla?month=2026-11");
        long number = a.get("number").asLong();
        assertThat(markdown)
                .startsWith("# SLA report: storefront, month 2026-11")
                .contains("| Availability | 99.8843 % |")
                .contains("| Error budget | 43.2 min |")
                .contains("| Budget spent | 50.0 min (115.7 %) |")
                .contains("| Budget left | -6.8 min (-15.7 %) |")
                .contains("| Burn rate | 1.16 |")
                .contains("| Service credit | 10 % |")
                .contains("| SEV1 | 1 | 5 min | #" + number + " (12.0 min) | 45 min | #" + number + " (50.0 min) |")
                .doesNotContain("In progress");

        // The rolling 30 days ending 1 Dec 00:00 are exactly November: the gauges show the same budget.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String scrape = HttpProbe.localhost(port).get("/actuator/prometheus").body();
            assertThat(gauge(scrape, "vigil_sla_error_budget_remaining_ratio\\{service=\"storefront\"\\}"))
                    .isCloseTo(-0.157407407, within(1e-8));
            assertThat(gauge(scrape, "vigil_sla_burn_rate\\{service=\"storefront\",window=\"30d\"\\}"))
                    .isCloseTo(1.157407407, within(1e-8));
        });
    }

    @Test
    void aMonthInProgressIsComputedUpToNowAndSaysSo() throws Exception {
        CLOCK.set(Instant.parse("2026-11-03T00:00:00Z"));
        JsonNode report = api.get("/v1/services/nothing-happened/sla?month=2026-11").json();

        assertThat(report.get("inProgress").asBoolean()).isTrue();
        assertThat(report.get("measuredUntil").asString()).isEqualTo("2026-11-03T00:00:00Z");
        assertThat(report.get("availabilityPercent").asDouble()).isEqualTo(100.0);
        assertThat(markdown("/v1/services/nothing-happened/sla?month=2026-11"))
                .contains("**In progress:** figures are up to 2026-11-03T00:00:00Z");
        HttpResponse<String> anything = fetch("/v1/services/nothing-happened/sla", "*/*");
        assertThat(anything.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(anything.body()).contains("\"label\":\"30d\"");
        assertThat(api.get("/v1/services/nothing-happened/sla?month=2026-12").json().get("errors").get(0)
                .get("field").asString()).isEqualTo("month");
        assertThat(api.get("/v1/services/nothing-happened/sla?window=thirty").json().get("errors").get(0)
                .get("field").asString()).isEqualTo("window");
    }

    @Test
    void onlyAnAdminSetsAPolicyAndWhatIsLeftOutComesFromTheConfiguration() {
        HttpProbe responder = HttpProbe.localhost(port).withToken(TestTokens.RESPONDER);
        assertThat(responder.putJson("/v1/services/billing/sla-policy", "{\"tier\":\"premium\"}").status())
                .isEqualTo(403);
        assertThat(api.get("/v1/services/billing/sla-policy").json().get("source").asString()).isEqualTo("default");

        Api.Answer set = api.put("/v1/services/billing/sla-policy", null,
                "{\"tier\":\"premium\",\"resolutionTargets\":{\"SEV2\":\"PT2H\"}}");

        assertThat(set.status()).isEqualTo(200);
        JsonNode policy = api.get("/v1/services/billing/sla-policy").json();
        assertThat(policy.get("source").asString()).isEqualTo("api");
        assertThat(policy.get("tier").asString()).isEqualTo("premium");
        assertThat(policy.get("availabilityTarget").asDouble()).isEqualTo(99.99);
        assertThat(policy.get("resolutionTargetMinutes").get("SEV2").asDouble()).isEqualTo(120.0);
        assertThat(policy.get("responseTargetMinutes").get("SEV1").asDouble()).isEqualTo(5.0);
        assertThat(policy.get("updatedBy").asString()).isNotBlank();

        Api.Answer tooHigh = api.put("/v1/services/billing/sla-policy", null, "{\"availabilityTarget\":100}");
        Api.Answer unknownTier = api.put("/v1/services/billing/sla-policy", null, "{\"tier\":\"gold\"}");
        assertThat(tooHigh.status()).isEqualTo(400);
        assertThat(tooHigh.json().get("errors").get(0).get("field").asString()).isEqualTo("availabilityTarget");
        assertThat(unknownTier.json().get("errors").get(0).get("field").asString()).isEqualTo("tier");
    }

    @Test
    void anImpactThatEndsBeforeItStartsOrLiesInTheFutureIsRefusedNamingTheField() {
        CLOCK.set(Instant.parse("2026-11-15T12:00:00Z"));
        String id = declare("checkout-" + UUID.randomUUID(), "SEV2", "Payments down").get("id").asString();

        Api.Answer backwards = api.put("/v1/incidents/" + id + "/impact", "alice",
                "{\"customerImpacting\":true,\"start\":\"2026-11-15T11:00:00Z\",\"end\":\"2026-11-15T10:00:00Z\"}");
        Api.Answer future = api.put("/v1/incidents/" + id + "/impact", "alice",
                "{\"customerImpacting\":true,\"start\":\"2026-11-15T13:00:00Z\"}");
        Api.Answer missing = api.put("/v1/incidents/" + id + "/impact", "alice", "{}");
        Api.Answer unknown = api.put("/v1/incidents/" + UUID.randomUUID() + "/impact", "alice",
                "{\"customerImpacting\":true}");

        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("end");
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("start");
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("customerImpacting");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.get("/v1/incidents/" + id + "/impact").json().get("customerImpacting").asBoolean()).isFalse();
    }

    private JsonNode declare(String service, String severity, String title) {
        Api.Answer declared = api.post("/v1/incidents", "alice",
                "{\"title\":\"%s\",\"service\":\"%s\",\"severity\":\"%s\"}".formatted(title, service, severity));
        assertThat(declared.status()).isEqualTo(201);
        return declared.json();
    }

    private String markdown(String path) throws Exception {
        HttpResponse<String> response = fetch(path, "text/markdown");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/markdown"));
        return response.body();
    }

    private HttpResponse<String> fetch(String path, String accept) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", TestTokens.bearer(TestTokens.VIEWER))
                        .header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double gauge(String scrape, String series) {
        Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scrape);
        assertThat(matcher.find()).as("series %s in the scrape", series).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
