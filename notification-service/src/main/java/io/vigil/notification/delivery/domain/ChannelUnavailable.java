package io.vigil.notification.delivery.domain;

import java.time.Duration;
import java.util.Optional;

/** A channel cannot take the message now; it may later. Thrown by channels, so the delivery is retried. */
public class ChannelUnavailable extends RuntimeException {

    private final transient Duration retryAfter;
    private final boolean circuitOpen;

    public ChannelUnavailable(String reason, Duration retryAfter, boolean circuitOpen) {
        super(reason);
        this.retryAfter = retryAfter;
        this.circuitOpen = circuitOpen;
    }

    public static ChannelUnavailable because(String reason) {
        return new ChannelUnavailable(reason, null, false);
    }

    /** The provider's {@code Retry-After}: the next attempt waits at least this long. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The channel's circuit breaker is open: the provider keeps failing, so fall back without retrying. */
    public boolean circuitOpen() {
        return circuitOpen;
    }
}
