package io.vigil.escalation.oncall.domain;

import java.time.Instant;
import java.util.Objects;

/** This person is on call from {@code from} (inclusive) to {@code to} (exclusive), whatever the layers say. */
public record ScheduleOverride(String userId, Instant from, Instant to) {

    public ScheduleOverride {
        Objects.requireNonNull(userId, "userId");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("an override ends after it starts");
        }
    }

    public boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    public boolean overlaps(ScheduleOverride other) {
        return from.isBefore(other.to) && other.from.isBefore(to);
    }
}
