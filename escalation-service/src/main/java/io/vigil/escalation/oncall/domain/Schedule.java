package io.vigil.escalation.oncall.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Who is on call, built from layers listed bottom to top: the highest layer with someone on call answers, and an
 * override beats every layer while it lasts. All wall-clock times of the layers are in {@code zone}.
 */
public record Schedule(String id, String name, ZoneId zone, List<Layer> layers, List<ScheduleOverride> overrides) {

    public Schedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zone, "zone");
        layers = List.copyOf(layers);
        overrides = List.copyOf(overrides);
    }

    /** The user on call at {@code at}, empty when nobody is. */
    public Optional<String> onCall(Instant at) {
        for (ScheduleOverride override : overrides) {
            if (override.covers(at)) {
                return Optional.of(override.userId());
            }
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            Optional<String> user = layers.get(i).onCall(at, zone);
            if (user.isPresent()) {
                return user;
            }
        }
        return Optional.empty();
    }

    /**
     * The final on-call calendar over [from, to): consecutive shifts of one person are merged, gaps where nobody is
     * on call are left out, the first and last shift are clipped to the range.
     */
    public List<Shift> shifts(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        SortedSet<Instant> changes = new TreeSet<>();
        changes.add(from);
        changes.add(to);
        for (Layer layer : layers) {
            changes.addAll(layer.changes(from, to, zone));
        }
        for (ScheduleOverride override : overrides) {
            for (Instant edge : List.of(override.from(), override.to())) {
                if (edge.isAfter(from) && edge.isBefore(to)) {
                    changes.add(edge);
                }
            }
        }
        List<Shift> shifts = new ArrayList<>();
        Instant segmentStart = null;
        for (Instant segmentEnd : changes) {
            if (segmentStart != null) {
                Optional<String> user = onCall(segmentStart);
                if (user.isPresent()) {
                    Shift previous = shifts.isEmpty() ? null : shifts.getLast();
                    if (previous != null && previous.userId().equals(user.get()) && previous.end().equals(segmentStart)) {
                        shifts.set(shifts.size() - 1, new Shift(previous.userId(), previous.start(), segmentEnd));
                    } else {
                        shifts.add(new Shift(user.get(), segmentStart, segmentEnd));
                    }
                }
            }
            segmentStart = segmentEnd;
        }
        return shifts;
    }
}
