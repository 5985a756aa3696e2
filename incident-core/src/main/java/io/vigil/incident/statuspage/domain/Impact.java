package io.vigil.incident.statuspage.domain;

import java.util.Arrays;
import java.util.Locale;

/** How bad a public incident is, in the words of status-page consumers ({@code none}... {@code critical}). */
public enum Impact {
    NONE, MAINTENANCE, MINOR, MAJOR, CRITICAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidStatusPageRequest naming {@code field} for an unknown label */
    public static Impact fromLabel(String label, String field) {
        String wanted = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(impact -> impact.label().equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidStatusPageRequest(field, "must be one of " + String.join(", ",
                        Arrays.stream(values()).map(Impact::label).toList())));
    }
}
