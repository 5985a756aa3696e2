package io.vigil.ingestion.pagerduty.adapter.web;

import io.vigil.ingestion.alert.application.AcceptAlert;
import io.vigil.ingestion.alert.application.AcknowledgeFromSource;
import io.vigil.ingestion.alert.application.AlertContext;
import io.vigil.ingestion.alert.application.NewAlert;
import io.vigil.ingestion.alert.application.NewChange;
import io.vigil.ingestion.alert.application.RecordChange;
import io.vigil.ingestion.alert.application.ResolveFromSource;
import io.vigil.ingestion.alert.application.SourceCommand;
import io.vigil.contracts.AlertStatus;
import io.vigil.contracts.StableIds;
import io.vigil.ingestion.integration.application.AdmitEvents;
import io.vigil.ingestion.integration.application.AuthenticateSource;
import io.vigil.ingestion.integration.domain.Admission;
import io.vigil.ingestion.integration.domain.Integration;
import io.vigil.ingestion.integration.domain.SourceAuthentication;
import io.vigil.ingestion.integration.domain.SourceType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * PagerDuty Events API v2: {@code POST /v2/enqueue} and {@code POST /v2/change/enqueue}, answering as
 * PagerDuty does so that PagerDuty clients and Alertmanager's {@code pagerduty_configs} work unchanged. The
 * {@code routing_key} is the key of a {@code pagerduty} integration, which names the service.
 * {@code trigger} becomes an alert, {@code acknowledge} and {@code resolve} commands on the incident of the
 * dedup key, change events a recorded change.
 */
@RestController
class PagerDutyController {

    static final String INTEGRATION = "pagerduty";

    private final AuthenticateSource authenticateSource;
    private final AdmitEvents admitEvents;
    private final AcceptAlert acceptAlert;
    private final AcknowledgeFromSource acknowledgeFromSource;
    private final ResolveFromSource resolveFromSource;
    private final RecordChange recordChange;

    PagerDutyController(AuthenticateSource authenticateSource, AdmitEvents admitEvents, AcceptAlert acceptAlert,
            AcknowledgeFromSource acknowledgeFromSource, ResolveFromSource resolveFromSource,
            RecordChange recordChange) {
        this.authenticateSource = authenticateSource;
        this.admitEvents = admitEvents;
        this.acceptAlert = acceptAlert;
        this.acknowledgeFromSource = acknowledgeFromSource;
        this.resolveFromSource = resolveFromSource;
        this.recordChange = recordChange;
    }

    @PostMapping(path = "/v2/enqueue", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PagerDutyAnswer> enqueue(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestHeader(name = "traceparent", required = false) String traceparent) {
        requireJson(contentType);
        PagerDutyEvent event = PagerDutyEventParser.parseEvent(body);
        Integration integration = integrationOf(event.routingKey());
        String digest = digest(body);
        String dedupKey = switch (event) {
            case PagerDutyEvent.Trigger trigger -> trigger(trigger, integration, digest, traceparent);
            case PagerDutyEvent.Acknowledge acknowledge -> {
                acknowledgeFromSource.acknowledge(command(integration, acknowledge.dedupKey(), digest), traceparent);
                yield acknowledge.dedupKey();
            }
            case PagerDutyEvent.Resolve resolve -> {
                resolveFromSource.resolve(command(integration, resolve.dedupKey(), digest), traceparent);
                yield resolve.dedupKey();
            }
            case PagerDutyEvent.Change change -> throw new IllegalStateException("a change event on /v2/enqueue");
        };
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(PagerDutyAnswer.processed(dedupKey));
    }

    @PostMapping(path = "/v2/change/enqueue", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PagerDutyAnswer> changeEnqueue(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestHeader(name = "traceparent", required = false) String traceparent) {
        requireJson(contentType);
        PagerDutyEvent.Change change = PagerDutyEventParser.parseChange(body);
        Integration integration = integrationOf(change.routingKey());
        recordChange.record(new NewChange(INTEGRATION, integration.name(), integration.service(), change.summary(),
                change.source(), change.timestamp(), change.customDetails(), change.links(), digest(body)),
                traceparent);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(PagerDutyAnswer.changeProcessed());
    }

    private String trigger(PagerDutyEvent.Trigger trigger, Integration integration, String digest,
            String traceparent) {
        // Like PagerDuty, a trigger without dedup key gets one; derived from the request, a retry gets the same.
        String dedupKey = trigger.dedupKey() != null ? trigger.dedupKey()
                : StableIds.of("pagerduty-dedup-key", integration.id().toString(), digest).toString().replace("-", "");
        NewAlert alert = new NewAlert(INTEGRATION, integration.service(), dedupKey, AlertStatus.FIRING,
                trigger.summary(), trigger.severity(), trigger.source(), Map.of(), Map.of(), null, null,
                trigger.timestamp(), null,
                new AlertContext(trigger.customDetails(), trigger.links(), trigger.images(), trigger.component(),
                        trigger.group(), trigger.eventClass(), trigger.client(), trigger.clientUrl(), null));
        acceptAlert.accept(alert, traceparent);
        return dedupKey;
    }

    private static SourceCommand command(Integration integration, String dedupKey, String digest) {
        return new SourceCommand(INTEGRATION, integration.name(), integration.service(), dedupKey, digest);
    }

    /** The integration of the routing key, if it is within its rate. */
    private Integration integrationOf(String routingKey) {
        Integration integration = switch (authenticateSource.authenticate(routingKey, SourceType.PAGERDUTY)) {
            case SourceAuthentication.Authenticated authenticated -> authenticated.integration();
            case SourceAuthentication.Refused refused -> throw new InvalidPagerDutyEvent(
                    List.of("'routing_key' is invalid: " + refused.message()));
        };
        if (admitEvents.admit(integration, 1) instanceof Admission.Throttled throttled) {
            throw new PagerDutyThrottled(throttled.retryAfter());
        }
        return integration;
    }

    /** JSON, or no content type at all (curl -d sends form encoding, which is refused as PagerDuty does). */
    private static void requireJson(String contentType) {
        if (contentType == null) {
            return;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json")) {
                return;
            }
        } catch (org.springframework.util.InvalidMimeTypeException e) {
            // falls through to the refusal
        }
        throw new InvalidPagerDutyEvent(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                List.of("Content-Type must be application/json, not " + contentType));
    }

    private static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
