package io.vigil.remediation.run.application;

import io.vigil.contracts.IncidentSeverity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What {@code IncidentOpened} told remediation-service about an incident.
 *
 * @param labels      the opening alert's labels, empty for a declared incident
 * @param annotations the opening alert's annotations, empty for a declared incident
 */
public record KnownIncident(UUID incidentId, long number, String title, String service, IncidentSeverity severity,
        String urgency, String fingerprint, UUID alertId, Instant openedAt, Map<String, String> labels,
        Map<String, String> annotations) {

    public KnownIncident {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** The values a runbook's templates may use: the incident's, and its opening alert's labels and annotations. */
    public Map<String, String> templateValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("service", service);
        values.put("severity", severity.name());
        values.put("incident.id", incidentId.toString());
        values.put("incident.number", Long.toString(number));
        values.put("incident.title", title == null ? "" : title);
        labels.forEach((k, v) -> values.put("labels." + k, v));
        annotations.forEach((k, v) -> values.put("annotations." + k, v));
        return values;
    }
}
