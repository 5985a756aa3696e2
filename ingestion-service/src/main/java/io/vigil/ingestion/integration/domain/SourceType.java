package io.vigil.ingestion.integration.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kind of alert source an integration takes events from; each has its own door. */
public enum SourceType {
    PAGERDUTY,
    ALERTMANAGER,
    GENERIC,
    CLOUDEVENTS,
    HEARTBEAT;

    /** The name used in the API, configuration and {@code AlertReceived.integration}: lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SourceType> fromWireName(String name) {
        return name == null ? Optional.empty() : Arrays.stream(values())
                .filter(type -> type.wireName().equals(name.trim().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
