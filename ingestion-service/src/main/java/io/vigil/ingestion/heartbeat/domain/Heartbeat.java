package io.vigil.ingestion.heartbeat.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A heartbeat monitor: the source behind {@code integrationId} promises a beat named {@code name} every
 * {@code interval}; when none has come by {@code dueAt} (last beat + interval + grace) the monitor is overdue
 * until the next beat.
 *
 * @param overdueSince when it was found overdue, or {@code null} while beats arrive in time
 */
public record Heartbeat(UUID integrationId, String name, String service, Duration interval, Duration grace,
        Instant lastBeatAt, Instant dueAt, Instant overdueSince) {

    public Heartbeat {
        Objects.requireNonNull(integrationId, "integrationId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(lastBeatAt, "lastBeatAt");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** What a beat did: the monitor after it, and whether it ended an overdue spell. */
    public record Beat(Heartbeat heartbeat, Instant recoveredFrom) {

        public boolean recovered() {
            return recoveredFrom != null;
        }
    }

    /** The first beat of a new monitor. */
    public static Heartbeat first(UUID integrationId, String name, String service, Duration interval, Duration grace,
            Instant now) {
        return new Heartbeat(integrationId, name, service, interval, grace, now, now.plus(interval).plus(grace), null);
    }

    /**
     * A beat at {@code now}; a new interval or grace replaces the old one when given.
     */
    public Beat beat(Instant now, Duration newInterval, Duration newGrace) {
        Duration nextInterval = newInterval != null ? newInterval : interval;
        Duration nextGrace = newGrace != null ? newGrace : grace;
        Heartbeat next = new Heartbeat(integrationId, name, service, nextInterval, nextGrace, now,
                now.plus(nextInterval).plus(nextGrace), null);
        return new Beat(next, overdueSince);
    }

    public boolean isOverdueAt(Instant now) {
        return overdueSince == null && !now.isBefore(dueAt);
    }

    /** The monitor once found overdue at {@code now}. */
    public Heartbeat missed(Instant now) {
        return new Heartbeat(integrationId, name, service, interval, grace, lastBeatAt, dueAt, now);
    }
}
