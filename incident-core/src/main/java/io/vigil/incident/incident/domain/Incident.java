package io.vigil.incident.incident.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An incident: one problem, however many alerts report it.
 *
 * @param number     short human number ({@code #42}); 0 until stored
 * @param alertCount alerts received for this problem while it was open, the first included
 */
public record Incident(
        UUID id,
        long number,
        String title,
        String service,
        Severity severity,
        Urgency urgency,
        IncidentStatus status,
        String fingerprint,
        int alertCount,
        Instant openedAt,
        Instant lastAlertAt,
        Instant acknowledgedAt,
        Instant resolvedAt) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(status, "status");
    }

    /** The incident a first alert opens: triggered, one alert, severity from the alert. */
    public static Incident openFor(UUID id, AlertSignal alert, Instant now) {
        Severity severity = SeverityRules.fromSourceSeverity(alert.sourceSeverity());
        return new Incident(id, 0, alert.summary(), alert.service(), severity, severity.defaultUrgency(),
                IncidentStatus.TRIGGERED, alert.fingerprint(), 1, now, now, null, null);
    }

    public boolean isOpen() {
        return resolvedAt == null;
    }
}
