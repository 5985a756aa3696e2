package io.vigil.incident.review.domain;

import java.util.Locale;

/** An action item is open until it is done or, deliberately, cancelled. */
public enum ActionItemStatus {
    OPEN, DONE, CANCELLED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ActionItemStatus fromLabel(String label) {
        return valueOf(label.strip().toUpperCase(Locale.ROOT));
    }

    public boolean closed() {
        return this != OPEN;
    }
}
