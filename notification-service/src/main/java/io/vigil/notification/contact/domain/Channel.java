package io.vigil.notification.contact.domain;

import java.util.Locale;

/** A way to reach a person. */
public enum Channel {
    SLACK, SMS, VOICE, EMAIL, WEBHOOK,
    /**
     * No way at all: the channel of the failed delivery that records a page which found nobody to reach. It is never
     * a contact method's channel nor part of a fallback chain, so {@link #fromWireName} does not accept it.
     */
    NONE;

    /** The lower-case name used in configuration, on the wire and in metrics. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for an unknown name, and for {@code none} */
    public static Channel fromWireName(String name) {
        Channel channel = valueOf(name.trim().toUpperCase(Locale.ROOT));
        if (channel == NONE) {
            throw new IllegalArgumentException("none is not a channel a person can be reached on");
        }
        return channel;
    }
}
