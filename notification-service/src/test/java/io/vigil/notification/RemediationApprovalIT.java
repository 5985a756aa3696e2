package io.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vigil.contracts.Actor;
import io.vigil.contracts.DecideRemediationRun;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.RemediationStepStarted;
import io.vigil.contracts.Topics;
import io.vigil.notification.response.domain.SlackSignature;
import io.vigil.testkit.TopicRecorder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A remediation run that waits for a human is asked in its service's Slack channel with Approve and Reject
 * buttons; a signed press by a known member becomes a {@link DecideRemediationRun} for remediation-service.
 */
class RemediationApprovalIT extends NotificationIntegrationTest {

    private static final SlackSignature SIGNER = new SlackSignature(SIGNING_SECRET, Duration.ofMinutes(5));
    private static TopicRecorder decisions;

    @BeforeEach
    void recordDecisions() {
        if (decisions == null) {
            decisions = TopicRecorder.record(INFRA.kafka().bootstrapServers(), Topics.REMEDIATION_COMMANDS);
        }
    }

    @AfterAll
    static void stopRecordingDecisions() {
        if (decisions != null) {
            decisions.close();
            decisions = null;
        }
    }

    private static RemediationStepStarted approvalStep(UUID runId, UUID incidentId, String service) {
        return new RemediationStepStarted(runId, incidentId, "checkout-restart", 3, "go-ahead", "approval", "main",
                "wait for a human's approval: restart checkout's pods?", false, CLOCK.instant(), service);
    }

    private static void publish(UUID eventId, RemediationStepStarted step) {
        TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.REMEDIATION_EVENTS, step.incidentId().toString(),
                CODEC.encode(Envelope.of(eventId, step.incidentId().toString(), step, CLOCK, null)));
    }

    private void channelFor(String service, String channel) {
        assertThat(api().putJson("/v1/services/" + service + "/slack-channel",
                "{\"slackChannel\": \"" + channel + "\"}").status()).isEqualTo(200);
    }

    private Http.Response press(String slackUser, String actionId, UUID runId, UUID incidentId, String actionTs) {
        String payload = """
                {"type":"block_actions","user":{"id":"%s","username":"someone"},"trigger_id":"t-%s",\
                "actions":[{"action_id":"%s","block_id":"remediation:%s","value":"%s","type":"button",\
                "action_ts":"%s"}]}""".formatted(slackUser, UUID.randomUUID(), actionId, incidentId, runId,
                actionTs);
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        String ts = Long.toString(CLOCK.instant().getEpochSecond());
        return Http.postForm(port, "/v1/slack/interactions", body, Map.of("X-Slack-Request-Timestamp", ts,
                "X-Slack-Signature", SIGNER.sign(ts, body.getBytes(StandardCharsets.UTF_8))));
    }

    private static List<DecideRemediationRun> decisionsAbout(UUID runId) {
        return decisions.records().stream().filter(r -> runId.toString().equals(r.key()))
                .map(r -> (DecideRemediationRun) CODEC.decode(r.value()).payload()).toList();
    }

    @Test
    void anApprovalStepIsAskedInTheServiceChannelAndApprovingThereSendsTheDecisionOnce() {
        String service = "approvals-" + UUID.randomUUID().toString().substring(0, 8);
        channelFor(service, "C0" + service);
        UUID runId = UUID.randomUUID();
        UUID incidentId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();

        publish(eventId, approvalStep(runId, incidentId, service));
        publish(eventId, approvalStep(runId, incidentId, service));

        List<LoggedRequest> asked = await().atMost(PATIENCE).until(() -> slackPosts("chat.postMessage",
                "C0" + service), posts -> posts.size() == 1);
        String blocks = formParam(asked.get(0), "blocks");
        assertThat(formParam(asked.get(0), "text")).isEqualTo("Runbook checkout-restart waits for approval");
        assertThat(blocks).contains("remediation-approve", "remediation-reject", runId.toString());
        assertThat(JSON.readTree(blocks).get(1).path("text").path("text").asString())
                .isEqualTo("wait for a human's approval: restart checkout's pods?");

        Http.Response approved = press("U0SLACKER", "remediation-approve", runId, incidentId, "1780000001.000100");
        Http.Response retried = press("U0SLACKER", "remediation-approve", runId, incidentId, "1780000001.000100");

        assertThat(approved.status()).isEqualTo(200);
        assertThat(retried.status()).isEqualTo(200);
        DecideRemediationRun decision = await().atMost(PATIENCE).until(() -> decisionsAbout(runId),
                found -> !found.isEmpty()).get(0);
        assertThat(decision.decision()).isEqualTo(DecideRemediationRun.APPROVE);
        assertThat(decision.incidentId()).isEqualTo(incidentId);
        assertThat(decision.actor()).isEqualTo(new Actor("user", "slacker", "slack"));
        UUID sentinel = UUID.randomUUID();
        press("U0SLACKER", "remediation-reject", sentinel, incidentId, "1780000002.000100");
        await().atMost(PATIENCE).until(() -> decisionsAbout(sentinel).size() == 1);
        assertThat(decisionsAbout(runId)).hasSize(1);
        assertThat(decisionsAbout(sentinel).get(0).decision()).isEqualTo(DecideRemediationRun.REJECT);
        assertThat(slackPosts("chat.postMessage", "C0" + service)).hasSize(1);
    }

    @Test
    void aMemberVigilDoesNotKnowCannotDecideARun() {
        UUID runId = UUID.randomUUID();

        Http.Response response = press("U0STRANGER", "remediation-approve", runId, UUID.randomUUID(), "1780000003.1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("not linked to a Vigil user");
        UUID sentinel = UUID.randomUUID();
        press("U0SLACKER", "remediation-approve", sentinel, UUID.randomUUID(), "1780000003.2");
        await().atMost(PATIENCE).until(() -> decisionsAbout(sentinel).size() == 1);
        assertThat(decisionsAbout(runId)).isEmpty();
    }

    @Test
    void anApprovalForAServiceWithoutASlackChannelAsksNobody() {
        String service = "nochannel-" + UUID.randomUUID().toString().substring(0, 8);
        String sentinelService = "approvals-" + UUID.randomUUID().toString().substring(0, 8);
        channelFor(sentinelService, "C0" + sentinelService);
        UUID runId = UUID.randomUUID();

        publish(UUID.randomUUID(), approvalStep(runId, UUID.randomUUID(), service));
        publish(UUID.randomUUID(), approvalStep(UUID.randomUUID(), UUID.randomUUID(), sentinelService));

        await().atMost(PATIENCE).until(() -> slackPosts("chat.postMessage", "C0" + sentinelService).size() == 1);
        assertThat(SLACK.getAllServeEvents()).noneMatch(e -> e.getRequest().getBodyAsString()
                .contains(runId.toString()));
    }
}
