package io.vigil.incident.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a report covers: a calendar month or a rolling window ending now.
 *
 * @param label {@code 2026-11} for a month, {@code 30d} for a rolling window
 * @param kind  month or rolling window
 * @param from  first instant covered
 * @param to    first instant no longer covered
 */
public record Period(String label, Kind kind, Instant from, Instant to) {

    public enum Kind { MONTH, ROLLING }

    public Period {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a period must start before it ends");
        }
    }

    /** The calendar month, its days counted in {@code zone}. */
    public static Period month(YearMonth month, ZoneId zone) {
        return new Period(month.toString(), Kind.MONTH, month.atDay(1).atStartOfDay(zone).toInstant(),
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
    }

    /** The {@code length} up to {@code now}. */
    public static Period rolling(Duration length, Instant now) {
        return new Period(label(length), Kind.ROLLING, now.minus(length), now);
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** {@code 30d}, {@code 12h} or {@code 90m}: how rolling windows are named in reports and metric labels. */
    public static String label(Duration length) {
        if (length.toDays() > 0 && length.equals(Duration.ofDays(length.toDays()))) {
            return length.toDays() + "d";
        }
        if (length.toHours() > 0 && length.equals(Duration.ofHours(length.toHours()))) {
            return length.toHours() + "h";
        }
        return length.toMinutes() + "m";
    }
}
