package io.vigil.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.Message;
import io.vigil.contracts.NotificationOutcome;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Urgency;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.MutableClock;
import io.vigil.testkit.TestTokens;
import io.vigil.testkit.TopicRecorder;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One notification-service with a fake Slack (WireMock), a real SMTP server (GreenMail) and a clock the tests move.
 * Every test class extending it shares the Spring context; each test uses its own incident, users and addresses.
 */
@SpringBootTest(classes = NotificationApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=notification-service",
                "vigil.notification.config-file=classpath:notification-it.yaml",
                "vigil.notification.tick=50ms",
                "vigil.notification.retry-jitter=0",
                "vigil.notification.slack.bot-token=xoxb-test-token",
                "vigil.notification.slack.signing-secret=" + NotificationIntegrationTest.SIGNING_SECRET,
                "vigil.notification.email.from=pager@vigil.test",
                "vigil.notification.webhook.allowed-hosts=localhost",
                "vigil.notification.twilio.account-sid=" + NotificationIntegrationTest.TWILIO_ACCOUNT,
                "vigil.notification.twilio.auth-token=" + NotificationIntegrationTest.TWILIO_TOKEN,
                "vigil.notification.twilio.from-number=+15005550006",
                "vigil.notification.twilio.webhook-base-url=" + NotificationIntegrationTest.PUBLIC_URL})
@Import(NotificationIntegrationTest.ControlledTime.class)
abstract class NotificationIntegrationTest {

    static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String TWILIO_ACCOUNT = "AC00000000000000000000000000000001";
    static final String TWILIO_TOKEN = "twilio-test-auth-token";
    static final String PUBLIC_URL = "https://vigil.example.test/notification";
    /** How long a test waits for asynchronous work (Kafka, the poller, a fake's inbox) before it fails. */
    static final Duration PATIENCE = Duration.ofSeconds(20);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Infrastructure INFRA = Infrastructure.shared();
    static final MutableClock CLOCK = MutableClock.at("2026-06-01T10:00:00Z");
    static final EnvelopeCodec CODEC = new EnvelopeCodec();
    static final WireMockServer SLACK = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final WireMockServer TWILIO = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final AtomicLong NUMBERS = new AtomicLong(1000);

    static {
        SLACK.start();
        TWILIO.start();
        MAIL.start();
    }

    static TopicRecorder outcomes;
    static TopicRecorder commands;

    @TestConfiguration
    static class ControlledTime {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        INFRA.springProperties("notification_it").forEach((key, value) -> registry.add(key, () -> value));
        registry.add("vigil.notification.slack.api-url", () -> SLACK.baseUrl() + "/api/");
        registry.add("vigil.notification.twilio.api-endpoint", () -> TWILIO.baseUrl());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    /**
     * Starts recording once the context is up: the service creates its topics with their partitions at start, and a
     * recorder that came first would find a topic auto-created with one partition and miss the others.
     */
    @BeforeEach
    void recordOnceTheServiceMadeItsTopics() {
        if (outcomes == null) {
            outcomes = TopicRecorder.record(INFRA.kafka().bootstrapServers(), Topics.NOTIFICATION_OUTCOMES);
            commands = TopicRecorder.record(INFRA.kafka().bootstrapServers(), Topics.INCIDENT_COMMANDS);
        }
    }

    @AfterAll
    static void stopRecording() {
        if (outcomes != null) {
            outcomes.close();
            commands.close();
            outcomes = null;
            commands = null;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CircuitBreakerRegistry breakers;

    @BeforeEach
    void slackAnswersOkAndBreakersAreClosed() {
        // Each test starts a minute after the last, so per-address throttles and pacing start afresh.
        CLOCK.advance(Duration.ofMinutes(1));
        SLACK.resetAll();
        SLACK.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).atPriority(10).willReturn(okJson(
                "{\"ok\":true,\"channel\":\"D0FAKE\",\"ts\":\"1780000000.000100\"}")));
        SLACK.stubFor(post(urlPathEqualTo("/api/chat.update")).atPriority(10).willReturn(okJson(
                "{\"ok\":true,\"channel\":\"D0FAKE\",\"ts\":\"1780000000.000100\"}")));
        TWILIO.resetAll();
        TWILIO.stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/" + TWILIO_ACCOUNT + "/Messages.json")).atPriority(10)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"SM{{randomValue length=32 type='HEXADECIMAL'}}\",\"status\":\"queued\"}")
                        .withTransformers("response-template")));
        TWILIO.stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/" + TWILIO_ACCOUNT + "/Calls.json")).atPriority(10)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"CA{{randomValue length=32 type='HEXADECIMAL'}}\",\"status\":\"queued\"}")
                        .withTransformers("response-template")));
        breakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
    }

    /** The service's REST API as an administrator calls it. Slack's and Twilio's webhooks are signed, not this. */
    HttpProbe api() {
        return HttpProbe.localhost(port).withToken(TestTokens.ADMIN);
    }

    /** The delivery of the incident listed at {@code GET /v1/deliveries?status=<status>}. */
    JsonNode listedDelivery(String status, UUID incidentId) {
        HttpProbe.Response listed = api().get("/v1/deliveries?status=" + status);
        org.assertj.core.api.Assertions.assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return JSON.readTree(listed.body()).get("deliveries").valueStream()
                .filter(d -> d.get("incidentId").asString().equals(incidentId.toString()))
                .reduce((a, b) -> {
                    throw new AssertionError("more than one " + status + " delivery of incident " + incidentId);
                })
                .orElseThrow(() -> new AssertionError("no " + status + " delivery of incident " + incidentId));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    /** A page as escalation-service sends it, for a new incident. */
    static NotificationRequested page(String userId, String email, String slack, Urgency urgency) {
        return page(UUID.randomUUID(), userId, email, slack, urgency);
    }

    static NotificationRequested page(UUID incidentId, String userId, String email, String slack, Urgency urgency) {
        UUID requestId = StableIds.of("page", incidentId.toString(), "1", "1", userId);
        return new NotificationRequested(requestId, incidentId, NUMBERS.incrementAndGet(), "p99 latency above 2s",
                "checkout", IncidentSeverity.SEV2, urgency, 1, 1,
                new NotificationRequested.Recipient(userId, userId.toUpperCase(), email, slack, "Europe/London"),
                "user");
    }

    static void send(NotificationRequested request) {
        Envelope<NotificationRequested> envelope = Envelope.of(request.requestId(), request.incidentId().toString(),
                request, CLOCK, null);
        TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.NOTIFICATION_REQUESTS,
                request.incidentId().toString(), CODEC.encode(envelope));
    }

    static void sendIncidentEvent(UUID incidentId, Message event) {
        Envelope<Message> envelope = Envelope.of(UUID.randomUUID(), incidentId.toString(), event, CLOCK, null);
        TopicRecorder.send(INFRA.kafka().bootstrapServers(), Topics.INCIDENT_EVENTS, incidentId.toString(),
                CODEC.encode(envelope));
    }

    /** Outcomes published about the incident, in order. */
    static List<NotificationOutcome> outcomesOf(UUID incidentId) {
        return outcomes.records().stream()
                .filter(record -> incidentId.toString().equals(record.key()))
                .map(record -> (NotificationOutcome) CODEC.decode(record.value()).payload())
                .toList();
    }

    static List<NotificationOutcome.Status> statusesOf(UUID incidentId) {
        return outcomesOf(incidentId).stream().map(NotificationOutcome::status).toList();
    }

    /** Messages the fake Slack received for a channel or member. */
    static List<LoggedRequest> slackPosts(String method, String channel) {
        return SLACK.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        urlPathEqualTo("/api/" + method)))
                .stream().filter(request -> channel.equals(formParam(request, "channel"))).toList();
    }

    static String formParam(LoggedRequest request, String name) {
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** E-mails GreenMail received for the address. */
    static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                Address[] to = message.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    int deliveries(UUID incidentId, String status) {
        return jdbc.queryForObject("select count(*) from delivery where incident_id = ? and status = ?", Integer.class,
                incidentId, status);
    }
}
