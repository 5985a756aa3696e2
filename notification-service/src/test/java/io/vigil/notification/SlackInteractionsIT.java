package io.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.contracts.AcknowledgeIncident;
import io.vigil.contracts.Actor;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EscalateIncident;
import io.vigil.contracts.IncidentRef;
import io.vigil.contracts.Message;
import io.vigil.notification.response.domain.SlackSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Buttons pressed in Slack: only signed, fresh requests from known people become incident commands. */
class SlackInteractionsIT extends NotificationIntegrationTest {

    private static final SlackSignature SIGNER = new SlackSignature(SIGNING_SECRET, Duration.ofMinutes(5));
    private static final String FORM = "application/x-www-form-urlencoded";

    private static String buttonPress(String slackUser, String actionId, UUID incidentId) {
        String payload = """
                {"type":"block_actions","user":{"id":"%s","username":"someone"},"trigger_id":"t-%s",\
                "actions":[{"action_id":"%s","block_id":"incident:%s","value":"%s","type":"button",\
                "action_ts":"1780000000.%s"}]}""".formatted(slackUser, UUID.randomUUID(), actionId, incidentId,
                incidentId, Math.abs(incidentId.getLeastSignificantBits() % 100000));
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }

    private Http.Response post(String body, Map<String, String> headers) {
        return Http.send(port, "POST", "/v1/slack/interactions", FORM, body, headers);
    }

    private static Map<String, String> signed(String body, long timestamp) {
        String ts = Long.toString(timestamp);
        return Map.of("X-Slack-Request-Timestamp", ts,
                "X-Slack-Signature", SIGNER.sign(ts, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean commandFor(ConsumerRecord<String, String> record, UUID incidentId) {
        return incidentId.toString().equals(record.key());
    }

    @Test
    void aSignedAcknowledgeButtonFromAKnownMemberBecomesAnAcknowledgeCommand() {
        UUID incidentId = UUID.randomUUID();
        String body = buttonPress("U0SLACKER", "acknowledge", incidentId);

        Http.Response response = post(body, signed(body, CLOCK.instant().getEpochSecond()));

        assertThat(response.status()).isEqualTo(200);
        ConsumerRecord<String, String> record = commands.awaitRecord(r -> commandFor(r, incidentId),
                Duration.ofSeconds(20));
        Envelope<Message> envelope = CODEC.decode(record.value());
        assertThat(envelope.payload()).isInstanceOf(AcknowledgeIncident.class);
        AcknowledgeIncident command = (AcknowledgeIncident) envelope.payload();
        assertThat(command.incident()).isEqualTo(IncidentRef.byId(incidentId));
        assertThat(command.actor()).isEqualTo(new Actor("user", "slacker", "slack"));
        assertThat(envelope.eventId()).isEqualTo(command.commandId());
    }

    @Test
    void aReplayedSignedRequestWithinTheWindowSendsTheCommandOnce() {
        UUID incidentId = UUID.randomUUID();
        String body = buttonPress("U0SLACKER", "resolve", incidentId);
        Map<String, String> headers = signed(body, CLOCK.instant().getEpochSecond());

        assertThat(post(body, headers).status()).isEqualTo(200);
        assertThat(post(body, headers).status()).isEqualTo(200);

        commands.awaitRecord(r -> commandFor(r, incidentId), Duration.ofSeconds(20));
        UUID sentinel = UUID.randomUUID();
        String later = buttonPress("U0SLACKER", "acknowledge", sentinel);
        assertThat(post(later, signed(later, CLOCK.instant().getEpochSecond())).status()).isEqualTo(200);
        commands.awaitRecord(r -> commandFor(r, sentinel), Duration.ofSeconds(20));
        assertThat(commands.records().stream().filter(r -> commandFor(r, incidentId))).hasSize(1);
    }

    @Test
    void aMemberKnownOnlyFromTheirPagesCanEscalate() {
        send(page("paged-only", null, "U0PAGEDONLY", io.vigil.contracts.Urgency.HIGH));
        await().atMost(Duration.ofSeconds(20)).until(() -> slackPosts("chat.postMessage", "U0PAGEDONLY").size() == 1);
        UUID incidentId = UUID.randomUUID();
        String body = buttonPress("U0PAGEDONLY", "escalate", incidentId);

        assertThat(post(body, signed(body, CLOCK.instant().getEpochSecond())).status()).isEqualTo(200);
        Envelope<Message> envelope = CODEC.decode(commands.awaitRecord(r -> commandFor(r, incidentId),
                Duration.ofSeconds(20)).value());
        assertThat(envelope.payload()).isInstanceOfSatisfying(EscalateIncident.class,
                command -> assertThat(command.actor().id()).isEqualTo("paged-only"));
    }

    @Test
    void aTamperedBodyIsRefusedWith401AndChangesNothing() {
        UUID incidentId = UUID.randomUUID();
        String body = buttonPress("U0SLACKER", "resolve", incidentId);
        Map<String, String> headers = signed(body, CLOCK.instant().getEpochSecond());
        String tampered = buttonPress("U0SLACKER", "resolve", UUID.randomUUID());

        Http.Response response = post(tampered, headers);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("Slack signature mismatch");
        assertNoCommandAbout(incidentId);
    }

    @Test
    void aRequestSignedSixMinutesAgoIsRefusedAsStale() {
        UUID incidentId = UUID.randomUUID();
        String body = buttonPress("U0SLACKER", "acknowledge", incidentId);

        Http.Response response = post(body, signed(body, CLOCK.instant().minus(Duration.ofMinutes(6)).getEpochSecond()));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("Slack signature stale");
        assertNoCommandAbout(incidentId);
    }

    @Test
    void aRequestWithoutSignatureIsRefused() {
        UUID incidentId = UUID.randomUUID();
        String body = buttonPress("U0SLACKER", "acknowledge", incidentId);

        Http.Response response = post(body, Map.of());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("Slack signature missing");
        assertNoCommandAbout(incidentId);
    }

    @Test
    void aMemberVigilDoesNotKnowIsToldSoAndNothingHappens() {
        UUID incidentId = UUID.randomUUID();
        String body = buttonPress("U0STRANGER", "acknowledge", incidentId);

        Http.Response response = post(body, signed(body, CLOCK.instant().getEpochSecond()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("not linked to a Vigil user");
        assertNoCommandAbout(incidentId);
    }

    /** A signed command sent after the refused one arrives first; the refused one never does. */
    private void assertNoCommandAbout(UUID incidentId) {
        UUID sentinel = UUID.randomUUID();
        String body = buttonPress("U0SLACKER", "acknowledge", sentinel);
        assertThat(post(body, signed(body, CLOCK.instant().getEpochSecond())).status()).isEqualTo(200);
        commands.awaitRecord(r -> commandFor(r, sentinel), Duration.ofSeconds(20));
        assertThat(commands.records()).noneMatch(r -> commandFor(r, incidentId));
    }
}
