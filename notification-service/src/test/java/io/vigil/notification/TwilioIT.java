package io.vigil.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vigil.contracts.AcknowledgeIncident;
import io.vigil.contracts.Actor;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.IncidentRef;
import io.vigil.contracts.Message;
import io.vigil.contracts.NotificationOutcome.Status;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.ResolveIncident;
import io.vigil.contracts.Urgency;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** SMS and calls through the real twilio-java against a fake Twilio, and Twilio's signed webhooks coming back. */
class TwilioIT extends NotificationIntegrationTest {

    private static final String MESSAGES = "/2010-04-01/Accounts/" + TWILIO_ACCOUNT + "/Messages.json";
    private static final String CALLS = "/2010-04-01/Accounts/" + TWILIO_ACCOUNT + "/Calls.json";

    private static List<LoggedRequest> twilio(String path, String to) {
        return TWILIO.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .filter(request -> to.equals(formParam(request, "To"))).toList();
    }

    /** Twilio's signature: Base64 HMAC-SHA1 with the auth token over the URL and the sorted POST parameters. */
    private static String twilioSignature(String url, Map<String, String> params) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((key, value) -> data.append(key).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TWILIO_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private Http.Response webhook(String pathAndQuery, Map<String, String> params, String signature) {
        String body = params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return Http.postForm(port, pathAndQuery, body,
                signature == null ? Map.of() : Map.of("X-Twilio-Signature", signature));
    }

    private Http.Response signedWebhook(String pathAndQuery, Map<String, String> params) throws Exception {
        return webhook(pathAndQuery, params, twilioSignature(PUBLIC_URL + pathAndQuery, params));
    }

    private static Map<String, String> reply(String from, String text) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        params.put("AccountSid", TWILIO_ACCOUNT);
        params.put("From", from);
        params.put("To", "+15005550006");
        params.put("Body", text);
        return params;
    }

    @Test
    void anSmsPageSaysWhatBrokeAndHowToAnswer() {
        NotificationRequested request = page("sam", "ignored@example.com", null, Urgency.HIGH);
        send(request);

        await().atMost(PATIENCE).until(() -> twilio(MESSAGES, "+15555550101").stream()
                .anyMatch(r -> formParam(r, "Body").contains("#" + request.number())));
        LoggedRequest sms = twilio(MESSAGES, "+15555550101").stream()
                .filter(r -> formParam(r, "Body").contains("#" + request.number())).findFirst().orElseThrow();
        assertThat(formParam(sms, "From")).isEqualTo("+15005550006");
        assertThat(formParam(sms, "Body")).isEqualTo("""
                Vigil: SEV2 #%d checkout broke: p99 latency above 2s
                Reply 4 %d to acknowledge, 6 %d to resolve.""".formatted(request.number(), request.number(),
                request.number()));
        assertThat(formParam(sms, "StatusCallback")).isEqualTo(PUBLIC_URL + "/v1/twilio/status");
        assertThat(sms.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (TWILIO_ACCOUNT + ":" + TWILIO_TOKEN).getBytes(StandardCharsets.UTF_8)));
        await().atMost(PATIENCE).until(() -> statusesOf(request.incidentId()).contains(Status.SENT));
        assertThat(outcomesOf(request.incidentId()).getFirst().channel()).isEqualTo("sms");
    }

    @Test
    void aSignedSmsReplyAcknowledgesOrResolvesAndUnsignedOrForgedRepliesAreRefused() throws Exception {
        NotificationRequested request = page("rita", null, null, Urgency.HIGH);
        send(request);
        await().atMost(PATIENCE).until(() -> deliveries(request.incidentId(), "SENT") == 1);

        Map<String, String> forged = reply("+15555550105", "6 " + request.number());
        assertThat(webhook("/v1/twilio/sms", forged, null).status()).isEqualTo(403);
        assertThat(webhook("/v1/twilio/sms", forged, twilioSignature(PUBLIC_URL + "/v1/twilio/sms",
                reply("+15555550105", "4 " + request.number()))).status()).isEqualTo(403);

        Http.Response ack = signedWebhook("/v1/twilio/sms", reply("+15555550105", "4 " + request.number()));
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.body()).contains("<Message>Acknowledging #" + request.number() + ".</Message>");
        Envelope<Message> command = CODEC.decode(commands.awaitRecord(
                r -> request.incidentId().toString().equals(r.key()), PATIENCE).value());
        assertThat(command.payload()).isInstanceOfSatisfying(AcknowledgeIncident.class, a -> {
            assertThat(a.incident()).isEqualTo(IncidentRef.byId(request.incidentId()));
            assertThat(a.actor()).isEqualTo(new Actor("user", "rita", "sms"));
        });
        // The forged resolve above never became a command: only the acknowledgement is there.
        assertThat(commands.records().stream().filter(r -> request.incidentId().toString().equals(r.key()))
                .map(r -> CODEC.decode(r.value()).payload())).noneMatch(ResolveIncident.class::isInstance);

        Http.Response stranger = signedWebhook("/v1/twilio/sms", reply("+15555559999", "4 " + request.number()));
        assertThat(stranger.body()).contains("no page to this number");
    }

    @Test
    void aStatusCallbackSayingUndeliveredSendsTheFallbackEmail() throws Exception {
        NotificationRequested request = page("uma", null, null, Urgency.HIGH);
        send(request);
        await().atMost(PATIENCE).until(() -> deliveries(request.incidentId(), "SENT") == 1);
        String sid = jdbc.queryForObject("select provider_ref from delivery where incident_id = ?", String.class,
                request.incidentId());
        assertThat(sid).startsWith("SM");
        Map<String, String> status = new LinkedHashMap<>(Map.of("MessageSid", sid, "MessageStatus", "undelivered",
                "ErrorCode", "30003", "AccountSid", TWILIO_ACCOUNT));

        assertThat(webhook("/v1/twilio/status", status, "bm90IGEgc2lnbmF0dXJl").status()).isEqualTo(403);
        assertThat(mailsTo("uma@example.com")).isEmpty();
        assertThat(signedWebhook("/v1/twilio/status", status).status()).isEqualTo(204);

        await().atMost(PATIENCE).until(() -> mailsTo("uma@example.com").stream()
                .anyMatch(m -> subject(m).contains("#" + request.number())));
        await().atMost(PATIENCE).until(() -> statusesOf(request.incidentId()).size() == 3);
        assertThat(statusesOf(request.incidentId())).containsExactly(Status.SENT, Status.FELL_BACK, Status.SENT);
        assertThat(outcomesOf(request.incidentId()).get(1).reason()).isEqualTo("provider reported undelivered (30003)");
    }

    @Test
    void pagesToOneNumberWithinAMinuteAreHeldBackAndCombinedNotDropped() {
        NotificationRequested first = page("tess", null, null, Urgency.HIGH);
        send(first);
        await().atMost(PATIENCE).until(() -> deliveries(first.incidentId(), "SENT") == 1);
        int before = twilio(MESSAGES, "+15555550102").size();

        NotificationRequested second = page("tess", null, null, Urgency.HIGH);
        NotificationRequested third = page("tess", null, null, Urgency.HIGH);
        send(second);
        send(third);
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("""
                select count(*) from delivery where incident_id in (?, ?) and status = 'PENDING'
                and last_error like 'held back%'""", Integer.class, second.incidentId(), third.incidentId()) == 2);
        assertThat(twilio(MESSAGES, "+15555550102")).hasSize(before);

        CLOCK.advance(Duration.ofMinutes(1));
        await().atMost(PATIENCE).until(() -> deliveries(second.incidentId(), "SENT") == 1
                && deliveries(third.incidentId(), "SENT") == 1);
        assertThat(twilio(MESSAGES, "+15555550102")).hasSize(before + 1);
        String combined = formParam(twilio(MESSAGES, "+15555550102").getLast(), "Body");
        assertThat(combined).contains("#" + second.number(), "#" + third.number());
    }

    @Test
    void anInvalidNumberFailsAtOnceAndFallsBackToEmail() {
        TWILIO.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(1).withFormParam("To", equalTo("+15555550106"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                        {"code": 21211, "message": "The 'To' number +15555550106 is not a valid phone number.",
                         "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}""")));
        NotificationRequested request = page("walt", null, null, Urgency.HIGH);
        send(request);

        await().atMost(PATIENCE).until(() -> mailsTo("walt@example.com").stream()
                .anyMatch(m -> subject(m).contains("#" + request.number())));
        await().atMost(PATIENCE).until(() -> statusesOf(request.incidentId()).size() == 2);
        assertThat(statusesOf(request.incidentId())).containsExactly(Status.FELL_BACK, Status.SENT);
        assertThat(outcomesOf(request.incidentId()).getFirst().reason()).isEqualTo("twilio 21211: invalid 'To' number");
    }

    @Test
    void aCallSpeaksTheSummaryAndAKeyPressResolves() throws Exception {
        NotificationRequested request = page("vic", null, null, Urgency.HIGH);
        send(request);
        await().atMost(PATIENCE).until(() -> twilio(CALLS, "+15555550104").stream()
                .anyMatch(r -> formParam(r, "Twiml").contains("incident " + request.number())));
        String twiml = formParam(twilio(CALLS, "+15555550104").getLast(), "Twiml");
        assertThat(twiml).contains("<Gather numDigits=\"1\"", "Press 4 to acknowledge, 6 to resolve",
                PUBLIC_URL + "/v1/twilio/voice?incident=" + request.number());
        await().atMost(PATIENCE).until(() -> deliveries(request.incidentId(), "SENT") == 1);

        Map<String, String> press = new LinkedHashMap<>(Map.of("CallSid", "CA" + UUID.randomUUID().toString()
                .replace("-", ""), "From", "+15005550006", "To", "+15555550104", "Digits", "6"));
        String path = "/v1/twilio/voice?incident=" + request.number();
        assertThat(webhook(path, press, twilioSignature(PUBLIC_URL + "/v1/twilio/voice", press)).status())
                .isEqualTo(403);
        Http.Response pressed = signedWebhook(path, press);
        assertThat(pressed.status()).isEqualTo(200);
        assertThat(pressed.body()).contains("<Say>Resolved. Goodbye.</Say>");
        Envelope<Message> command = CODEC.decode(commands.awaitRecord(
                r -> request.incidentId().toString().equals(r.key()), PATIENCE).value());
        assertThat(command.payload()).isInstanceOfSatisfying(ResolveIncident.class,
                resolve -> assertThat(resolve.actor()).isEqualTo(new Actor("user", "vic", "voice")));
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
