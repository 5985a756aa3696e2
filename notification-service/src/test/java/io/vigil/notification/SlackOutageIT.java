package io.vigil.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.contracts.NotificationOutcome;
import io.vigil.contracts.NotificationOutcome.Status;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.Urgency;
import io.vigil.testkit.HttpProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Slack failing in the ways it does: retries on the clock, Retry-After, permanent errors, breaker and fallback. */
class SlackOutageIT extends NotificationIntegrationTest {

    private static void slackFor(String channel, String scenario, String fromState, String toState,
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        var stub = post(urlPathEqualTo("/api/chat.postMessage")).atPriority(1)
                .withFormParam("channel", equalTo(channel));
        if (scenario != null) {
            stub = stub.inScenario(scenario).whenScenarioStateIs(fromState).willSetStateTo(toState);
        }
        SLACK.stubFor(stub.willReturn(answer));
    }

    /** Slack answers the first page to the member so, and every later one with {@code ok}. */
    private static void slackFailsOnceFor(String member, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder
            failure) {
        slackFor(member, member, STARTED, "recovered", failure);
        slackFor(member, member, "recovered", "recovered",
                okJson("{\"ok\":true,\"channel\":\"D" + member + "\",\"ts\":\"1780000001.000200\"}"));
    }

    /**
     * The page failed once and was planned again {@code wait} after it was sent: one second of clock short of that
     * nothing goes to Slack, at {@code wait} the second attempt is sent.
     */
    private void assertRetriedOnlyAfter(NotificationRequested request, Instant sentAt, Duration wait, String member,
            String reason) {
        await().atMost(PATIENCE).until(() -> statusesOf(request.incidentId()).contains(Status.RETRYING));
        NotificationOutcome retrying = outcomesOf(request.incidentId()).getFirst();
        assertThat(retrying.reason()).isEqualTo(reason);
        assertThat(retrying.nextAttemptAt()).isEqualTo(sentAt.plus(wait));

        CLOCK.advance(wait.minusSeconds(1));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> slackPosts("chat.postMessage", member).size() == 1);
        CLOCK.advance(Duration.ofSeconds(1));
        await().atMost(PATIENCE).until(() -> statusesOf(request.incidentId()).contains(Status.SENT));
        assertThat(slackPosts("chat.postMessage", member)).hasSize(2);
        assertThat(statusesOf(request.incidentId())).containsExactly(Status.RETRYING, Status.SENT);
    }

    @Test
    void slackAnswering500ThenRecoveringDeliversOneMessageAfterTheTenSecondRetry() {
        slackFailsOnceFor("U0FLAKY", aResponse().withStatus(500).withBody("oops"));
        NotificationRequested request = page("flaky", "flaky@example.com", "U0FLAKY", Urgency.HIGH);
        Instant sentAt = CLOCK.instant();
        send(request);

        assertRetriedOnlyAfter(request, sentAt, Duration.ofSeconds(10), "U0FLAKY", "slack answered 500");
        assertThat(jdbc.queryForMap("select status, attempts, provider_ref from delivery where incident_id = ?",
                request.incidentId())).isEqualTo(Map.of("status", "SENT", "attempts", 2,
                "provider_ref", "DU0FLAKY:1780000001.000200"));
        assertThat(mailsTo("flaky@example.com")).isEmpty();
    }

    @Test
    void slackDownForGoodSpendsTheRetryScheduleThenTheFallbackEmailArrives() {
        slackFor("U0DOWN", null, null, null, aResponse().withStatus(503));
        NotificationRequested request = page("downer", "downer@example.com", "U0DOWN", Urgency.HIGH);
        send(request);

        Duration[] waits = {Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15)};
        for (int i = 0; i < waits.length; i++) {
            int attempts = i + 1;
            await().atMost(PATIENCE).until(() -> slackPosts("chat.postMessage", "U0DOWN").size() == attempts
                    && outcomesOf(request.incidentId()).size() == attempts);
            assertThat(mailsTo("downer@example.com")).isEmpty();
            CLOCK.advance(waits[i]);
        }
        await().atMost(PATIENCE).until(() -> mailsTo("downer@example.com").size() == 1);
        await().atMost(PATIENCE).until(() -> statusesOf(request.incidentId()).size() == 6);

        assertThat(slackPosts("chat.postMessage", "U0DOWN")).hasSize(5);
        assertThat(statusesOf(request.incidentId())).containsExactly(Status.RETRYING, Status.RETRYING,
                Status.RETRYING, Status.RETRYING, Status.FELL_BACK, Status.SENT);
        NotificationOutcome fellBack = outcomesOf(request.incidentId()).get(4);
        assertThat(fellBack.reason()).isEqualTo("retries spent: slack answered 503");
        assertThat(fellBack.fallbackChannel()).isEqualTo("email");
        assertThat(outcomesOf(request.incidentId()).get(5).channel()).isEqualTo("email");
    }

    @Test
    void aChannelThatDoesNotExistFailsAtOnceAndFallsBackToEmail() {
        slackFor("C0GONE", null, null, null, okJson("{\"ok\":false,\"error\":\"channel_not_found\"}"));
        NotificationRequested request = page("ghost", "ghost@example.com", "C0GONE", Urgency.HIGH);
        send(request);

        await().atMost(PATIENCE).until(() -> mailsTo("ghost@example.com").size() == 1);
        assertThat(slackPosts("chat.postMessage", "C0GONE")).hasSize(1);
        await().atMost(PATIENCE).until(() -> statusesOf(request.incidentId()).size() == 2);
        assertThat(statusesOf(request.incidentId())).containsExactly(Status.FELL_BACK, Status.SENT);
        assertThat(outcomesOf(request.incidentId()).getFirst().reason()).isEqualTo("slack: channel_not_found");
    }

    @Test
    void aRateLimitedMessageIsNotSentAgainBeforeRetryAfterHasPassedOnTheClock() {
        slackFailsOnceFor("U0BUSY", aResponse().withStatus(429).withHeader("Retry-After", "3"));
        NotificationRequested request = page("busy", "busy@example.com", "U0BUSY", Urgency.HIGH);
        Instant sentAt = CLOCK.instant();
        send(request);

        assertRetriedOnlyAfter(request, sentAt, Duration.ofSeconds(3), "U0BUSY", "slack rate limited, retry after 3s");
    }

    @Test
    void whileSlacksBreakerIsOpenPagesGoStraightToTheFallbackWithoutCallingSlack() {
        breakers.circuitBreaker("slack").transitionToOpenState();
        NotificationRequested request = page("tripped", "tripped@example.com", "U0TRIPPED", Urgency.HIGH);
        send(request);

        await().atMost(PATIENCE).until(() -> mailsTo("tripped@example.com").size() == 1);
        assertThat(slackPosts("chat.postMessage", "U0TRIPPED")).isEmpty();
        await().atMost(PATIENCE).until(() -> statusesOf(request.incidentId()).size() == 2);
        assertThat(outcomesOf(request.incidentId()).getFirst().reason()).isEqualTo("slack circuit breaker is open");
        assertThat(HttpProbe.localhost(port).get("/actuator/prometheus").body())
                .contains("vigil_notification_deliveries_total{channel=\"slack\",outcome=\"fell_back\"")
                .contains("resilience4j_circuitbreaker_state{name=\"slack\"");
    }

    @Test
    void whileSlacksBreakerIsOpenAPageWithNoOtherChannelWaitsForSlackInsteadOfFailing() {
        breakers.circuitBreaker("slack").transitionToOpenState();
        NotificationRequested request = page("slackonly", null, "U0SLACKONLY", Urgency.HIGH);
        send(request);

        await().atMost(PATIENCE).until(() -> statusesOf(request.incidentId()).contains(Status.RETRYING));
        assertThat(outcomesOf(request.incidentId()).getFirst().reason()).isEqualTo("slack circuit breaker is open");
        assertThat(statusesOf(request.incidentId())).doesNotContain(Status.FAILED);
        assertThat(slackPosts("chat.postMessage", "U0SLACKONLY")).isEmpty();

        breakers.circuitBreaker("slack").reset();
        CLOCK.advance(Duration.ofSeconds(11));
        await().atMost(PATIENCE).until(() -> statusesOf(request.incidentId()).contains(Status.SENT));
        assertThat(slackPosts("chat.postMessage", "U0SLACKONLY")).hasSize(1);
    }

    @Test
    void aFailedDeliveryIsListedAndCanBeRetriedByHand() {
        slackFor("C0ARCHIVED", "archived", STARTED, "restored", okJson("{\"ok\":false,\"error\":\"is_archived\"}"));
        slackFor("C0ARCHIVED", "archived", "restored", "restored", okJson("{\"ok\":true,\"channel\":\"C0ARCHIVED\",\"ts\":\"9.9\"}"));
        // Nobody to fall back to: no e-mail address on the page, no configured methods.
        NotificationRequested request = page("archivist", null, "C0ARCHIVED", Urgency.HIGH);
        send(request);
        await().atMost(PATIENCE).until(() -> statusesOf(request.incidentId()).contains(Status.FAILED));

        JsonNode mine = listedDelivery("failed", request.incidentId());
        assertThat(mine.get("status").asString()).isEqualTo("failed");
        assertThat(mine.get("lastError").asString()).isEqualTo("slack: is_archived");
        assertThat(mine.get("channel").asString()).isEqualTo("slack");
        String id = mine.get("id").asString();

        HttpProbe.Response retried = api().post("/v1/deliveries/" + id + "/retry", "application/json", "");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> statusesOf(request.incidentId()).size() == 3);
        assertThat(statusesOf(request.incidentId())).containsExactly(Status.FAILED, Status.RETRYING, Status.SENT);
        assertThat(deliveries(request.incidentId(), "SENT")).isEqualTo(1);

        HttpProbe.Response again = api().post("/v1/deliveries/" + id + "/retry", "application/json", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(api().post("/v1/deliveries/" + UUID.randomUUID() + "/retry", "application/json", "").status())
                .isEqualTo(404);
    }
}
