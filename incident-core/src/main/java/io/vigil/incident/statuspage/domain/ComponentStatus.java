package io.vigil.incident.statuspage.domain;

import java.util.Arrays;
import java.util.Locale;

/** How a component is doing, as the public reads it; the labels are those status-page consumers parse. */
public enum ComponentStatus {
    OPERATIONAL("operational", "Operational"),
    UNDER_MAINTENANCE("under_maintenance", "Under maintenance"),
    DEGRADED_PERFORMANCE("degraded_performance", "Degraded performance"),
    PARTIAL_OUTAGE("partial_outage", "Partial outage"),
    MAJOR_OUTAGE("major_outage", "Major outage");

    private final String label;
    private final String text;

    ComponentStatus(String label, String text) {
        this.label = label;
        this.text = text;
    }

    /** {@code partial_outage}... */
    public String label() {
        return label;
    }

    /** {@code Partial outage}: what a visitor reads. */
    public String text() {
        return text;
    }

    /** @throws InvalidStatusPageRequest naming {@code field} for an unknown label */
    public static ComponentStatus fromLabel(String label, String field) {
        String wanted = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(status -> status.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidStatusPageRequest(field, "must be one of " + String.join(", ",
                        Arrays.stream(values()).map(ComponentStatus::label).toList())));
    }

    /** The impact an incident has when it puts a component in this state. */
    public Impact impact() {
        return switch (this) {
            case OPERATIONAL -> Impact.NONE;
            case UNDER_MAINTENANCE -> Impact.MAINTENANCE;
            case DEGRADED_PERFORMANCE -> Impact.MINOR;
            case PARTIAL_OUTAGE -> Impact.MAJOR;
            case MAJOR_OUTAGE -> Impact.CRITICAL;
        };
    }
}
