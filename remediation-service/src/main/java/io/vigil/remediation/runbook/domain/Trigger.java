package io.vigil.remediation.runbook.domain;

import io.vigil.contracts.IncidentSeverity;
import java.util.Map;

/**
 * Which opened incidents start a runbook. Every condition given must hold; one left out holds always.
 *
 * @param service     the incident's service, or {@code null} for any
 * @param alertName   the {@code alertname} label of the alert that opened it, or {@code null}
 * @param labels      labels the opening alert must carry with these values
 * @param minSeverity the least severe incident it acts on (SEV1 is the most severe), or {@code null} for any
 */
public record Trigger(String service, String alertName, Map<String, String> labels, IncidentSeverity minSeverity) {

    public Trigger {
        labels = Map.copyOf(labels);
    }

    /** Whether an incident with these properties starts the runbook. */
    public boolean matches(String incidentService, IncidentSeverity severity, Map<String, String> alertLabels) {
        if (service != null && !service.equals(incidentService)) {
            return false;
        }
        if (minSeverity != null && severity.ordinal() > minSeverity.ordinal()) {
            return false;
        }
        if (alertName != null && !alertName.equals(alertLabels.get("alertname"))) {
            return false;
        }
        return labels.entrySet().stream().allMatch(e -> e.getValue().equals(alertLabels.get(e.getKey())));
    }
}
