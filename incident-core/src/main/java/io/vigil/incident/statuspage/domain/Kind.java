package io.vigil.incident.statuspage.domain;

import java.util.Locale;

/** A public incident, or a scheduled maintenance: both tell the public something with updates. */
public enum Kind {
    INCIDENT, MAINTENANCE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
