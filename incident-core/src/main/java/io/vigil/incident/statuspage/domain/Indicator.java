package io.vigil.incident.statuspage.domain;

import java.util.Locale;

/** The page's overall status as consumers of status pages read it: an indicator and its words. */
public enum Indicator {
    NONE("All Systems Operational"),
    MAINTENANCE("Service Under Maintenance"),
    MINOR("Minor Service Outage"),
    MAJOR("Partial System Outage"),
    CRITICAL("Major System Outage");

    private final String description;

    Indicator(String description) {
        this.description = description;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** The worse of two; enum order runs from best to worst. */
    Indicator worse(Indicator other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
