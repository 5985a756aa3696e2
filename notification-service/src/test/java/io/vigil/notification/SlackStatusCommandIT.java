package io.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.contracts.Actor;
import io.vigil.contracts.IncidentRef;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.PublishStatusUpdate;
import io.vigil.contracts.Urgency;
import io.vigil.notification.response.domain.SlackSignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /vigil-status} in Slack: a signed request by a linked member becomes a status page update command. */
class SlackStatusCommandIT extends NotificationIntegrationTest {

    private static final SlackSignature SIGNER = new SlackSignature(SIGNING_SECRET, Duration.ofMinutes(5));

    private Http.Response slash(String slackUser, String text, String triggerId) {
        String body = "command=" + URLEncoder.encode("/vigil-status", StandardCharsets.UTF_8) + "&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&user_id=" + slackUser + "&trigger_id="
                + triggerId + "&response_url=" + URLEncoder.encode("https://hooks.slack.test/x", StandardCharsets.UTF_8);
        String ts = Long.toString(CLOCK.instant().getEpochSecond());
        return Http.postForm(port, "/v1/slack/commands", body, Map.of("X-Slack-Request-Timestamp", ts,
                "X-Slack-Signature", SIGNER.sign(ts, body.getBytes(StandardCharsets.UTF_8))));
    }

    private static List<PublishStatusUpdate> updatesAbout(UUID incidentId) {
        return commands.records().stream().filter(r -> incidentId.toString().equals(r.key()))
                .map(r -> CODEC.decode(r.value()).payload()).filter(PublishStatusUpdate.class::isInstance)
                .map(PublishStatusUpdate.class::cast).toList();
    }

    private static NotificationRequested paged() {
        NotificationRequested page = page("status-" + UUID.randomUUID(), null, "U0SLACKER", Urgency.LOW);
        send(page);
        await().atMost(PATIENCE).until(() -> !statusesOf(page.incidentId()).isEmpty());
        return page;
    }

    @Test
    void aSlashCommandFromALinkedMemberAsksIncidentCoreToPublishOnceAndSaysSo() {
        NotificationRequested page = paged();

        Http.Response answer = slash("U0SLACKER", "#" + page.number() + " identified  A bad deploy; rolling back.",
                "t-1");
        slash("U0SLACKER", "#" + page.number() + " identified  A bad deploy; rolling back.", "t-1");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("response_type").asString()).isEqualTo("ephemeral");
        assertThat(JSON.readTree(answer.body()).path("text").asString())
                .startsWith("Posting to the status page for #%d (identified): A bad deploy; rolling back."
                        .formatted(page.number()));
        PublishStatusUpdate update = await().atMost(PATIENCE).until(() -> updatesAbout(page.incidentId()),
                found -> !found.isEmpty()).getFirst();
        assertThat(update.incident()).isEqualTo(IncidentRef.byId(page.incidentId()));
        assertThat(update.status()).isEqualTo("identified");
        assertThat(update.message()).isEqualTo("A bad deploy; rolling back.");
        assertThat(update.actor()).isEqualTo(new Actor("user", "slacker", "slack"));
        slash("U0SLACKER", "#" + page.number() + " Still on it.", "t-2");
        await().atMost(PATIENCE).until(() -> updatesAbout(page.incidentId()).size() == 2);
        assertThat(updatesAbout(page.incidentId()).getLast().status()).isNull();
        assertThat(updatesAbout(page.incidentId()).getLast().message()).isEqualTo("Still on it.");
    }

    @Test
    void aRequestThatCannotBeUnderstoodOrComesFromAStrangerIsAnsweredAndSendsNothing() {
        NotificationRequested page = paged();

        assertThat(JSON.readTree(slash("U0SLACKER", "identified rolling back", "t-3").body()).path("text")
                .asString()).startsWith("Usage: /vigil-status #42");
        assertThat(JSON.readTree(slash("U0SLACKER", "#" + page.number() + " resolved", "t-4").body()).path("text")
                .asString()).startsWith("Say what the public should read.");
        assertThat(JSON.readTree(slash("U0SLACKER", "#999999 resolved all good", "t-5").body()).path("text")
                .asString()).isEqualTo("Vigil paged nobody about #999999, so it cannot tell which incident that is.");
        assertThat(JSON.readTree(slash("U0STRANGER", "#" + page.number() + " resolved all good", "t-6").body())
                .path("text").asString()).contains("not linked to a Vigil user");
        String unsigned = "text=%23" + page.number() + "+resolved+x&user_id=U0SLACKER";
        assertThat(Http.postForm(port, "/v1/slack/commands", unsigned, Map.of()).status()).isEqualTo(401);

        slash("U0SLACKER", "#" + page.number() + " monitoring watching it", "t-7");
        await().atMost(PATIENCE).until(() -> updatesAbout(page.incidentId()).size() == 1);
        assertThat(updatesAbout(page.incidentId()).getFirst().status()).isEqualTo("monitoring");
    }
}
