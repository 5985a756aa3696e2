package io.vigil.scenarios;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vigil.devstack.DemoConfiguration;
import io.vigil.devstack.RunningServices;
import io.vigil.devstack.VigilService;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.MutableClock;
import io.vigil.testkit.PostgresEndpoint;
import io.vigil.testkit.TestTokens;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * All five services of Vigil running together as the devstack runs them, on real Kafka, Postgres and Redis, with
 * one {@link MutableClock} for all of them, and fakes that record what a person would receive: Slack's Web API and
 * Twilio's REST API (WireMock, reached by the real SDKs) and an SMTP server (GreenMail).
 */
final class Vigil implements AutoCloseable {

    static final String SIGNING_SECRET = "scenario-slack-signing-secret";
    static final String TWILIO_ACCOUNT = "AC" + "0".repeat(30) + "77";
    static final String TWILIO_TOKEN = "scenario-twilio-auth-token";
    static final String TWILIO_NUMBER = "+15005550006";
    /** Where Slack and Twilio believe notification-service lives (behind a proxy); Twilio signs over it. */
    static final String PUBLIC_URL = "https://vigil.example.test/notification";
    static final String MESSAGES = "/2010-04-01/Accounts/" + TWILIO_ACCOUNT + "/Messages.json";

    /** Integrations the scenarios add to the demo ones: a PagerDuty client and a generic source for payments. */
    static final String PAYMENTS_PAGERDUTY_KEY = "scenario-payments-pagerduty-key-01";

    final MutableClock clock;
    final WireMockServer slack = new WireMockServer(wireMockConfig().dynamicPort());
    final WireMockServer twilio = new WireMockServer(wireMockConfig().dynamicPort());
    final GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final RunningServices services;
    private final PostgresEndpoint database;

    private Vigil(MutableClock clock) {
        this.clock = clock;
        slack.start();
        twilio.start();
        mail.start();
        slackAnswers();
        twilioAnswers();
        Infrastructure infrastructure = Infrastructure.shared();
        Map<VigilService, Integer> ports = new EnumMap<>(VigilService.class);
        EnumSet.allOf(VigilService.class).forEach(service -> ports.put(service, 0));
        this.database = infrastructure.postgres().createDatabase("scenarios");
        this.services = RunningServices.start(EnumSet.allOf(VigilService.class), database, infrastructure.redis(),
                infrastructure.kafka(), ports, properties(), clock);
    }

    /** Vigil with the scenarios' people, schedules and policies, its clock standing at {@code start}. */
    static Vigil startAt(String start) {
        return new Vigil(MutableClock.at(start));
    }

    private Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>(DemoConfiguration.properties());
        properties.putAll(TestTokens.properties());
        int next = DemoConfiguration.INTEGRATIONS.size();
        properties.put("vigil.ingestion.integrations[%d].name".formatted(next), "scenario-payments-pagerduty");
        properties.put("vigil.ingestion.integrations[%d].type".formatted(next), "pagerduty");
        properties.put("vigil.ingestion.integrations[%d].service".formatted(next), "payments");
        properties.put("vigil.ingestion.integrations[%d].key".formatted(next), PAYMENTS_PAGERDUTY_KEY);
        properties.put("vigil.ingestion.heartbeats.check-interval", "200ms");
        properties.put("vigil.incident.dedup-key-prefix", "scenarios:" + UUID.randomUUID() + ":");
        properties.put("vigil.escalation.config-file", "classpath:scenarios/escalation.yaml");
        properties.put("vigil.notification.config-file", "classpath:scenarios/notification.yaml");
        properties.put("vigil.notification.slack.bot-token", "xoxb-scenarios");
        properties.put("vigil.notification.slack.signing-secret", SIGNING_SECRET);
        properties.put("vigil.notification.slack.api-url", slack.baseUrl() + "/api/");
        properties.put("vigil.notification.twilio.account-sid", TWILIO_ACCOUNT);
        properties.put("vigil.notification.twilio.auth-token", TWILIO_TOKEN);
        properties.put("vigil.notification.twilio.from-number", TWILIO_NUMBER);
        properties.put("vigil.notification.twilio.webhook-base-url", PUBLIC_URL);
        properties.put("vigil.notification.twilio.api-endpoint", twilio.baseUrl());
        // Status-page webhook subscribers in the scenarios are the local WireMock.
        properties.put("vigil.notification.webhook.allowed-hosts", "localhost");
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", Integer.toString(mail.getSmtp().getPort()));
        return properties;
    }

    /** Slack accepts every message, as a healthy workspace does. */
    void slackAnswers() {
        slack.resetMappings();
        slack.stubFor(post(urlPathEqualTo("/api/chat.postMessage")).atPriority(10).willReturn(okJson(
                "{\"ok\":true,\"channel\":\"D0SCENARIO\",\"ts\":\"1780000000.000100\"}")));
        slack.stubFor(post(urlPathEqualTo("/api/chat.update")).atPriority(10).willReturn(okJson(
                "{\"ok\":true,\"channel\":\"D0SCENARIO\",\"ts\":\"1780000000.000100\"}")));
    }

    private void twilioAnswers() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM{{randomValue length=32 type='HEXADECIMAL'}}\",\"status\":\"queued\"}")
                .withTransformers("response-template")));
    }

    String url(VigilService service) {
        return services.url(service);
    }

    /** A service's REST API as a person with their own responder token ({@link TestTokens#of}) or a role's token. */
    HttpProbe api(VigilService service, String token) {
        return new HttpProbe(url(service)).withToken(token);
    }

    HttpProbe intake() {
        return new HttpProbe(url(VigilService.INGESTION));
    }

    HttpProbe notificationDoor() {
        return new HttpProbe(url(VigilService.NOTIFICATION));
    }

    /** Messages the fake Slack was asked to post to a member or channel, oldest first. */
    List<Map<String, String>> slackMessagesTo(String channel) {
        return formsTo(slack, "/api/chat.postMessage", "channel", channel);
    }

    /** Text messages the fake Twilio was asked to send to a number, oldest first. */
    List<Map<String, String>> smsTo(String number) {
        return formsTo(twilio, MESSAGES, "To", number);
    }

    /** E-mails the SMTP server received for an address, subject and plain text. */
    List<String> emailsTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> addressedTo(message, address))
                .map(Vigil::subject).toList();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, String>> formsTo(WireMockServer fake, String path, String field, String value) {
        return fake.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .map(Vigil::form)
                .filter(form -> value.equals(form.get(field)))
                .toList();
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    RunningServices services() {
        return services;
    }

    /** The database all five services keep their schemas in. */
    PostgresEndpoint database() {
        return database;
    }

    @Override
    public void close() {
        services.close();
        slack.stop();
        twilio.stop();
        mail.stop();
    }
}
