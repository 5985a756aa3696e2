package io.vigil.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vigil.contracts.Actor;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.IncidentAcknowledged;
import io.vigil.contracts.IncidentNoteAdded;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentResolved;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.NotificationOutcome;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Urgency;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.TopicRecorder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Pages becoming deliveries: Slack Block Kit, e-mail, rules with delays, idempotency and cancellation. */
class DeliveryIT extends NotificationIntegrationTest {

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
    void aPageForSomebodyWithNoWayToReachThemFailsVisiblyOnceAndIsRetriedByHandOnceTheyHaveOne() {
        UUID incidentId = UUID.randomUUID();
        NotificationRequested request = page(incidentId, "alice", null, null, Urgency.HIGH);
        send(request);
        send(request);
        NotificationRequested sentinel = page(incidentId, "amos", null, "U0AMOS", Urgency.HIGH);
        send(sentinel);
        await().atMost(PATIENCE).until(() -> outcomesOf(incidentId).stream()
                .anyMatch(o -> o.userId().equals("amos") && o.status() == NotificationOutcome.Status.SENT));

        String reason = "alice has no contact method for high urgency (none configured, and the page carries no "
                + "e-mail address or Slack id)";
        List<NotificationOutcome> alices = outcomesOf(incidentId).stream().filter(o -> o.userId().equals("alice"))
                .toList();
        assertThat(alices).singleElement().satisfies(failed -> {
            assertThat(failed.status()).isEqualTo(NotificationOutcome.Status.FAILED);
            assertThat(failed.channel()).isEqualTo("none");
            assertThat(failed.reason()).isEqualTo(reason);
            assertThat(failed.requestId()).isEqualTo(request.requestId());
            assertThat(failed.attempt()).isZero();
        });
        JsonNode listed = listedDelivery("failed", incidentId);
        assertThat(listed.get("userId").asString()).isEqualTo("alice");
        assertThat(listed.get("channel").asString()).isEqualTo("none");
        assertThat(listed.get("lastError").asString()).isEqualTo(reason);
        assertThat(HttpProbe.localhost(port).get("/actuator/prometheus").body())
                .contains("vigil_notification_deliveries_total{channel=\"none\",outcome=\"failed\"");

        assertThat(api().putJson("/v1/users/alice/contact-methods", """
                {"contactMethods": [{"id": "mail", "channel": "email", "address": "alice@example.com"}]}""")
                .status()).isEqualTo(200);
        HttpProbe.Response retried = api().post("/v1/deliveries/" + listed.get("id").asString() + "/retry",
                "application/json", "");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> mailsTo("alice@example.com").size() == 1);
        await().atMost(PATIENCE).until(() -> outcomesOf(incidentId).stream()
                .filter(o -> o.userId().equals("alice")).count() == 4);
        assertThat(outcomesOf(incidentId).stream().filter(o -> o.userId().equals("alice"))
                .map(o -> o.status() + "/" + o.channel()))
                .containsExactly("FAILED/none", "RETRYING/none", "FELL_BACK/none", "SENT/email");
        assertThat(HttpProbe.localhost(port).get("/actuator/prometheus").body())
                .contains("vigil_notification_delivery_latency_seconds_count{channel=\"email\"");
    }

    @Test
    void aPageThatCannotBeReadIsParkedOnTheDeadLetterTopicAndThePagesAroundItAreSent() {
        UUID incidentId = UUID.randomUUID();
        try (TopicRecorder parked = TopicRecorder.record(INFRA.kafka().bootstrapServers(),
                Topics.deadLetter(Topics.NOTIFICATION_REQUESTS))) {
            send(page(incidentId, "olga", null, "U0OLGA", Urgency.HIGH));
            TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.NOTIFICATION_REQUESTS, incidentId.toString(),
                    "{\"not\": \"a page\"");
            send(page(incidentId, "petra", null, "U0PETRA", Urgency.HIGH));

            await().atMost(PATIENCE).until(() -> slackPosts("chat.postMessage", "U0PETRA").size() == 1);
            assertThat(slackPosts("chat.postMessage", "U0OLGA")).hasSize(1);
            parked.awaitRecord(record -> record.value().equals("{\"not\": \"a page\""), PATIENCE);
        }
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
    void aReminderReadsAsAReminderWithItsWordsOnSlackAndByEmail() throws Exception {
        NotificationRequested onSlack = reminder(page("rhea", "rhea@example.com", "U0RHEA", Urgency.HIGH));
        NotificationRequested byMail = reminder(page("ravi", "ravi@example.com", null, Urgency.HIGH));
        send(onSlack);
        send(byMail);

        await().atMost(PATIENCE).until(() -> slackPosts("chat.postMessage", "U0RHEA").size() == 1);
        String blocks = formParam(slackPosts("chat.postMessage", "U0RHEA").getFirst(), "blocks");
        assertThat(blocks).contains("Reminder: #" + onSlack.number(), onSlack.note(), "\"action_id\":\"acknowledge\"")
                .doesNotContain("Paged:");
        await().atMost(PATIENCE).until(() -> mailsTo("ravi@example.com").size() == 1);
        MimeMessage mail = mailsTo("ravi@example.com").getFirst();
        assertThat(mail.getSubject()).isEqualTo("Reminder: [SEV2] #%d checkout: p99 latency above 2s"
                .formatted(byMail.number()));
        assertThat(bodyParts(mail)).contains("Reminder for RAVI: " + byMail.note()).doesNotContain("You are paged");
    }

    @Test
    void aReminderComesTheWayThePersonsFirstRuleSaysAndDoesNotRingLater() {
        NotificationRequested request = reminder(page("ruled", "ignored@example.com", "U0IGNORED", Urgency.HIGH));
        send(request);

        await().atMost(PATIENCE).until(() -> deliveries(request.incidentId(), "SENT") == 1);
        assertThat(deliveries(request.incidentId(), "PENDING")).isZero();
        assertThat(slackPosts("chat.postMessage", "U0RULED")).anyMatch(post -> formParam(post, "blocks")
                .contains(request.note()));
    }

    private static NotificationRequested reminder(NotificationRequested page) {
        return new NotificationRequested(page.requestId(), page.incidentId(), page.number(), page.title(),
                page.service(), page.severity(), page.urgency(), 0, 0, page.user(), "reminder:update-overdue",
                "#%d p99 latency above 2s (SEV2, checkout): no update in the last 30 min.".formatted(page.number()));
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
    void aServiceChannelHearsOfANewIncidentOnceAndItsMessageIsUpdatedAndThreadedAsTheIncidentMovesOn() {
        SLACK.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).atPriority(1)
                .withFormParam("channel", equalTo("C0PAYMENTS"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C0PAYMENTS\",\"ts\":\"1780000100.000001\"}")));
        UUID incidentId = UUID.randomUUID();
        IncidentOpened opened = new IncidentOpened(incidentId, 4242, "card payments declined", "payments",
                IncidentSeverity.SEV1, Urgency.HIGH, "v1:abc", UUID.randomUUID(), CLOCK.instant());
        sendIncidentEvent(incidentId, opened);
        sendIncidentEvent(incidentId, opened);

        await().atMost(PATIENCE).until(() -> deliveries(incidentId, "SENT") == 1);
        List<LoggedRequest> pages = slackPosts("chat.postMessage", "C0PAYMENTS").stream()
                .filter(post -> formParam(post, "thread_ts") == null).toList();
        assertThat(pages).singleElement().satisfies(page -> assertThat(formParam(page, "blocks"))
                .contains("\"action_id\":\"acknowledge\"", "card payments declined", "SEV1", incidentId.toString()));

        CLOCK.advance(Duration.ofSeconds(1));
        sendIncidentEvent(incidentId, new IncidentAcknowledged(incidentId, 4242, "card payments declined", "payments",
                IncidentSeverity.SEV1, Urgency.HIGH, new Actor("user", "yann", "slack"), CLOCK.instant()));
        awaitThreadReply("C0PAYMENTS", "Incident #4242 acknowledged by yann");
        CLOCK.advance(Duration.ofSeconds(1));
        sendIncidentEvent(incidentId, new IncidentResolved(incidentId, 4242, "card payments declined", "payments",
                IncidentSeverity.SEV1, Urgency.HIGH, new Actor("user", "zoe", "rest"), CLOCK.instant()));
        awaitThreadReply("C0PAYMENTS", "Incident #4242 resolved by zoe");

        // Each change edits the one message (same channel and ts, no buttons left) and replies in its thread.
        List<LoggedRequest> updates = slackPosts("chat.update", "C0PAYMENTS");
        assertThat(updates).hasSize(2).allSatisfy(update -> {
            assertThat(formParam(update, "ts")).isEqualTo("1780000100.000001");
            assertThat(formParam(update, "blocks")).contains("card payments declined")
                    .doesNotContain("\"action_id\"");
        });
        assertThat(formParam(updates.get(0), "blocks")).contains("Incident #4242 acknowledged by yann");
        assertThat(formParam(updates.get(1), "blocks")).contains("Incident #4242 resolved by zoe");
        assertThat(slackPosts("chat.postMessage", "C0PAYMENTS").stream()
                .filter(post -> formParam(post, "thread_ts") != null)
                .map(post -> formParam(post, "thread_ts") + " " + formParam(post, "text")))
                .containsExactly("1780000100.000001 Incident #4242 acknowledged by yann",
                        "1780000100.000001 Incident #4242 resolved by zoe");
        assertThat(slackPosts("chat.postMessage", "C0PAYMENTS").stream()
                .filter(post -> formParam(post, "thread_ts") == null)).hasSize(1);
    }

    @Test
    void aBurstToOneSlackChannelIsQueuedAndSentAboutOneMessageASecondNoneDropped() {
        assertThat(api().putJson("/v1/services/burst/slack-channel", "{\"slackChannel\": \"C0BURST\"}").status())
                .isEqualTo(200);
        List<UUID> incidents = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (int i = 0; i < incidents.size(); i++) {
            UUID incidentId = incidents.get(i);
            sendIncidentEvent(incidentId, new IncidentOpened(incidentId, 5000 + i, "queue backlog " + i, "burst",
                    IncidentSeverity.SEV3, Urgency.LOW, "v1:burst" + i, UUID.randomUUID(), CLOCK.instant()));
        }
        await().atMost(PATIENCE).until(() -> slackPosts("chat.postMessage", "C0BURST").size() == 1
                && heldBack(incidents) == 2);

        for (int sent = 2; sent <= 3; sent++) {
            int expected = sent;
            CLOCK.advance(Duration.ofMillis(900));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> slackPosts("chat.postMessage", "C0BURST").size() == expected - 1);
            CLOCK.advance(Duration.ofMillis(100));
            await().atMost(PATIENCE).until(() -> slackPosts("chat.postMessage", "C0BURST").size() == expected);
        }
        assertThat(slackPosts("chat.postMessage", "C0BURST").stream().map(post -> formParam(post, "text")))
                .allMatch(text -> text.contains("queue backlog")).doesNotHaveDuplicates();
        await().atMost(PATIENCE).until(() -> incidents.stream().allMatch(id -> deliveries(id, "SENT") == 1));
    }

    @Test
    void aNoteOnTheIncidentIsRepliedInTheThreadOfItsPostInTheServiceChannelOnce() {
        assertThat(api().putJson("/v1/services/notes/slack-channel", "{\"slackChannel\": \"C0NOTES\"}").status())
                .isEqualTo(200);
        UUID incidentId = UUID.randomUUID();
        sendIncidentEvent(incidentId, new IncidentOpened(incidentId, 5100, "ledger drift", "notes",
                IncidentSeverity.SEV3, Urgency.LOW, "v1:notes", UUID.randomUUID(), CLOCK.instant()));
        await().atMost(PATIENCE).until(() -> slackPosts("chat.postMessage", "C0NOTES").size() == 1);
        IncidentNoteAdded note = new IncidentNoteAdded(incidentId, 5100, "notes",
                new Actor("system", "remediation-service", "internal"), "Runbook ledger-fix: replaying the journal",
                CLOCK.instant());
        UUID eventId = UUID.randomUUID();

        Envelope<IncidentNoteAdded> envelope = Envelope.of(eventId, incidentId.toString(), note, CLOCK, null);
        TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.INCIDENT_EVENTS, incidentId.toString(),
                CODEC.encode(envelope));
        TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.INCIDENT_EVENTS, incidentId.toString(),
                CODEC.encode(envelope));
        CLOCK.advance(Duration.ofSeconds(1));

        // The fake Slack answers every post as channel D0FAKE: the reply goes to the thread it named.
        String text = "Note on #5100 by remediation-service: Runbook ledger-fix: replaying the journal";
        awaitThreadReply("D0FAKE", text);
        await().during(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> deliveries(incidentId, "SENT") == 2);
        assertThat(slackPosts("chat.postMessage", "D0FAKE").stream().filter(p -> text.equals(formParam(p, "text"))))
                .singleElement().satisfies(p -> assertThat(formParam(p, "thread_ts")).isEqualTo("1780000000.000100"));
        assertThat(slackPosts("chat.postMessage", "C0NOTES")).hasSize(1);
    }

    @Test
    void aNoteWrittenBeforeTheIncidentsPostWentOutWaitsForItAndIsRepliedInItsThread() {
        assertThat(api().putJson("/v1/services/early-notes/slack-channel", "{\"slackChannel\": \"C0EARLY\"}")
                .status()).isEqualTo(200);
        assertThat(api().putJson("/v1/services/early-filler/slack-channel", "{\"slackChannel\": \"C0EARLY\"}")
                .status()).isEqualTo(200);
        UUID filler = UUID.randomUUID();
        sendIncidentEvent(filler, new IncidentOpened(filler, 5200, "filler", "early-filler", IncidentSeverity.SEV3,
                Urgency.LOW, "v1:early-filler", UUID.randomUUID(), CLOCK.instant()));
        await().atMost(PATIENCE).until(() -> slackPosts("chat.postMessage", "C0EARLY").size() == 1);
        UUID incidentId = UUID.randomUUID();
        sendIncidentEvent(incidentId, new IncidentOpened(incidentId, 5201, "cache cold", "early-notes",
                IncidentSeverity.SEV3, Urgency.LOW, "v1:early-notes", UUID.randomUUID(), CLOCK.instant()));
        sendIncidentEvent(incidentId, new IncidentNoteAdded(incidentId, 5201, "early-notes",
                new Actor("user", "alice", "api"), "warming it by hand", CLOCK.instant()));
        await().atMost(PATIENCE).until(() -> deliveries(incidentId, "PENDING") == 2);

        CLOCK.advance(Duration.ofSeconds(1));
        await().atMost(PATIENCE).until(() -> slackPosts("chat.postMessage", "C0EARLY").size() == 2);
        CLOCK.advance(Duration.ofSeconds(1));

        awaitThreadReply("D0FAKE", "Note on #5201 by alice via api: warming it by hand");
    }

    private int heldBack(List<UUID> incidents) {
        return incidents.stream().mapToInt(id -> jdbc.queryForObject("""
                select count(*) from delivery where incident_id = ? and status = 'PENDING'
                and last_error like 'held back%'""", Integer.class, id)).sum();
    }

    private static void awaitThreadReply(String channel, String text) {
        await().atMost(PATIENCE).until(() -> slackPosts("chat.postMessage", channel).stream()
                .anyMatch(post -> text.equals(formParam(post, "text")) && formParam(post, "thread_ts") != null));
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
