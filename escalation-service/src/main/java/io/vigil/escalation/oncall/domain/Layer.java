package io.vigil.escalation.oncall.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One rotation of a schedule: its participants take turns, in order, handing over at {@code handoff} wall-clock
 * time of the schedule's zone, the first turn starting on {@code start}. With restrictions the layer is on call
 * only inside their windows; outside them a lower layer (or nobody) answers.
 */
public record Layer(String name, Rotation rotation, LocalDate start, LocalTime handoff, List<String> participants,
        List<Restriction> restrictions) {

    public Layer {
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(handoff, "handoff");
        participants = List.copyOf(participants);
        restrictions = List.copyOf(restrictions);
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("a layer has at least one participant");
        }
    }

    /** Who this layer puts on call at {@code at}, if anyone. */
    public Optional<String> onCall(Instant at, ZoneId zone) {
        if (at.isBefore(handoffAt(0, zone))) {
            return Optional.empty();
        }
        if (!restrictions.isEmpty()) {
            LocalDateTime local = LocalDateTime.ofInstant(at, zone);
            if (restrictions.stream().noneMatch(r -> r.covers(local))) {
                return Optional.empty();
            }
        }
        return Optional.of(participants.get((int) Math.floorMod(turn(at, zone), participants.size())));
    }

    /** The instant of the {@code n}-th handoff (0 = the first turn's start). */
    public Instant handoffAt(long n, ZoneId zone) {
        return LocalTimeline.instant(rotation.handoff(start.atTime(handoff), n), zone);
    }

    /** The number of the turn that holds {@code at}: the last handoff at or before it. */
    long turn(Instant at, ZoneId zone) {
        long n = Duration.between(handoffAt(0, zone), at).toHours() / rotation.hours();
        while (!handoffAt(n + 1, zone).isAfter(at)) {
            n++;
        }
        while (handoffAt(n, zone).isAfter(at)) {
            n--;
        }
        return n;
    }

    /** Every instant in [from, to) at which this layer's answer may change: handoffs and restriction edges. */
    SortedSet<Instant> changes(Instant from, Instant to, ZoneId zone) {
        SortedSet<Instant> changes = new TreeSet<>();
        long n = from.isBefore(handoffAt(0, zone)) ? 0 : turn(from, zone);
        for (Instant h = handoffAt(n, zone); h.isBefore(to); h = handoffAt(++n, zone)) {
            if (!h.isBefore(from)) {
                changes.add(h);
            }
        }
        LocalDate last = LocalDateTime.ofInstant(to, zone).toLocalDate();
        for (LocalDate day = LocalDateTime.ofInstant(from, zone).toLocalDate().minusDays(1); !day.isAfter(last);
                day = day.plusDays(1)) {
            for (Restriction restriction : restrictions) {
                Restriction.Window window = restriction.startsOn(day);
                if (window != Restriction.Window.NONE) {
                    for (LocalDateTime edge : List.of(window.start(), window.end())) {
                        Instant instant = LocalTimeline.instant(edge, zone);
                        if (!instant.isBefore(from) && instant.isBefore(to)) {
                            changes.add(instant);
                        }
                    }
                }
            }
        }
        return changes;
    }
}
