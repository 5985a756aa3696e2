package io.vigil.incident.sla.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A stretch of time {@code [start, end)}. */
public record Interval(Instant start, Instant end) {

    public Interval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("interval ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    /** The part of this interval inside {@code [from, to)}, if any. */
    public Optional<Interval> clip(Instant from, Instant to) {
        Instant clippedStart = start.isBefore(from) ? from : start;
        Instant clippedEnd = end.isAfter(to) ? to : end;
        return clippedStart.isBefore(clippedEnd) ? Optional.of(new Interval(clippedStart, clippedEnd))
                : Optional.empty();
    }

    /**
     * The union of the intervals as disjoint intervals in time order: overlapping or touching intervals become
     * one, so time covered by two incidents at once counts once.
     */
    public static List<Interval> merge(Collection<Interval> intervals) {
        List<Interval> sorted = intervals.stream().sorted(Comparator.comparing(Interval::start)).toList();
        List<Interval> merged = new ArrayList<>();
        for (Interval next : sorted) {
            if (!merged.isEmpty() && !next.start().isAfter(merged.getLast().end())) {
                Interval last = merged.removeLast();
                merged.add(new Interval(last.start(), next.end().isAfter(last.end()) ? next.end() : last.end()));
            } else {
                merged.add(next);
            }
        }
        return List.copyOf(merged);
    }

    /** Time covered by at least one of the intervals. */
    public static Duration covered(Collection<Interval> intervals) {
        return merge(intervals).stream().map(Interval::length).reduce(Duration.ZERO, Duration::plus);
    }
}
