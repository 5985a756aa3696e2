package io.vigil.incident.incident.domain;

/** Whether an incident pages at once or waits. */
public enum Urgency {
    HIGH, LOW
}
