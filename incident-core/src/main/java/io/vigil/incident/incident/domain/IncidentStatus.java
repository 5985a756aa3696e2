package io.vigil.incident.incident.domain;

import java.util.Locale;

/** Where an incident is in its life. The moves between them are {@link Lifecycle}'s. */
public enum IncidentStatus {
    TRIGGERED, ACKNOWLEDGED, INVESTIGATING, IDENTIFIED, MITIGATING, MONITORING, RESOLVED, CLOSED, REOPENED, MERGED;

    /** The name on the wire and in the API: lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@link #label()} (any case). */
    public static IncidentStatus fromLabel(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }

    /** Nobody has taken the incident on yet: escalation is running. */
    public boolean awaitsAcknowledgement() {
        return this == TRIGGERED || this == REOPENED;
    }

    /** A responder is working on it. */
    public boolean isWorking() {
        return this == ACKNOWLEDGED || this == INVESTIGATING || this == IDENTIFIED || this == MITIGATING
                || this == MONITORING;
    }

    /** The problem is still on: the incident counts as open. */
    public boolean isOpen() {
        return awaitsAcknowledgement() || isWorking();
    }
}
