package io.vigil.incident.sla.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Customer impact of one incident.
 *
 * @param end {@code null} while the impact goes on: it counts until now
 */
public record Downtime(UUID incidentId, long number, Instant start, Instant end) {

    /** The impact as an interval, an ongoing one ending at {@code now}. */
    public Interval until(Instant now) {
        Instant until = end == null || end.isAfter(now) ? now : end;
        return new Interval(start, until.isBefore(start) ? start : until);
    }
}
