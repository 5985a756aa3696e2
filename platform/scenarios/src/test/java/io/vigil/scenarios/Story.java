package io.vigil.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.devstack.VigilService;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The words the scenarios are told in: alerts sent as sources send them, answers given as Slack and Twilio deliver
 * them (signed), and what a person or an API user sees afterwards.
 */
final class Story {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An incident as the scenarios refer to it. */
    record Incident(String id, long number, JsonNode json) {
    }

    private final Vigil vigil;

    Story(Vigil vigil) {
        this.vigil = vigil;
    }

    // --- Sources -------------------------------------------------------------------------------------------------

    /** The raw body of a request captured from a real alert source. */
    static String fixture(String name) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("shared").resolve("fixtures"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("shared/fixtures above the module").isNotNull();
        try {
            return JSON.readTree(Files.readString(dir.resolve("shared").resolve("fixtures").resolve(name)))
                    .get("body_raw").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void genericAlert(String service, String dedupKey, String status) {
        HttpProbe.Response response = vigil.intake().postJson(
                "/v1/alerts?key=" + io.vigil.devstack.DemoConfiguration.genericKey(), """
                        {"service":"%s","summary":"%s","severity":"critical","dedupKey":"%s","status":"%s"}"""
                        .formatted(service, dedupKey + " is failing", dedupKey, status));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    /** An event as PagerDuty's client libraries send it to the Events API v2. */
    HttpProbe.Response pagerDuty(String action, String dedupKey) {
        String body = action.equals("trigger")
                ? """
                  {"routing_key":"%s","event_action":"trigger","dedup_key":"%s",\
                  "payload":{"summary":"Card payments declined","source":"payments-api","severity":"critical"}}"""
                        .formatted(Vigil.PAYMENTS_PAGERDUTY_KEY, dedupKey)
                : """
                  {"routing_key":"%s","event_action":"%s","dedup_key":"%s"}"""
                        .formatted(Vigil.PAYMENTS_PAGERDUTY_KEY, action, dedupKey);
        return vigil.intake().postJson("/v2/enqueue", body);
    }

    // --- What people do ------------------------------------------------------------------------------------------

    /** A click on a button of the page in Slack, signed with the app's signing secret at the clock's time. */
    HttpProbe.Response pressSlackButton(String member, String action, Incident incident) {
        String body = slackButtonBody(member, action, incident);
        String timestamp = Long.toString(vigil.clock.instant().getEpochSecond());
        String signature = "v0=" + HexFormat.of().formatHex(
                hmac("HmacSHA256", Vigil.SIGNING_SECRET, "v0:" + timestamp + ":" + body));
        return postForm("/v1/slack/interactions", body,
                Map.of("X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", signature));
    }

    /**
     * Waits until the condition holds, moving the clock a second on at each look: messages to one Slack member or
     * channel are paced a second apart by the service's clock, which stands still otherwise, so a message that lost
     * its turn to another (a reminder, say) would wait for ever.
     */
    void awaitAsSecondsPass(java.util.function.BooleanSupplier condition) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (condition.getAsBoolean()) {
                return true;
            }
            vigil.clock.advance(Duration.ofSeconds(1));
            return false;
        });
    }

    /**
     * Waits for a message to a Slack channel, moving the clock a second on at each look: messages to one channel are
     * paced a second apart by the service's clock, which stands still otherwise.
     */
    Map<String, String> awaitSlackMessageAsSecondsPass(String channel,
            Predicate<Map<String, String>> which) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
            Optional<Map<String, String>> found = vigil.slackMessagesTo(channel).stream().filter(which)
                    .findFirst();
            if (found.isEmpty()) {
                vigil.clock.advance(Duration.ofSeconds(1));
            }
            return found;
        }, Optional::isPresent).orElseThrow();
    }

    /** A click on Approve or Reject of a remediation run's request in Slack, signed as Slack signs it. */
    HttpProbe.Response pressSlackRunButton(String member, String action, String runId, Incident incident) {
        String payload = """
                {"type":"block_actions","user":{"id":"%s","username":"%s"},"trigger_id":"t-%s",\
                "actions":[{"action_id":"%s","block_id":"remediation:%s","value":"%s","type":"button",\
                "action_ts":"%d.%06d"}]}""".formatted(member, member, UUID.randomUUID(), action, incident.id(),
                runId, vigil.clock.instant().getEpochSecond(), (int) (Math.random() * 999_999));
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        String timestamp = Long.toString(vigil.clock.instant().getEpochSecond());
        String signature = "v0=" + HexFormat.of().formatHex(
                hmac("HmacSHA256", Vigil.SIGNING_SECRET, "v0:" + timestamp + ":" + body));
        return postForm("/v1/slack/interactions", body,
                Map.of("X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", signature));
    }

    HttpProbe.Response unsignedSlackButton(String member, String action, Incident incident) {
        return postForm("/v1/slack/interactions", slackButtonBody(member, action, incident), Map.of());
    }

    private String slackButtonBody(String member, String action, Incident incident) {
        String payload = """
                {"type":"block_actions","user":{"id":"%s","username":"%s"},"trigger_id":"t-%s",\
                "actions":[{"action_id":"%s","block_id":"incident:%s","value":"%s","type":"button",\
                "action_ts":"%d.%06d"}]}""".formatted(member, member, UUID.randomUUID(), action, incident.id(),
                incident.id(), vigil.clock.instant().getEpochSecond(), (int) (Math.random() * 999_999));
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }

    /** An answer to a page by SMS, as Twilio posts it: signed with the account's auth token over the public URL. */
    HttpProbe.Response replyBySms(String from, String text) {
        Map<String, String> params = smsParams(from, text);
        return postForm("/v1/twilio/sms", form(params), Map.of("X-Twilio-Signature", twilioSignature(params)));
    }

    /** The same request signed with a wrong token. */
    HttpProbe.Response forgedSmsReply(String from, String text) {
        Map<String, String> params = smsParams(from, text);
        StringBuilder signed = new StringBuilder(Vigil.PUBLIC_URL + "/v1/twilio/sms");
        new TreeMap<>(params).forEach((name, value) -> signed.append(name).append(value));
        String forged = Base64.getEncoder().encodeToString(hmac("HmacSHA1", "not-the-auth-token", signed.toString()));
        return postForm("/v1/twilio/sms", form(params), Map.of("X-Twilio-Signature", forged));
    }

    private static Map<String, String> smsParams(String from, String text) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        params.put("AccountSid", Vigil.TWILIO_ACCOUNT);
        params.put("From", from);
        params.put("To", Vigil.TWILIO_NUMBER);
        params.put("Body", text);
        return params;
    }

    private static String twilioSignature(Map<String, String> params) {
        StringBuilder signed = new StringBuilder(Vigil.PUBLIC_URL + "/v1/twilio/sms");
        new TreeMap<>(params).forEach((name, value) -> signed.append(name).append(value));
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", Vigil.TWILIO_TOKEN, signed.toString()));
    }

    /** A responder acting on the incident through the REST API with their own token. */
    HttpProbe.Response act(Incident incident, String action, String person) {
        return act(incident, action, person, TestTokens.of(person));
    }

    HttpProbe.Response act(Incident incident, String action, String person, String token) {
        return vigil.api(VigilService.INCIDENT_CORE, token)
                .postJson("/v1/incidents/" + incident.id() + "/" + action, "{}");
    }

    // --- What people and API users see ---------------------------------------------------------------------------

    Incident incidentOf(String service) {
        return awaitIncidents(service, 1).getLast();
    }

    List<Incident> awaitIncidents(String service, int count) {
        return await().atMost(PATIENCE).until(() -> incidents(service), list -> list.size() >= count);
    }

    /** The service's incidents, oldest first. */
    List<Incident> incidents(String service) {
        JsonNode list = read(VigilService.INCIDENT_CORE, "/v1/incidents?limit=500&service=" + service);
        List<Incident> incidents = new ArrayList<>();
        list.forEach(node -> incidents.add(new Incident(node.get("id").asString(), node.get("number").asLong(), node)));
        incidents.sort(java.util.Comparator.comparing(i -> i.json().get("openedAt").asString()));
        return incidents;
    }

    JsonNode incident(Incident incident) {
        return read(VigilService.INCIDENT_CORE, "/v1/incidents/" + incident.id());
    }

    void awaitStatus(Incident incident, String status) {
        await().atMost(PATIENCE).until(() -> status.equals(incident(incident).get("status").asString()));
    }

    List<String> timelineActors(Incident incident) {
        return timelineEntries(incident).stream().filter(entry -> entry.hasNonNull("actor"))
                .map(entry -> entry.get("actor").get("id").asString() + " via " + entry.get("actor").get("via").asString())
                .toList();
    }

    /** Waits for the timeline entry of this kind whose summary mentions {@code text}, and returns it. */
    JsonNode awaitTimeline(Incident incident, String kind, String text) {
        return await().atMost(PATIENCE).until(() -> timelineEntries(incident).stream()
                .filter(entry -> kind.equals(entry.get("kind").asString()))
                .filter(entry -> entry.get("summary").asString().contains(text))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private List<JsonNode> timelineEntries(Incident incident) {
        JsonNode timeline = read(VigilService.INCIDENT_CORE, "/v1/incidents/" + incident.id() + "/timeline");
        JsonNode entries = timeline.has("entries") ? timeline.get("entries") : timeline;
        return entries.valueStream().toList();
    }

    String incidentMetrics() {
        return new HttpProbe(vigil.url(VigilService.INCIDENT_CORE)).get("/actuator/prometheus").body();
    }

    void awaitEscalationState(Incident incident, String state) {
        await().atMost(PATIENCE).until(() -> state.equals(
                read(VigilService.ESCALATION, "/v1/escalations/" + incident.id()).get("state").asString()));
        await().atMost(PATIENCE).until(() -> read(VigilService.ESCALATION, "/v1/escalations/" + incident.id() + "/log")
                .get("pending").isEmpty());
    }

    /** When the escalation's next step is due, by the clock. */
    Instant pendingStepDue(Incident incident) {
        JsonNode pending = await().atMost(PATIENCE).until(() -> read(VigilService.ESCALATION,
                "/v1/escalations/" + incident.id() + "/log").get("pending"), steps -> !steps.isEmpty());
        return Instant.parse(pending.get(0).get("dueAt").asString());
    }

    /** The escalation's log entries, each as its JSON text. */
    List<String> escalationLog(Incident incident) {
        return read(VigilService.ESCALATION, "/v1/escalations/" + incident.id() + "/log").get("log").valueStream()
                .map(JsonNode::toString).toList();
    }

    /**
     * Pages about the incident that Slack was asked to post to a member or channel (thread replies and reminders
     * left out).
     */
    List<Map<String, String>> slackPages(String channel, Incident incident) {
        return vigil.slackMessagesTo(channel).stream()
                .filter(message -> !message.containsKey("thread_ts"))
                .filter(message -> message.getOrDefault("blocks", "").contains(incident.id()))
                .filter(message -> !reminder(message))
                .toList();
    }

    /** Reminders about the incident (an overdue response or update) that Slack was asked to post to a member. */
    List<Map<String, String>> slackReminders(String channel, Incident incident) {
        return vigil.slackMessagesTo(channel).stream()
                .filter(message -> message.getOrDefault("blocks", "").contains(incident.id()))
                .filter(Story::reminder)
                .toList();
    }

    void awaitSlackReminders(String channel, Incident incident, int count) {
        explained(incident, () -> await().atMost(PATIENCE)
                .until(() -> slackReminders(channel, incident).size() >= count));
        assertThat(slackReminders(channel, incident)).hasSize(count);
    }

    /** A reminder's Slack message is headed "Reminder: #42 …" where a page's is "#42 …". */
    private static boolean reminder(Map<String, String> message) {
        return message.getOrDefault("blocks", "").contains("\"text\":\"Reminder: #");
    }

    /** Every request to post a page about the incident to a member, answered or not. */
    int slackAttempts(String channel, Incident incident) {
        return slackPages(channel, incident).size();
    }

    void awaitSlackPages(String channel, Incident incident, int count) {
        explained(incident, () -> await().atMost(PATIENCE).until(() -> slackPages(channel, incident).size() >= count));
        assertThat(slackPages(channel, incident)).hasSize(count);
    }

    void awaitSms(String number, Incident incident, int count) {
        explained(incident, () -> await().atMost(PATIENCE).until(() -> sms(number, incident).size() >= count));
        assertThat(sms(number, incident)).hasSize(count);
    }

    /** Runs the wait; when it times out, says what escalation and notification did about the incident. */
    private void explained(Incident incident, Runnable wait) {
        try {
            wait.run();
        } catch (org.awaitility.core.ConditionTimeoutException timeout) {
            String escalation = vigil.api(VigilService.ESCALATION, TestTokens.VIEWER)
                    .get("/v1/escalations/" + incident.id() + "/log").body();
            String deliveries = vigil.api(VigilService.NOTIFICATION, TestTokens.VIEWER)
                    .get("/v1/deliveries?limit=1000").body();
            String mine = JSON.readTree(deliveries).path("deliveries").valueStream()
                    .filter(delivery -> incident.id().equals(delivery.path("incidentId").asString()))
                    .map(JsonNode::toString).collect(Collectors.joining("\n"));
            throw new AssertionError("%s%nescalation: %s%ndeliveries:%n%s".formatted(timeout.getMessage(), escalation,
                    mine), timeout);
        }
    }

    private List<Map<String, String>> sms(String number, Incident incident) {
        return vigil.smsTo(number).stream()
                .filter(message -> message.getOrDefault("Body", "").contains("#" + incident.number() + " "))
                .filter(message -> !message.getOrDefault("Body", "").startsWith("Vigil: Reminder: "))
                .toList();
    }

    private JsonNode read(VigilService service, String path) {
        HttpProbe.Response response = vigil.api(service, TestTokens.VIEWER).get(path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpProbe.Response postForm(String path, String body, Map<String, String> headers) {
        return vigil.notificationDoor().post(path, "application/x-www-form-urlencoded", body, headers);
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static byte[] hmac(String algorithm, String secret, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
