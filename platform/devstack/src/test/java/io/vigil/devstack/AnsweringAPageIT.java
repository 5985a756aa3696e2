package io.vigil.devstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.TestTokens;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page answered where it arrived: the on-call person presses Acknowledge in Slack, or replies to the SMS, and
 * the incident is acknowledged in incident-core and its escalation stops. Four services, real Kafka, Postgres and
 * Redis; Slack's and Twilio's APIs are WireMock fakes that the real SDKs talk to, and the test answers the way
 * Slack and Twilio call back: signed with the app's signing secret and the account's auth token.
 */
class AnsweringAPageIT {

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final String SIGNING_SECRET = "answering-it-slack-signing-secret";
    private static final String TWILIO_ACCOUNT = "AC" + "0".repeat(30) + "42";
    private static final String TWILIO_TOKEN = "answering-it-twilio-auth-token";
    /** Where Twilio believes notification-service lives, behind a proxy; Twilio signs over this URL. */
    private static final String PUBLIC_URL = "https://vigil.example.test/notification";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + TWILIO_ACCOUNT + "/Messages.json";

    private static final WireMockServer SLACK = new WireMockServer(wireMockConfig().dynamicPort());
    private static final WireMockServer TWILIO = new WireMockServer(wireMockConfig().dynamicPort());
    private static RunningServices vigil;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startVigil() {
        SLACK.start();
        TWILIO.start();
        SLACK.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).willReturn(okJson(
                "{\"ok\":true,\"channel\":\"D0DANA\",\"ts\":\"1780000000.000100\"}")));
        SLACK.stubFor(post(urlPathEqualTo("/api/chat.update")).willReturn(okJson(
                "{\"ok\":true,\"channel\":\"D0DANA\",\"ts\":\"1780000000.000100\"}")));
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM" + "1".repeat(32) + "\",\"status\":\"queued\"}")));

        Infrastructure infrastructure = Infrastructure.shared();
        EnumSet<VigilService> services = EnumSet.of(VigilService.INGESTION, VigilService.INCIDENT_CORE,
                VigilService.ESCALATION, VigilService.NOTIFICATION);
        Map<VigilService, Integer> ports = new HashMap<>();
        services.forEach(service -> ports.put(service, 0));
        vigil = RunningServices.start(services, infrastructure.postgres().createDatabase("answering"),
                infrastructure.redis(), infrastructure.kafka(), ports, properties());
    }

    private static Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>(DemoConfiguration.properties());
        properties.putAll(TestTokens.properties());
        properties.put("vigil.incident.dedup-key-prefix", "answering:" + UUID.randomUUID() + ":");
        properties.put("vigil.escalation.config-file", "classpath:answering/escalation.yaml");
        properties.put("vigil.notification.config-file", "classpath:answering/notification.yaml");
        properties.put("vigil.notification.slack.bot-token", "xoxb-answering-it");
        properties.put("vigil.notification.slack.signing-secret", SIGNING_SECRET);
        properties.put("vigil.notification.slack.api-url", SLACK.baseUrl() + "/api/");
        properties.put("vigil.notification.twilio.account-sid", TWILIO_ACCOUNT);
        properties.put("vigil.notification.twilio.auth-token", TWILIO_TOKEN);
        properties.put("vigil.notification.twilio.from-number", "+15005550006");
        properties.put("vigil.notification.twilio.webhook-base-url", PUBLIC_URL);
        properties.put("vigil.notification.twilio.api-endpoint", TWILIO.baseUrl());
        return properties;
    }

    @AfterAll
    static void stopVigil() {
        if (vigil != null) {
            vigil.close();
        }
        SLACK.stop();
        TWILIO.stop();
    }

    @Test
    void acknowledgeInSlackAcknowledgesTheIncidentAndStopsItsEscalation() throws Exception {
        String incidentId = alertAndAwaitIncident("answered-in-slack");
        await().atMost(PATIENCE).until(() -> !slackPagesAbout(incidentId).isEmpty());

        HttpResponse<String> pressed = pressSlackButton("U0DANA", "acknowledge", incidentId);

        assertThat(pressed.statusCode()).isEqualTo(200);
        JsonNode acknowledged = awaitIncidentStatus(incidentId, "acknowledged");
        assertThat(acknowledged.get("status").asString()).isEqualTo("acknowledged");
        assertThat(timelineActors(incidentId)).contains("dana via slack");
        assertEscalationStopped(incidentId);
    }

    @Test
    void aReplyToTheSmsAcknowledgesTheIncidentAndStopsItsEscalation() throws Exception {
        String incidentId = alertAndAwaitIncident("answered-by-sms");
        long number = incidents().get("/v1/incidents/" + incidentId).json().get("number").asLong();
        LoggedRequest sms = await().atMost(PATIENCE).until(() -> smsTo("+15555550142", "#" + number),
                requests -> !requests.isEmpty()).getFirst();
        assertThat(formParam(sms, "Body")).contains("Reply 4 " + number + " to acknowledge");

        HttpResponse<String> replied = replyBySms("+15555550142", "4 " + number);

        assertThat(replied.statusCode()).isEqualTo(200);
        assertThat(replied.body()).contains("Acknowledging #" + number);
        awaitIncidentStatus(incidentId, "acknowledged");
        assertThat(timelineActors(incidentId)).contains("eve via sms");
        assertEscalationStopped(incidentId);
    }

    private String alertAndAwaitIncident(String service) {
        String dedupKey = service + "-" + UUID.randomUUID();
        HttpProbe.Response accepted = new HttpProbe(vigil.url(VigilService.INGESTION)).postJson(
                "/v1/alerts?key=" + DemoConfiguration.genericKey(), """
                        {"service":"%s","summary":"Payments failing for %s","severity":"critical","dedupKey":"%s"}"""
                        .formatted(service, service, dedupKey));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return await().atMost(PATIENCE).until(() -> incidents().get("/v1/incidents?service=" + service).json(),
                list -> list.size() == 1).get(0).get("id").asString();
    }

    private JsonNode awaitIncidentStatus(String incidentId, String status) {
        return await().atMost(PATIENCE).until(() -> incidents().get("/v1/incidents/" + incidentId).json(),
                incident -> status.equals(incident.get("status").asString()));
    }

    private List<String> timelineActors(String incidentId) {
        JsonNode timeline = incidents().get("/v1/incidents/" + incidentId + "/timeline").json();
        JsonNode entries = timeline.has("entries") ? timeline.get("entries") : timeline;
        return entries.valueStream()
                .filter(entry -> entry.hasNonNull("actor"))
                .map(entry -> entry.get("actor").get("id").asString() + " via " + entry.get("actor").get("via").asString())
                .toList();
    }

    /** The escalation is acknowledged and nothing is left to page: level 2 (five minutes later) will not fire. */
    private void assertEscalationStopped(String incidentId) {
        HttpProbe escalation = new HttpProbe(vigil.url(VigilService.ESCALATION)).withToken(TestTokens.VIEWER);
        await().atMost(PATIENCE).until(() -> json.readTree(escalation.get("/v1/escalations/" + incidentId).body())
                .get("state").asString().equals("ACKNOWLEDGED"));
        assertThat(json.readTree(escalation.get("/v1/escalations/" + incidentId + "/log").body()).get("pending"))
                .isEmpty();
    }

    private ReadableProbe incidents() {
        return new ReadableProbe(new HttpProbe(vigil.url(VigilService.INCIDENT_CORE)).withToken(TestTokens.VIEWER));
    }

    /** An HttpProbe whose answers are read as JSON. */
    private final class ReadableProbe {

        private final HttpProbe probe;

        ReadableProbe(HttpProbe probe) {
            this.probe = probe;
        }

        Answer get(String path) {
            HttpProbe.Response response = probe.get(path);
            return new Answer(response.status(), json.readTree(response.body()));
        }
    }

    private record Answer(int status, JsonNode json) {
    }

    private List<LoggedRequest> slackPagesAbout(String incidentId) {
        return SLACK.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage"))).stream()
                .filter(request -> request.getBodyAsString().contains(incidentId))
                .toList();
    }

    private List<LoggedRequest> smsTo(String number, String mentioning) {
        return TWILIO.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))).stream()
                .filter(request -> number.equals(formParam(request, "To")))
                .filter(request -> formParam(request, "Body").contains(mentioning))
                .toList();
    }

    private static String formParam(LoggedRequest request, String name) {
        for (String pair : request.getBodyAsString().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    /** What Slack sends when a member clicks a button of the page: a signed block_actions payload. */
    private HttpResponse<String> pressSlackButton(String member, String action, String incidentId) throws Exception {
        String payload = """
                {"type":"block_actions","user":{"id":"%s","username":"dana"},"trigger_id":"t-%s",\
                "actions":[{"action_id":"%s","block_id":"incident:%s","value":"%s","type":"button",\
                "action_ts":"%d.000200"}]}""".formatted(member, UUID.randomUUID(), action, incidentId, incidentId,
                Instant.now().getEpochSecond());
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signature = "v0=" + HexFormat.of().formatHex(
                hmac("HmacSHA256", SIGNING_SECRET, "v0:" + timestamp + ":" + body));
        return postForm("/v1/slack/interactions", body,
                Map.of("X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", signature));
    }

    /** What Twilio sends when the paged phone answers: the inbound message, signed over the public URL. */
    private HttpResponse<String> replyBySms(String from, String text) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        params.put("AccountSid", TWILIO_ACCOUNT);
        params.put("From", from);
        params.put("To", "+15005550006");
        params.put("Body", text);
        StringBuilder signed = new StringBuilder(PUBLIC_URL + "/v1/twilio/sms");
        new TreeMap<>(params).forEach((name, value) -> signed.append(name).append(value));
        String signature = Base64.getEncoder().encodeToString(hmac("HmacSHA1", TWILIO_TOKEN, signed.toString()));
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return postForm("/v1/twilio/sms", body, Map.of("X-Twilio-Signature", signature));
    }

    private static byte[] hmac(String algorithm, String secret, String data) throws Exception {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> postForm(String path, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        java.net.URI.create(vigil.url(VigilService.NOTIFICATION) + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
