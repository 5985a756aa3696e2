package io.vigil.ingestion.alert.application;

import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.Fingerprints;
import io.vigil.contracts.StableIds;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Gives an alert its identity and hands it on. The fingerprint is the source's dedup key when it
 * sent one, else its labels (or, with no labels, its summary and source). A retried request gives the
 * same alert id whenever the alert says when it started, so incident-core sees the retry as a
 * redelivery.
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

    public Accepted accept(NewAlert alert, String traceparent) {
        Instant now = clock.instant();
        String fingerprint = fingerprintOf(alert);
        UUID alertId = alert.startsAt() == null
                ? UUID.randomUUID()
                : StableIds.of("alert", alert.integration(), fingerprint, alert.status().name(),
                        alert.startsAt().toString());
        AlertReceived received = new AlertReceived(alertId, alert.integration(), alert.service(), fingerprint,
                alert.dedupKey(), alert.status(), alert.summary(), alert.severity(), alert.source(), alert.labels(),
                alert.annotations(), alert.groupKey(), alert.generatorUrl(),
                alert.startsAt() == null ? now : alert.startsAt(), alert.endsAt(), now);
        publisher.publish(Envelope.of(alertId, fingerprint, received, clock, traceparent));
        return new Accepted(alertId, fingerprint);
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
