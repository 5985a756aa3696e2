package io.vigil.scenarios;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vigil.devstack.VigilService;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.TestTokens;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A public update reaches the status page's subscribers across services: incident-core publishes one notice per
 * subscriber through its outbox, notification-service posts it to a webhook and mails it.
 */
class StatusPageScenarioIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Vigil vigil;

    @BeforeAll
    static void startVigil() {
        vigil = Vigil.startAt("2026-03-10T10:00:00Z");
    }

    @AfterAll
    static void stopVigil() {
        if (vigil != null) {
            vigil.close();
        }
    }

    @Test
    void aWebhookAndAnEmailSubscriberReceiveAPublicUpdate() {
        vigil.slack.stubFor(post(urlPathEqualTo("/status-subscriber")).willReturn(aResponse().withStatus(200)));
        HttpProbe admin = vigil.api(VigilService.INCIDENT_CORE, TestTokens.ADMIN);
        HttpProbe alice = vigil.api(VigilService.INCIDENT_CORE, TestTokens.of("alice"));
        String component = id(admin.postJson("/v1/status-page/components", "{\"name\":\"Checkout API\"}"));
        id(alice.postJson("/v1/status-page/subscriptions", """
                {"channel":"webhook","address":"http://localhost:%d/status-subscriber"}""".formatted(
                vigil.slack.port())));
        id(alice.postJson("/v1/status-page/subscriptions",
                "{\"channel\":\"email\",\"address\":\"status-fan@example.com\"}"));

        String incident = id(alice.postJson("/v1/status-page/incidents", """
                {"name":"Checkout errors","body":"Some payments fail; we are investigating.",
                 "components":{"%s":"partial_outage"}}""".formatted(component)));

        await().atMost(PATIENCE).until(() -> !hooks().isEmpty());
        LoggedRequest hook = hooks().getFirst();
        assertThat(hook.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(hook.getBodyAsString());
        assertThat(body.get("page").get("status_indicator").asString()).isEqualTo("major");
        assertThat(body.get("incident").get("id").asString()).isEqualTo(incident);
        assertThat(body.get("incident").get("incident_updates").get(0).get("body").asString())
                .isEqualTo("Some payments fail; we are investigating.");
        await().atMost(PATIENCE).until(() -> vigil.emailsTo("status-fan@example.com"),
                subjects -> subjects.contains("[Vigil status] Checkout errors: Investigating"));
    }

    private static List<LoggedRequest> hooks() {
        return vigil.slack.findAll(postRequestedFor(urlPathEqualTo("/status-subscriber")));
    }

    private static String id(HttpProbe.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).get("id").asString();
    }
}
