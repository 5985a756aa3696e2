package io.vigil.incident.statuspage.domain;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where a public incident ({@code investigating}, {@code identified}, {@code monitoring}, {@code resolved}) or a
 * scheduled maintenance ({@code scheduled}, {@code in_progress}, {@code verifying}, {@code completed}) stands.
 */
public enum UpdateStatus {
    INVESTIGATING(Kind.INCIDENT, "Investigating"),
    IDENTIFIED(Kind.INCIDENT, "Identified"),
    MONITORING(Kind.INCIDENT, "Monitoring"),
    RESOLVED(Kind.INCIDENT, "Resolved"),
    SCHEDULED(Kind.MAINTENANCE, "Scheduled"),
    IN_PROGRESS(Kind.MAINTENANCE, "In progress"),
    VERIFYING(Kind.MAINTENANCE, "Verifying"),
    COMPLETED(Kind.MAINTENANCE, "Completed");

    private final Kind kind;
    private final String text;

    UpdateStatus(Kind kind, String text) {
        this.kind = kind;
        this.text = text;
    }

    public Kind kind() {
        return kind;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code In progress}: what a visitor reads. */
    public String text() {
        return text;
    }

    /** Resolved or completed: the incident or maintenance no longer counts towards the overall status. */
    public boolean closes() {
        return this == RESOLVED || this == COMPLETED;
    }

    /** @throws InvalidStatusPageRequest naming {@code field} for a label that is not a status of {@code kind} */
    public static UpdateStatus fromLabel(String label, Kind kind, String field) {
        String wanted = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(status -> status.kind == kind && status.label().equals(wanted))
                .findFirst().orElseThrow(() -> new InvalidStatusPageRequest(field, "must be one of " + String.join(
                        ", ", Arrays.stream(values()).filter(status -> status.kind == kind)
                                .map(UpdateStatus::label).toList())));
    }
}
