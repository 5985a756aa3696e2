package io.vigil.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Configuration as code over REST, and the "who is on call" answers. Starts with the shipped example file. */
@SpringBootTest(classes = EscalationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=escalation-service",
                "vigil.escalation.config-file=classpath:escalation/example.yaml"})
class OnCallApiIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.shared().springProperties("escalation_api").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.kafka.consumer.group-id", () -> "escalation-api-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    @Test
    void aScheduleSaysWhoIsOnCallAtAGivenTime() {
        JsonNode weekday = get("/v1/schedules/checkout-primary/on-call?at=2026-01-12T10:00:00Z");
        assertThat(weekday.get("user").get("id").asString()).isEqualTo("carol");
        assertThat(weekday.get("user").get("email").asString()).isEqualTo("carol@example.com");
        JsonNode evening = get("/v1/schedules/checkout-primary/on-call?at=2026-01-12T20:00:00Z");
        assertThat(evening.get("user").get("id").asString()).isEqualTo("bob");
        JsonNode before = get("/v1/schedules/checkout-primary/on-call?at=2025-01-01T00:00:00Z");
        assertThat(before.get("user").isNull()).isTrue();
        assertThat(api().get("/v1/schedules/none/on-call").status()).isEqualTo(404);
    }

    @Test
    void aServiceSaysWhoEachLevelOfItsPolicyPages() {
        JsonNode onCall = get("/v1/on-call?service=checkout&at=2026-01-12T20:00:00Z");
        assertThat(onCall.get("policyId").asString()).isEqualTo("checkout");
        assertThat(onCall.get("levels").get(0).get("pages").get(0).get("user").get("id").asString()).isEqualTo("bob");
        assertThat(onCall.get("levels").get(2).get("pages").size()).isEqualTo(3);
        assertThat(api().get("/v1/on-call?service=unknown").status()).isEqualTo(404);
    }

    @Test
    void shiftsDrawTheCalendarOfADay() {
        JsonNode shifts = get("/v1/schedules/checkout-primary/shifts?from=2026-01-12T00:00:00Z&to=2026-01-13T00:00:00Z")
                .get("shifts");
        assertThat(shifts.valueStream().map(s -> s.get("userId").asString() + " " + s.get("start").asString()))
                .containsExactly("alice 2026-01-12T00:00:00Z", "carol 2026-01-12T09:00:00Z", "bob 2026-01-12T17:00:00Z");
        assertThat(api().get(
                "/v1/schedules/checkout-primary/shifts?from=2026-01-13T00:00:00Z&to=2026-01-12T00:00:00Z").status())
                .isEqualTo(400);
    }

    @Test
    void anInvalidDocumentIsRefusedWithEveryProblemAndNothingApplied() throws Exception {
        long before = get("/v1/config").get("version").asLong();
        HttpResponse<String> refused = put("/v1/config", "application/yaml", """
                users:
                  - {id: zed, email: zed@example.com, timeZone: UTC}
                policies:
                  - {id: p, levels: []}
                services:
                  checkout: p
                """);
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactly("policies[0].levels");
        assertThat(get("/v1/config").get("version").asLong()).isEqualTo(before);
        assertThat(api().get("/v1/users/zed").status()).isEqualTo(404);
        assertThat(get("/v1/users").valueStream().map(u -> u.get("id").asString())).contains("alice", "bob", "carol");
        assertThat(get("/v1/on-call?service=checkout").get("policyId").asString()).isEqualTo("checkout");
    }

    @Test
    void objectsAreEditedOneAtATimeAndAReferencedUserCannotBeRemoved() throws Exception {
        HttpResponse<String> created = put("/v1/users/dan", "application/json",
                "{\"name\":\"Dan\",\"email\":\"dan@example.com\",\"timeZone\":\"Australia/Sydney\"}");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(get("/v1/users/dan").get("timeZone").asString()).isEqualTo("Australia/Sydney");

        HttpResponse<String> override = put("/v1/schedules/dan-only", "application/json", """
                {"timeZone": "UTC", "layers": [{"rotation": "daily", "start": "2026-01-01", "handoff": "09:00",
                 "participants": ["dan"]}]}""");
        assertThat(override.statusCode()).isEqualTo(200);
        assertThat(get("/v1/schedules/dan-only/on-call?at=2026-02-01T12:00:00Z").get("user").get("id").asString())
                .isEqualTo("dan");

        HttpResponse<String> refused = delete("/v1/users/dan");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("schedules[1].layers[0].participants[0]").contains("unknown user 'dan'");
        assertThat(get("/v1/users/dan").get("email").asString()).isEqualTo("dan@example.com");

        HttpResponse<String> bound = put("/v1/services/dan-service", "application/json", "{\"policy\": \"checkout\"}");
        assertThat(bound.statusCode()).isEqualTo(200);
        assertThat(get("/v1/on-call?service=dan-service").get("policyId").asString()).isEqualTo("checkout");
        HttpResponse<String> unbound = put("/v1/services/dan-service", "application/json", "{\"policy\": \"nope\"}");
        assertThat(unbound.statusCode()).isEqualTo(400);
        assertThat(unbound.body()).contains("services.dan-service").contains("unknown policy 'nope'");

        HttpResponse<String> badPolicy = put("/v1/escalation-policies/bad", "application/json",
                "{\"levels\": [{\"delay\": \"-1m\", \"targets\": [{\"user\": \"ghost\"}]}]}");
        assertThat(badPolicy.statusCode()).isEqualTo(400);
        assertThat(badPolicy.body()).contains("policies[1].levels[0].delay").contains("policies[1].levels[0].targets[0].user");
        assertThat(api().get("/v1/escalation-policies/bad").status()).isEqualTo(404);
    }

    private JsonNode get(String path) {
        HttpProbe.Response response = api().get(path);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> put(String path, String contentType, String body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestTokens.bearer(TestTokens.ADMIN))
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestTokens.bearer(TestTokens.ADMIN)).DELETE().build());
    }

    /** Configuration changes need the admin role; the tests read with the same token. */
    private HttpProbe api() {
        return HttpProbe.localhost(port).withToken(TestTokens.ADMIN);
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
