package io.vigil.contracts;

import java.util.UUID;

/**
 * Which incident a command is about: its id when the sender knows it (a Slack button, the REST
 * API), otherwise the open incident of a service and fingerprint (a PagerDuty client acknowledging
 * by dedup key only knows the problem, not the incident).
 */
public record IncidentRef(UUID incidentId, String service, String fingerprint) {

    public IncidentRef {
        if (incidentId == null && (service == null || fingerprint == null)) {
            throw new IllegalArgumentException("an incident is named by its id or by service and fingerprint");
        }
    }

    public static IncidentRef byId(UUID incidentId) {
        return new IncidentRef(incidentId, null, null);
    }

    public static IncidentRef byFingerprint(String service, String fingerprint) {
        return new IncidentRef(null, service, fingerprint);
    }

    /** The Kafka key of a command about this incident: the id when known, else the fingerprint. */
    public String key() {
        return incidentId != null ? incidentId.toString() : fingerprint;
    }
}
