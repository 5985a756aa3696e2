package io.vigil.incident.incident.domain;

/** Where an incident is in its life. */
public enum IncidentStatus {
    TRIGGERED, ACKNOWLEDGED, INVESTIGATING, IDENTIFIED, MITIGATING, MONITORING, RESOLVED, CLOSED, MERGED
}
