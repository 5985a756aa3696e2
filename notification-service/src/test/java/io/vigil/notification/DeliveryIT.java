package io.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vigil.contracts.Actor;
import io.vigil.contracts.IncidentAcknowledged;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentResolved;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.NotificationOutcome;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.Urgency;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pages becoming deliveries: Slack Block Kit, e-mail, rules with delays, idempotency and cancellation. */
class DeliveryIT extends NotificationIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void aPageReachesSlackAsBlockKitWithButtonsCarryingTheIncidentId() {
        NotificationRequested request = page("dora", "dora@example.com", "U0DORA", Urgency.HIGH);
        send(request);

        await().atMost(PATIENCE).until(() -> slackPosts("chat.postMessage", "U0DORA").size() == 1);
        LoggedRequest post = slackPosts("chat.postMessage", "U0DORA").getFirst();
        assertThat(post.getHeader("Authorization")).isEqualTo("Bearer xoxb-test-token");
        String blocks = formParam(post, "blocks");
        String incidentId = request.incidentId().toString();
        assertThat(blocks).contains("\"action_id\":\"acknowledge\"", "\"action_id\":\"resolve\"",
                "\"action_id\":\"escalate\"", "\"value\":\"" + incidentId + "\"", "SEV2", "checkout",
                "p99 latency above 2s", "#" + request.number());
        assertThat(formParam(post, "text")).isEqualTo("[SEV2] #%d checkout: p99 latency above 2s"
                .formatted(request.number()));

        await().atMost(PATIENCE).until(() -> statusesOf(request.incidentId()).contains(NotificationOutcome.Status.SENT));
        NotificationOutcome sent = outcomesOf(request.incidentId()).getFirst();
        assertThat(sent.channel()).isEqualTo("slack");
        assertThat(sent.userId()).isEqualTo("dora");
        assertThat(sent.requestId()).isEqualTo(request.requestId());
        assertThat(sent.attempt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select provider_ref from delivery where incident_id = ?", String.class,
                request.incidentId())).isEqualTo("D0FAKE:1780000000.000100");
        // Without rules a person is paged on the first channel of the chain only; e-mail stays for fallback.
        assertThat(mailsTo("dora@example.com")).isEmpty();
    }

    @Test
    void aRedeliveredRequestSendsOneMessage() {
        UUID incidentId = UUID.randomUUID();
        NotificationRequested request = page(incidentId, "erin", "erin@example.com", "U0ERIN", Urgency.HIGH);
        send(request);
        send(request);
        // A later page about the same incident travels the same partition: once it is sent, both copies were read.
        NotificationRequested sentinel = page(incidentId, "frank", "frank@example.com", "U0FRANK", Urgency.HIGH);
        send(sentinel);
        await().atMost(PATIENCE).until(() -> slackPosts("chat.postMessage", "U0FRANK").size() == 1);
        await().atMost(PATIENCE).until(() -> deliveries(incidentId, "SENT") == 2);

        assertThat(slackPosts("chat.postMessage", "U0ERIN")).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from delivery where request_id = ?", Integer.class,
                request.requestId())).isEqualTo(1);
    }

    @Test
    void somebodyWithoutSlackIsPagedByEmailInTextAndHtmlWithALinkToTheIncident() throws Exception {
        NotificationRequested request = page("gina", "gina@example.com", null, Urgency.HIGH);
        send(request);

        await().atMost(PATIENCE).until(() -> mailsTo("gina@example.com").size() == 1);
        MimeMessage mail = mailsTo("gina@example.com").getFirst();
        assertThat(mail.getSubject()).isEqualTo("[SEV2] #%d checkout: p99 latency above 2s".formatted(request.number()));
        assertThat(mail.getFrom()[0].toString()).isEqualTo("pager@vigil.test");
        String link = "http://localhost:8082/v1/incidents/" + request.incidentId();
        String all = bodyParts(mail);
        assertThat(all).contains("text/plain").contains("text/html").contains(link)
                .contains("<a href=\"" + link + "\">");
    }

    @Test
    void rulesPageOnSlackNowAndByEmailAfterTheirDelay() {
        NotificationRequested request = page("ruled", "ignored@example.com", "U0IGNORED", Urgency.HIGH);
        send(request);
        await().atMost(PATIENCE).until(() -> slackPosts("chat.postMessage", "U0RULED").stream()
                .anyMatch(post -> formParam(post, "blocks").contains(request.incidentId().toString())));
        await().atMost(PATIENCE).until(() -> deliveries(request.incidentId(), "SENT") == 1);
        assertThat(deliveries(request.incidentId(), "PENDING")).isEqualTo(1);
        int mailsBefore = mailsTo("ruled@example.com").size();

        CLOCK.advance(Duration.ofMinutes(2));
        await().atMost(PATIENCE).until(() -> mailsTo("ruled@example.com").size() == mailsBefore + 1);
        await().atMost(PATIENCE).until(() -> deliveries(request.incidentId(), "SENT") == 2);
        assertThat(slackPosts("chat.postMessage", "U0IGNORED")).isEmpty();
    }

    @Test
    void acknowledgingCancelsLaterRulesAndTellsTheSlackThread() {
        NotificationRequested request = page("ruled", "ignored@example.com", null, Urgency.HIGH);
        send(request);
        await().atMost(PATIENCE).until(() -> deliveries(request.incidentId(), "SENT") == 1);
        int mailsBefore = mailsTo("ruled@example.com").size();

        sendIncidentEvent(request.incidentId(), new IncidentAcknowledged(request.incidentId(), request.number(),
                request.title(), request.service(), IncidentSeverity.SEV2, Urgency.HIGH,
                new Actor("user", "ruled", "slack"), CLOCK.instant()));
        await().atMost(PATIENCE).until(() -> deliveries(request.incidentId(), "CANCELLED") == 1);
        String note = "Incident #%d acknowledged by ruled".formatted(request.number());
        // The update goes to the member the page reached a moment ago: Slack pacing holds it for a second.
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("""
                select count(*) from delivery where incident_id = ? and purpose = 'UPDATE' and status = 'PENDING'
                and last_error like 'held back%'""", Integer.class, request.incidentId()) == 1);
        assertThat(slackPosts("chat.postMessage", "D0FAKE")).noneMatch(post -> note.equals(formParam(post, "text")));
        CLOCK.advance(Duration.ofSeconds(1));
        await().atMost(PATIENCE).until(() -> slackPosts("chat.postMessage", "D0FAKE").stream()
                .anyMatch(post -> note.equals(formParam(post, "text"))));
        LoggedRequest reply = slackPosts("chat.postMessage", "D0FAKE").stream()
                .filter(post -> note.equals(formParam(post, "text"))).findFirst().orElseThrow();
        assertThat(formParam(reply, "thread_ts")).isEqualTo("1780000000.000100");
        assertThat(slackPosts("chat.update", "D0FAKE")).anyMatch(update ->
                formParam(update, "ts").equals("1780000000.000100") && formParam(update, "blocks").contains(note)
                        && !formParam(update, "blocks").contains("acknowledge\""));

        CLOCK.advance(Duration.ofMinutes(5));
        NotificationRequested sentinel = page("hank", null, "U0HANK", Urgency.HIGH);
        send(sentinel);
        await().atMost(PATIENCE).until(() -> slackPosts("chat.postMessage", "U0HANK").size() == 1);
        assertThat(mailsTo("ruled@example.com")).hasSize(mailsBefore);
        assertThat(statusesOf(request.incidentId())).contains(NotificationOutcome.Status.SENT,
                NotificationOutcome.Status.CANCELLED);
        NotificationOutcome cancelled = outcomesOf(request.incidentId()).stream()
                .filter(o -> o.status() == NotificationOutcome.Status.CANCELLED).findFirst().orElseThrow();
        assertThat(cancelled.channel()).isEqualTo("email");
        assertThat(cancelled.reason()).isEqualTo("incident acknowledged");
    }

    @Test
    void aNewIncidentOfAServiceWithAChannelIsPostedThereOnceAndItsThreadHearsTheResolution() {
        UUID incidentId = UUID.randomUUID();
        IncidentOpened opened = new IncidentOpened(incidentId, 4242, "card payments declined", "payments",
                IncidentSeverity.SEV1, Urgency.HIGH, "v1:abc", UUID.randomUUID(), CLOCK.instant());
        sendIncidentEvent(incidentId, opened);
        sendIncidentEvent(incidentId, opened);

        await().atMost(PATIENCE).until(() -> slackPosts("chat.postMessage", "C0PAYMENTS").stream()
                .anyMatch(post -> formParam(post, "blocks").contains(incidentId.toString())));
        assertThat(formParam(slackPosts("chat.postMessage", "C0PAYMENTS").getLast(), "blocks"))
                .contains("\"action_id\":\"acknowledge\"", "card payments declined", "SEV1");
        await().atMost(PATIENCE).until(() -> deliveries(incidentId, "SENT") == 1);

        CLOCK.advance(Duration.ofSeconds(1));
        sendIncidentEvent(incidentId, new IncidentResolved(incidentId, 4242, "card payments declined", "payments",
                IncidentSeverity.SEV1, Urgency.HIGH, new Actor("user", "zoe", "rest"), CLOCK.instant()));
        String note = "Incident #4242 resolved by zoe";
        await().atMost(PATIENCE).until(() -> slackPosts("chat.postMessage", "D0FAKE").stream()
                .anyMatch(post -> note.equals(formParam(post, "text"))));
        assertThat(slackPosts("chat.postMessage", "C0PAYMENTS").stream()
                .filter(post -> formParam(post, "blocks").contains(incidentId.toString()))).hasSize(1);
    }

    private static String bodyParts(MimeMessage mail) throws Exception {
        StringBuilder all = new StringBuilder();
        collect(mail.getContent(), all);
        return all.toString();
    }

    private static void collect(Object content, StringBuilder all) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(multipart.getBodyPart(i).getContentType()).append('\n');
                collect(multipart.getBodyPart(i).getContent(), all);
            }
        } else {
            all.append(content).append('\n');
        }
    }

}
