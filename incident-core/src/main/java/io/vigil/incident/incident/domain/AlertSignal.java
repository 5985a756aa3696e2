package io.vigil.incident.incident.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What incident-core needs to know of an alert to decide on an incident.
 *
 * @param integration    the door it came through ({@code alertmanager}, {@code pagerduty}...), or {@code null}
 * @param firing         {@code false} when the source says the condition has cleared
 * @param sourceSeverity the source's own word: critical, error, warning or info
 * @param groupKey       the source's grouping (Alertmanager groupKey), or {@code null}
 * @param labels         the alert's identifying labels, never {@code null}
 * @param startsAt       when the source says the condition began, or {@code null}
 * @param annotations    the alert's descriptive annotations (summary, runbook_url...), never {@code null}
 */
public record AlertSignal(UUID alertId, String integration, String service, String fingerprint, boolean firing,
        String summary, String sourceSeverity, Instant receivedAt, String groupKey, Map<String, String> labels,
        Instant startsAt, Map<String, String> annotations) {

    /** An alert whose source does not say when the condition began. */
    public AlertSignal(UUID alertId, String integration, String service, String fingerprint, boolean firing,
            String summary, String sourceSeverity, Instant receivedAt, String groupKey, Map<String, String> labels) {
        this(alertId, integration, service, fingerprint, firing, summary, sourceSeverity, receivedAt, groupKey, labels,
                null);
    }

    public AlertSignal {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** An alert without annotations. */
    public AlertSignal(UUID alertId, String integration, String service, String fingerprint, boolean firing,
            String summary, String sourceSeverity, Instant receivedAt, String groupKey, Map<String, String> labels,
            Instant startsAt) {
        this(alertId, integration, service, fingerprint, firing, summary, sourceSeverity, receivedAt, groupKey, labels,
                startsAt, Map.of());
    }

    /** An alert without labels. */
    public AlertSignal(UUID alertId, String integration, String service, String fingerprint, boolean firing,
            String summary, String sourceSeverity, Instant receivedAt, String groupKey) {
        this(alertId, integration, service, fingerprint, firing, summary, sourceSeverity, receivedAt, groupKey,
                Map.of());
    }

    /** An alert the source did not group. */
    public AlertSignal(UUID alertId, String integration, String service, String fingerprint, boolean firing,
            String summary, String sourceSeverity, Instant receivedAt) {
        this(alertId, integration, service, fingerprint, firing, summary, sourceSeverity, receivedAt, null);
    }
}
