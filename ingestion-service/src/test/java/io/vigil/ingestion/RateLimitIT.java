package io.vigil.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.contracts.Topics;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.TopicRecorder;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Intake with a rate limit of 5 events per minute per integration, on a clock the test moves. */
class RateLimitIT extends ClockedIntakeTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private HttpProbe.Response generic(String summary) {
        return new IntakeClient(port).postJson("/v1/alerts", SEEDED.key("generic"), """
                {"summary": "%s", "severity": "info"}""".formatted(summary));
    }

    private HttpProbe.Response pagerDuty() {
        return new IntakeClient(port).postJson("/v2/enqueue", null, """
                {"routing_key": "%s", "event_action": "trigger",
                 "payload": {"summary": "s", "source": "s", "severity": "info"}}""".formatted(SEEDED.key("pagerduty")));
    }

    private HttpProbe.Response webhook(int alerts) {
        StringBuilder group = new StringBuilder();
        for (int i = 0; i < alerts; i++) {
            group.append(i == 0 ? "" : ",").append("""
                    {"status": "firing", "labels": {"alertname": "A", "n": "%s"}, "fingerprint": "%s"}"""
                    .formatted(UUID.randomUUID(), UUID.randomUUID()));
        }
        return new IntakeClient(port).postJson("/api/v1/integrations/alertmanager", SEEDED.key("alertmanager"), """
                {"version": "4", "status": "firing", "alerts": [%s]}""".formatted(group));
    }

    @Test
    void integrationOverItsRateGets429WithRetryAfterUntilTheNextMinute() {
        CLOCK.advance(Duration.ofMinutes(20));
        try (TopicRecorder alerts = TopicRecorder.record(Infrastructure.shared().kafka().bootstrapServers(), Topics.ALERTS)) {
            for (int i = 0; i < 5; i++) {
                assertThat(generic("within " + i).status()).isEqualTo(202);
            }
            String over = "over-" + UUID.randomUUID();
            HttpProbe.Response refused = generic(over);

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("30");
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(json.readTree(refused.body()).get("detail").asString()).contains("over its rate limit");

            HttpProbe.Response otherIntegration = pagerDuty();
            assertThat(otherIntegration.status()).as("each integration has its own budget").isEqualTo(202);

            CLOCK.advance(Duration.ofMinutes(1));
            String next = "next-minute-" + UUID.randomUUID();
            assertThat(generic(next).status()).isEqualTo(202);
            alerts.awaitRecord(r -> r.value().contains(next), PATIENCE);
            assertThat(alerts.records()).noneMatch(r -> r.value().contains(over));
        }
    }

    @Test
    void pagerDutyClientOverItsRateGetsPagerDutysThrottleAnswer() {
        CLOCK.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) {
            assertThat(pagerDuty().status()).isEqualTo(202);
        }
        HttpProbe.Response refused = pagerDuty();

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        JsonNode answer = json.readTree(refused.body());
        assertThat(answer.get("status").asString()).isEqualTo("throttle exceeded");
    }

    @Test
    void alertmanagerGroupCountsEachOfItsAlerts() {
        CLOCK.advance(Duration.ofMinutes(10));
        assertThat(webhook(3).status()).isEqualTo(202);
        assertThat(webhook(3).status()).as("3 + 3 alerts is over 5").isEqualTo(429);
        assertThat(webhook(1).status()).as("the refused group still counted; 7 is over 5 too").isEqualTo(429);
    }
}
