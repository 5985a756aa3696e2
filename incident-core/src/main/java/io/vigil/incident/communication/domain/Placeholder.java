package io.vigil.incident.communication.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a communication template may say, each as {@code {{name}}}; a placeholder that is empty (no commander yet,
 * no note, no message given) also works as a section: {@code {{#commander}}…{{/commander}}} shows only when there is
 * one, {@code {{^commander}}…{{/commander}}} only when there is none.
 */
public enum Placeholder {
    NUMBER("number", "the incident's short number, e.g. 42"),
    TITLE("title", "what the incident is about"),
    SERVICE("service", "the affected service"),
    SEVERITY("severity", "SEV1 to SEV5"),
    URGENCY("urgency", "high or low"),
    STATUS("status", "triggered, acknowledged, investigating, identified, mitigating, monitoring, resolved..."),
    OPENED_AT("openedAt", "when it opened, e.g. 2026-11-23 14:05 UTC"),
    RESOLVED_AT("resolvedAt", "when it was resolved; empty while open"),
    RESOLVED("resolved", "true once resolved or closed, for a section"),
    DURATION("duration", "how long it has been open, or lasted once resolved, e.g. 1 h 20 min"),
    COMMANDER("commander", "the incident commander; empty when none is assigned"),
    LATEST_NOTE("latestNote", "the latest note on the timeline; empty when none"),
    UPDATE_CADENCE("updateCadence", "how often the severity asks for an update, e.g. 30 min; empty for none"),
    IMPACT("impact", "who or what is affected, as given when rendering; empty otherwise"),
    MESSAGE("message", "free words given when rendering, e.g. the news of a customer update; empty otherwise");

    private final String key;
    private final String description;

    Placeholder(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The name in a template: {@code {{key}}}. */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /** Whether the caller may give its value when rendering; the others come from the incident. */
    public boolean givenWhenRendering() {
        return this == IMPACT || this == MESSAGE;
    }

    public static Optional<Placeholder> of(String key) {
        return Arrays.stream(values()).filter(placeholder -> placeholder.key.equals(key)).findFirst();
    }
}
