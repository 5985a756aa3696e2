package io.vigil.notification.contact.domain;

import java.util.Locale;

/** A way to reach a person. */
public enum Channel {
    SLACK, SMS, VOICE, EMAIL, WEBHOOK;

    /** The lower-case name used in configuration, on the wire and in metrics. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static Channel fromWireName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
