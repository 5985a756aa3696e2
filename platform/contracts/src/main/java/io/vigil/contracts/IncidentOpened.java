package io.vigil.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * incident-core opened a new incident. Published on {@link Topics#INCIDENT_EVENTS} keyed by the incident id.
 *
 * @param incidentId  the incident
 * @param number      short human number, unique per installation ({@code #42})
 * @param title       what the incident is about, from the first alert's summary
 * @param service     the affected service
 * @param severity    SEV1 to SEV5
 * @param urgency     high pages at once, low waits
 * @param fingerprint the problem's fingerprint, shared by every alert of the incident
 * @param alertId     the alert that opened it
 * @param openedAt    when it was opened
 * @param labels      the identifying labels of the alert that opened it (e.g. {@code alertname}, {@code namespace}),
 *                    for consumers that act on them, such as runbook triggers; empty for a declared incident
 * @param annotations the descriptive annotations of the alert that opened it (e.g. {@code summary},
 *                    {@code runbook_url}), for runbook templates; empty for a declared incident
 */
public record IncidentOpened(
        UUID incidentId,
        long number,
        String title,
        String service,
        IncidentSeverity severity,
        Urgency urgency,
        String fingerprint,
        UUID alertId,
        Instant openedAt,
        Map<String, String> labels,
        Map<String, String> annotations) implements Message {

    public IncidentOpened {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(openedAt, "openedAt");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** An incident opened by an alert whose annotations are not passed on. */
    public IncidentOpened(UUID incidentId, long number, String title, String service, IncidentSeverity severity,
            Urgency urgency, String fingerprint, UUID alertId, Instant openedAt, Map<String, String> labels) {
        this(incidentId, number, title, service, severity, urgency, fingerprint, alertId, openedAt, labels, Map.of());
    }

    /** An incident opened without labels: declared by hand, or described by a sender of the first version. */
    public IncidentOpened(UUID incidentId, long number, String title, String service, IncidentSeverity severity,
            Urgency urgency, String fingerprint, UUID alertId, Instant openedAt) {
        this(incidentId, number, title, service, severity, urgency, fingerprint, alertId, openedAt, Map.of(),
                Map.of());
    }
}
