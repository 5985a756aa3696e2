package io.vigil.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vigil.contracts.NotificationOutcome.Status;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.Urgency;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Outgoing webhooks: signed CloudEvents to allowed targets, refusals for internal ones. */
class WebhookIT extends NotificationIntegrationTest {

    private static final String SECRET = "whsec-0123456789abcdef";

    private void webhookUser(String userId, String url) {
        assertThat(api().putJson("/v1/users/" + userId + "/contact-methods", """
                {"contactMethods": [{"id": "hook", "channel": "webhook", "address": "%s", "secret": "%s"}]}"""
                .formatted(url, SECRET)).status()).isEqualTo(200);
        assertThat(api().putJson("/v1/users/" + userId + "/notification-rules", """
                {"rules": [{"urgency": "high", "contactMethodId": "hook", "delay": "0s"}]}""").status()).isEqualTo(200);
    }

    @Test
    void aPageIsPostedAsASignedCloudEvent() throws Exception {
        SLACK.stubFor(post(urlPathEqualTo("/hooks/xena")).willReturn(aResponse().withStatus(202)));
        webhookUser("xena", "http://localhost:" + SLACK.port() + "/hooks/xena");
        NotificationRequested request = page("xena", null, null, Urgency.HIGH);
        send(request);

        await().atMost(PATIENCE).until(() -> !SLACK.findAll(postRequestedFor(urlPathEqualTo("/hooks/xena"))).isEmpty());
        LoggedRequest hook = SLACK.findAll(postRequestedFor(urlPathEqualTo("/hooks/xena"))).getFirst();
        assertThat(hook.getHeader("Content-Type")).startsWith("application/cloudevents+json");
        String body = hook.getBodyAsString();
        String header = hook.getHeader("X-Vigil-Signature");
        long t = CLOCK.instant().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(header).isEqualTo("t=" + t + ",v1="
                + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8))));

        JsonNode event = JSON.readTree(body);
        assertThat(event.get("specversion").asString()).isEqualTo("1.0");
        assertThat(event.get("type").asString()).isEqualTo("io.vigil.notification.page");
        assertThat(event.get("subject").asString()).isEqualTo(request.incidentId().toString());
        assertThat(event.get("data").get("number").asLong()).isEqualTo(request.number());
        assertThat(event.get("data").get("severity").asString()).isEqualTo("SEV2");
        await().atMost(PATIENCE).until(() -> statusesOf(request.incidentId()).contains(Status.SENT));
    }

    @Test
    void aTargetOnAnInternalAddressIsRefusedAndTheDeliveryFailsVisibly() {
        webhookUser("yuri", "http://127.0.0.1:" + SLACK.port() + "/hooks/yuri");
        NotificationRequested request = page("yuri", null, null, Urgency.HIGH);
        send(request);

        await().atMost(PATIENCE).until(() -> statusesOf(request.incidentId()).contains(Status.FAILED));
        assertThat(outcomesOf(request.incidentId()).getFirst().reason())
                .startsWith("webhook target 127.0.0.1 resolves to internal address 127.0.0.1");
        List<LoggedRequest> calls = SLACK.findAll(postRequestedFor(urlPathEqualTo("/hooks/yuri")));
        assertThat(calls).isEmpty();
    }
}
