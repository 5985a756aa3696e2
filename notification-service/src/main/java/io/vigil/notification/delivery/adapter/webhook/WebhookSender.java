package io.vigil.notification.delivery.adapter.webhook;

import io.vigil.notification.NotificationProperties;
import io.vigil.notification.contact.application.Contacts;
import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.contact.domain.ContactMethod;
import io.vigil.notification.delivery.application.ChannelSender;
import io.vigil.notification.delivery.domain.ChannelUnavailable;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.PageText;
import io.vigil.notification.delivery.domain.Purpose;
import io.vigil.notification.delivery.domain.SendResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outgoing webhooks: a CloudEvents 1.0 event in structured JSON mode, signed
 * {@code X-Vigil-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the method's secret>}.
 * A status-page subscriber's webhook instead receives the notice's own JSON document as {@code application/json},
 * unsigned: a subscription carries no secret. Redirects are not followed and internal targets are refused (see
 * {@link WebhookTargets}).
 */
@Component
class WebhookSender implements ChannelSender {

    static final String PAGE_TYPE = "io.vigil.notification.page";
    static final String UPDATE_TYPE = "io.vigil.notification.update";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Contacts contacts;
    private final Clock clock;
    private final PageText text;
    private final WebhookTargets targets;
    private final NotificationProperties.Webhook settings;
    private final HttpClient http;

    WebhookSender(Contacts contacts, Clock clock, NotificationProperties properties) {
        this.contacts = contacts;
        this.clock = clock;
        this.text = new PageText(properties.incidentUrl());
        this.settings = properties.webhook();
        this.targets = new WebhookTargets(settings.allowedHosts());
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout()).build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public SendResult send(Delivery delivery) {
        URI url;
        try {
            url = URI.create(delivery.address());
        } catch (IllegalArgumentException e) {
            return new SendResult.Rejected("webhook URL is invalid: " + delivery.address());
        }
        Optional<String> refusal = targets.refusal(url);
        if (refusal.isPresent()) {
            return new SendResult.Rejected(refusal.get());
        }
        if (delivery.purpose() == Purpose.NOTICE) {
            return post(HttpRequest.newBuilder(url).timeout(settings.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.note(), StandardCharsets.UTF_8)).build());
        }
        Optional<String> secret = contacts.methodsOf(delivery.userId()).stream()
                .filter(m -> m.id().equals(delivery.contactMethodId())).map(ContactMethod::secret).findFirst();
        if (secret.isEmpty() || secret.get() == null) {
            return new SendResult.Rejected("webhook contact method " + delivery.contactMethodId() + " has no secret");
        }
        String body = JSON.writeValueAsString(event(delivery));
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(settings.timeout())
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header("X-Vigil-Signature", signature(secret.get(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return post(request);
    }

    private SendResult post(HttpRequest request) {
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw ChannelUnavailable.because("webhook unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ChannelUnavailable.because("webhook call interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new SendResult.Sent("webhook", null);
        }
        if (status == 429 || status >= 500) {
            Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(WebhookSender::seconds)
                    .orElse(null);
            throw new ChannelUnavailable("webhook answered " + status, retryAfter, false);
        }
        return new SendResult.Rejected("webhook answered " + status);
    }

    /** The header value for a body sent at {@code timestamp} (Unix seconds). */
    static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    private Map<String, Object> event(Delivery delivery) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("incidentId", delivery.incidentId().toString());
        data.put("number", delivery.incidentNumber());
        data.put("title", delivery.title());
        data.put("service", delivery.service());
        data.put("severity", delivery.severity());
        data.put("urgency", delivery.urgency());
        data.put("userId", delivery.userId());
        data.put("url", text.incidentUrl(delivery));
        if (delivery.note() != null) {
            data.put("note", delivery.note());
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", delivery.id().toString());
        event.put("source", settings.source());
        event.put("type", delivery.purpose() == Purpose.UPDATE ? UPDATE_TYPE : PAGE_TYPE);
        event.put("subject", delivery.incidentId().toString());
        event.put("time", clock.instant().toString());
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        return event;
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
