package io.vigil.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.MutableClock;
import io.vigil.testkit.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
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
import tools.jackson.databind.json.JsonMapper;

/** Communication templates through the API: rendered with an incident, edited by an admin, refused when wrong. */
@SpringBootTest(classes = IncidentCoreApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=incident-core")
@Import(CommunicationTemplateIT.ControlledTime.class)
@DirtiesContext
class CommunicationTemplateIT {

    private static final Infrastructure INFRA = Infrastructure.shared();
    private static final MutableClock CLOCK = MutableClock.at("2026-11-23T14:05:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    void theFiveTemplatesAreListedWithTheirPlaceholdersForAViewer() {
        HttpProbe.Response response = HttpProbe.localhost(port).withToken(TestTokens.VIEWER).get("/v1/templates");

        assertThat(response.status()).isEqualTo(200);
        JsonNode templates = JSON.readTree(response.body());
        assertThat(templates.findValuesAsString("name")).containsExactly("internal-alert", "customer-start",
                "customer-update", "customer-resolved", "executive-briefing");
        assertThat(templates.get(0).get("placeholders").propertyNames()).contains("number", "title", "service",
                "severity", "status", "openedAt", "duration", "commander", "latestNote", "impact", "message");
        assertThat(templates.get(0).get("custom").asBoolean()).isFalse();
    }

    @Test
    void anIncidentRendersIntoTheDefaultCustomerUpdateAndExecutiveBriefing() {
        String id = declare("Checkout payments failing", "SEV2");
        api.put("/v1/incidents/" + id + "/roles/incident-commander", "erin", "{\"assignee\":\"erin\"}");
        api.post("/v1/incidents/" + id + "/status", "erin", "{\"status\":\"investigating\"}");
        api.post("/v1/incidents/" + id + "/notes", "erin", "{\"text\":\"Card processor times out; failing over\"}");
        CLOCK.advance(Duration.ofMinutes(80));

        Api.Answer update = api.post("/v1/incidents/" + id + "/communications/customer-update", "erin",
                "{\"message\":\"We have found the cause and are failing over to a second processor.\"}");
        Api.Answer briefing = api.post("/v1/incidents/" + id + "/communications/executive-briefing", "erin",
                "{\"impact\":\"About 30% of card payments fail\"}");

        assertThat(update.status()).isEqualTo(200);
        assertThat(update.json().get("text").asString()).isEqualTo("""
                Update: Checkout payments failing
                We have found the cause and are failing over to a second processor.
                Current status: investigating. Next update within 30 min.
                """);
        assertThat(briefing.json().get("text").asString()).contains(
                "Executive briefing: #",
                "Checkout payments failing (SEV2)",
                "Status: investigating, open since 2026-11-23 14:05 UTC (1 h 20 min)",
                "Impact: About 30% of card payments fail",
                "Incident commander: erin",
                "Latest: Card processor times out; failing over");
    }

    @Test
    void anAdminEditsATemplateAndTheNextRenderingUsesIt() {
        String id = declare("Search is slow", "SEV3");
        String edited = "{\"body\":\"{{service}} is degraded ({{severity}}, {{status}}).{{#message}} {{message}}{{/message}}\"}";

        assertThat(api.put("/v1/templates/customer-start", "alice", edited).status()).isEqualTo(403);
        Api.Answer saved = api.put("/v1/templates/customer-start", null, edited);

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("custom").asBoolean()).isTrue();
        assertThat(saved.json().get("updatedBy").asString()).isEqualTo("test-admin");
        String service = api.get("/v1/incidents/" + id).json().get("service").asString();
        assertThat(api.get("/v1/incidents/" + id + "/communications/customer-start?message=We%20are%20on%20it")
                .json().get("text").asString())
                .isEqualTo(service + " is degraded (SEV3, triggered). We are on it");

        assertThat(api.delete("/v1/templates/customer-start", null).json().get("custom").asBoolean()).isFalse();
        assertThat(api.post("/v1/incidents/" + id + "/communications/customer-start", "alice").json().get("text")
                .asString()).startsWith("Investigating: Search is slow\nWe are investigating an issue affecting "
                        + service + ". It started at ");
    }

    @Test
    void aTemplateWithAnUnknownPlaceholderIsRefusedNamingItAndNothingChanges() {
        String before = api.get("/v1/templates/internal-alert").json().get("body").asString();

        Api.Answer refused = api.put("/v1/templates/internal-alert", null,
                "{\"body\":\"#{{number}} {{title}}: ETA {{eta}}\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("placeholder").asString()).isEqualTo("eta");
        assertThat(refused.json().get("detail").asString()).contains("'body'").contains("unknown placeholder {{eta}}");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(api.get("/v1/templates/internal-alert").json().get("body").asString()).isEqualTo(before);
    }

    @Test
    void aTemplateThatIsNotMustacheOrARenderingValueThatIsNotAllowedIsRefused() {
        String id = declare("Login errors", "SEV4");

        Api.Answer unclosed = api.put("/v1/templates/internal-alert", null, "{\"body\":\"{{#commander}} leads\"}");
        Api.Answer foreign = api.post("/v1/incidents/" + id + "/communications/internal-alert", "alice",
                "{\"title\":\"something else\"}");

        assertThat(unclosed.status()).isEqualTo(400);
        assertThat(unclosed.json().get("detail").asString()).contains("'body'").contains("not a valid Mustache");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().get("placeholder").asString()).isEqualTo("title");
        assertThat(api.get("/v1/templates/press-release").status()).isEqualTo(404);
    }

    private String declare(String title, String severity) {
        Api.Answer created = api.post("/v1/incidents", "erin",
                "{\"title\":\"%s\",\"service\":\"shop-%s\",\"severity\":\"%s\"}".formatted(title, UUID.randomUUID(),
                        severity));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
