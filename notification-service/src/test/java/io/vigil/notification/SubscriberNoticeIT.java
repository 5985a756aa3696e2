package io.vigil.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.SubscriberNoticeRequested;
import io.vigil.contracts.Topics;
import io.vigil.testkit.TopicRecorder;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Status-page subscribers: a notice from incident-core becomes one e-mail or one webhook POST of the notice's JSON,
 * once per notice however often it is delivered, retried like any delivery when the receiver is down for a while.
 */
class SubscriberNoticeIT extends NotificationIntegrationTest {

    @Test
    void aWebhookSubscriberReceivesTheNoticeJsonOnceEvenWhenTheNoticeIsReplayed() {
        UUID subscription = UUID.randomUUID();
        String url = "http://localhost:" + SLACK.port() + "/status-hooks/" + subscription;
        SLACK.stubFor(post(urlPathEqualTo("/status-hooks/" + subscription)).willReturn(aResponse().withStatus(204)));
        SubscriberNoticeRequested first = notice(subscription, "webhook", url, "Identified");
        SubscriberNoticeRequested second = notice(subscription, "webhook", url, "Resolved");

        send(first);
        send(first);
        send(second);

        await().atMost(PATIENCE).until(() -> hooks(subscription).size() >= 2);
        List<LoggedRequest> received = hooks(subscription);
        assertThat(received).hasSize(2);
        assertThat(received.getFirst().getHeader("Content-Type")).startsWith("application/json");
        assertThat(received).extracting(LoggedRequest::getBodyAsString)
                .containsExactlyInAnyOrder(first.json(), second.json());
        assertThat(jdbc.queryForObject("select count(*) from delivery where request_id = ? and status = 'SENT'",
                Integer.class, first.noticeId())).isEqualTo(1);
    }

    @Test
    void anEmailSubscriberReceivesTheNoticeOnce() throws Exception {
        UUID subscription = UUID.randomUUID();
        String address = "subscriber-" + subscription + "@example.com";
        SubscriberNoticeRequested notice = notice(subscription, "email", address, "Monitoring");

        send(notice);
        send(notice);

        await().atMost(PATIENCE).until(() -> !mailsTo(address).isEmpty());
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from delivery where request_id = ? and status = 'SENT'", Integer.class,
                notice.noticeId()) == 1);
        List<MimeMessage> mails = mailsTo(address);
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst().getSubject()).isEqualTo("[Acme status] Checkout errors: Monitoring");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mails.getFirst()))
                .contains("Monitoring: we are watching the fix.");
        assertThat(mails.getFirst().getFrom()[0].toString()).isEqualTo("pager@vigil.test");
    }

    @Test
    void aWebhookThatIsDownForAWhileGetsTheNoticeOnTheRetrySchedule() {
        UUID subscription = UUID.randomUUID();
        String path = "/status-hooks/" + subscription;
        SLACK.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        SLACK.stubFor(post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
        SubscriberNoticeRequested notice = notice(subscription, "webhook", "http://localhost:" + SLACK.port() + path,
                "Investigating");

        send(notice);

        await().atMost(PATIENCE).until(() -> hooks(subscription).size() == 1);
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select attempts from delivery where request_id = ?", Integer.class, notice.noticeId()) == 1);
        assertThat(jdbc.queryForObject("select status from delivery where request_id = ?", String.class,
                notice.noticeId())).isEqualTo("PENDING");

        CLOCK.advance(Duration.ofSeconds(11));

        await().atMost(PATIENCE).until(() -> "SENT".equals(jdbc.queryForObject(
                "select status from delivery where request_id = ?", String.class, notice.noticeId())));
        assertThat(hooks(subscription)).hasSize(2);
        SLACK.verify(2, postRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson(notice.json())));
    }

    private static List<LoggedRequest> hooks(UUID subscription) {
        return SLACK.findAll(postRequestedFor(urlPathEqualTo("/status-hooks/" + subscription)));
    }

    /** A notice as incident-core sends it for one update of the public incident "Checkout errors". */
    private static SubscriberNoticeRequested notice(UUID subscription, String channel, String address,
            String status) {
        UUID update = UUID.randomUUID();
        UUID noticeId = StableIds.of("status-notice", update.toString(), subscription.toString());
        String body = switch (status) {
            case "Monitoring" -> "we are watching the fix.";
            default -> "update " + update;
        };
        String json = """
                {"page":{"id":"acme","status_indicator":"major","status_description":"Partial System Outage"},\
                "incident":{"name":"Checkout errors","status":"%s","incident_updates":[{"id":"%s","body":"%s"}]}}"""
                .formatted(status.toLowerCase(java.util.Locale.ROOT), update, body);
        return new SubscriberNoticeRequested(noticeId, subscription, channel, address,
                "[Acme status] Checkout errors: " + status, "Checkout errors\n\n" + status + ": " + body + "\n",
                json, CLOCK.instant());
    }

    private static void send(SubscriberNoticeRequested notice) {
        Envelope<SubscriberNoticeRequested> envelope = Envelope.of(notice.noticeId(),
                notice.subscriptionId().toString(), notice, CLOCK, null);
        TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.NOTIFICATION_REQUESTS,
                notice.subscriptionId().toString(), CODEC.encode(envelope));
    }
}
