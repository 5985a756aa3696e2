package io.vigil.ingestion.alert.application;

import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.Fingerprints;
import io.vigil.contracts.StableIds;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Gives alerts their identity and hands them on. The fingerprint is the source's dedup key when it
 * sent one, else its labels (or, with no labels, its summary and source). A retried request gives the
 * same alert id whenever the event has an id of its own or the alert says when it started, so
 * incident-core sees the retry as a redelivery.
 */
@Service
public class AcceptAlert {

    private final AlertPublisher publisher;
    private final Clock clock;

    public AcceptAlert(AlertPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /** What the source is told about its alert. */
    public record Accepted(UUID alertId, String fingerprint) {
    }

    /** @throws IntakeUnavailable when the alert could not be stored; the source must send it again */
    public Accepted accept(NewAlert alert, String traceparent) {
        return acceptAll(List.of(alert), traceparent).getFirst();
    }

    /**
     * Accepts the alerts of one request together: they are all stored before this returns, or the request
     * fails as a whole (and its retry gives the same ids to the alerts that did get through).
     *
     * @throws IntakeUnavailable when an alert could not be stored
     */
    public List<Accepted> acceptAll(List<NewAlert> alerts, String traceparent) {
        Instant now = clock.instant();
        List<Envelope<AlertReceived>> envelopes = alerts.stream()
                .map(alert -> envelope(alert, now, traceparent))
                .toList();
        publisher.publish(envelopes);
        return envelopes.stream()
                .map(envelope -> new Accepted(envelope.payload().alertId(), envelope.payload().fingerprint()))
                .toList();
    }

    private Envelope<AlertReceived> envelope(NewAlert alert, Instant now, String traceparent) {
        String fingerprint = fingerprintOf(alert);
        UUID alertId;
        if (alert.sourceEventId() != null) {
            alertId = StableIds.of("alert", alert.integration(), fingerprint, alert.status().name(), "event",
                    alert.sourceEventId());
        } else if (alert.startsAt() != null) {
            alertId = StableIds.of("alert", alert.integration(), fingerprint, alert.status().name(),
                    alert.startsAt().toString());
        } else {
            alertId = UUID.randomUUID();
        }
        AlertContext context = alert.context();
        AlertReceived received = new AlertReceived(alertId, alert.integration(), alert.service(), fingerprint,
                alert.dedupKey(), alert.status(), alert.summary(), alert.severity(), alert.source(), alert.labels(),
                alert.annotations(), alert.groupKey(), alert.generatorUrl(),
                alert.startsAt() == null ? now : alert.startsAt(), alert.endsAt(), now,
                context.customDetails(), context.links(), context.images(), context.component(), context.group(),
                context.eventClass(), context.client(), context.clientUrl(), context.truncatedAlerts());
        return Envelope.of(alertId, fingerprint, received, clock, traceparent);
    }

    static String fingerprintOf(NewAlert alert) {
        if (alert.dedupKey() != null) {
            return Fingerprints.fromDedupKey(alert.service(), alert.dedupKey());
        }
        if (!alert.labels().isEmpty()) {
            return Fingerprints.fromLabels(alert.service(), alert.labels());
        }
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("summary", alert.summary());
        identity.put("source", alert.source() == null ? "" : alert.source());
        return Fingerprints.fromLabels(alert.service(), identity);
    }
}
