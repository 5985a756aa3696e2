package io.vigil.incident.incident.domain;

import java.util.Locale;

/** The roles people take on an incident. */
public enum IncidentRole {
    INCIDENT_COMMANDER, TECH_LEAD, COMMS_LEAD, SCRIBE, SUBJECT_MATTER_EXPERT, RESPONDER;

    /** The name in the API and on the wire: lower case with dashes ({@code incident-commander}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static IncidentRole fromLabel(String label) {
        return valueOf(label.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** One person at a time leads, communicates or writes; any number of experts and responders help. */
    public boolean singleHolder() {
        return this != SUBJECT_MATTER_EXPERT && this != RESPONDER;
    }
}
