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

    private static String buttonPress(String slackUser, String actionId, UUID incidentId) {
        String payload = """
                {"type":"block_actions","user":{"id":"%s","username":"someone"},"trigger_id":"t-%s",\
                "actions":[{"action_id":"%s","block_id":"incident:%s","value":"%s","type":"button",\
                "action_ts":"1780000000.%s"}]}""".formatted(slackUser, UUID.randomUUID(), actionId, incidentId,
                incidentId, Math.abs(incidentId.getLeastSignificantBits() % 100000));
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }

    private Http.Response post(String body, Map<String, String> headers) {
        return Http.postForm(port, "/v1/slack/interactions", body, headers);
    }

    private static Map<String, String> signed(String body, long timestamp) {
        String ts = Long.toString(timestamp);
        return Map.of("X-Slack-Request-Timestamp", ts,
                "X-Slack-Signature", SIGNER.sign(ts, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** A button press as Slack sends it: signed with the signing secret, stamped now. */
    private Http.Response press(String slackUser, String actionId, UUID incidentId) {
        String body = buttonPress(slackUser, actionId, incidentId);
        return post(body, signed(body, CLOCK.instant().getEpochSecond()));
    }

    private static boolean commandFor(ConsumerRecord<String, String> record, UUID incidentId) {
        return incidentId.toString().equals(record.key());
    }

    @Test
    void aSignedAcknowledgeButtonFromAKnownMemberBecomesAnAcknowledgeCommand() {
        UUID incidentId = UUID.randomUUID();

        Http.Response response = press("U0SLACKER", "acknowledge", incidentId);

        assertThat(response.status()).isEqualTo(200);
        ConsumerRecord<String, String> record = commands.awaitRecord(r -> commandFor(r, incidentId),
                PATIENCE);
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

        commands.awaitRecord(r -> commandFor(r, incidentId), PATIENCE);
        UUID sentinel = UUID.randomUUID();
        assertThat(press("U0SLACKER", "acknowledge", sentinel).status()).isEqualTo(200);
        commands.awaitRecord(r -> commandFor(r, sentinel), PATIENCE);
        assertThat(commands.records().stream().filter(r -> commandFor(r, incidentId))).hasSize(1);
    }

    @Test
    void aMemberKnownOnlyFromTheirPagesCanEscalate() {
        send(page("paged-only", null, "U0PAGEDONLY", io.vigil.contracts.Urgency.HIGH));
        await().atMost(PATIENCE).until(() -> slackPosts("chat.postMessage", "U0PAGEDONLY").size() == 1);
        UUID incidentId = UUID.randomUUID();

        assertThat(press("U0PAGEDONLY", "escalate", incidentId).status()).isEqualTo(200);
        Envelope<Message> envelope = CODEC.decode(commands.awaitRecord(r -> commandFor(r, incidentId),
                PATIENCE).value());
        assertThat(envelope.payload()).isInstanceOfSatisfying(EscalateIncident.class,
                command -> assertThat(command.actor().id()).isEqualTo("paged-only"));
    }

    @Test
    void aTamperedBodyIsRefusedWith401AndChangesNothing() {
        UUID incidentId = UUID.randomUUID();
        String body = buttonPress("U0SLACKER", "resolve", incidentId);
        Map<String, String> headers = signed(body, CLOCK.instant().getEpochSecond());
        String tampered = buttonPress("U0SLACKER", "resolve", UUID.randomUUID());

        assertRefused(post(tampered, headers), "Slack signature mismatch", incidentId);
    }

    @Test
    void aRequestSignedSixMinutesAgoIsRefusedAsStale() {
        UUID incidentId = UUID.randomUUID();
        String body = buttonPress("U0SLACKER", "acknowledge", incidentId);

        assertRefused(post(body, signed(body, CLOCK.instant().minus(Duration.ofMinutes(6)).getEpochSecond())),
                "Slack signature stale", incidentId);
    }

    @Test
    void aRequestWithoutSignatureIsRefused() {
        UUID incidentId = UUID.randomUUID();

        assertRefused(post(buttonPress("U0SLACKER", "acknowledge", incidentId), Map.of()), "Slack signature missing",
                incidentId);
    }

    @Test
    void aMemberVigilDoesNotKnowIsToldSoAndNothingHappens() {
        UUID incidentId = UUID.randomUUID();

        Http.Response response = press("U0STRANGER", "acknowledge", incidentId);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("not linked to a Vigil user");
        assertNoCommandAbout(incidentId);
    }

    private void assertRefused(Http.Response response, String why, UUID incidentId) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains(why);
        assertNoCommandAbout(incidentId);
    }

    /** A signed command sent after the refused one arrives first; the refused one never does. */
    private void assertNoCommandAbout(UUID incidentId) {
        UUID sentinel = UUID.randomUUID();
        assertThat(press("U0SLACKER", "acknowledge", sentinel).status()).isEqualTo(200);
        commands.awaitRecord(r -> commandFor(r, sentinel), PATIENCE);
        assertThat(commands.records()).noneMatch(r -> commandFor(r, incidentId));
    }
}
