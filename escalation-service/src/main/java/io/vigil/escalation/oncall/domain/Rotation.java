package io.vigil.escalation.oncall.domain;

import java.time.LocalDateTime;

/**
 * How often a layer hands over. Handoffs are counted in the schedule's wall-clock time, so a daily 09:00 handoff
 * stays at 09:00 local on both sides of a daylight-saving change (that day's shift is 23 or 25 hours long); a
 * custom rotation of {@code hours} also advances on the wall clock.
 *
 * @param hours length of a shift for {@link Kind#HOURS}; 24 for daily and 168 for weekly
 */
public record Rotation(Kind kind, int hours) {

    public enum Kind { DAILY, WEEKLY, HOURS }

    public Rotation {
        if (hours < 1) {
            throw new IllegalArgumentException("a rotation lasts at least one hour");
        }
    }

    public static Rotation daily() {
        return new Rotation(Kind.DAILY, 24);
    }

    public static Rotation weekly() {
        return new Rotation(Kind.WEEKLY, 168);
    }

    public static Rotation everyHours(int hours) {
        return new Rotation(Kind.HOURS, hours);
    }

    /** The wall-clock time of the {@code n}-th handoff after {@code first}. */
    LocalDateTime handoff(LocalDateTime first, long n) {
        return switch (kind) {
            case DAILY -> first.plusDays(n);
            case WEEKLY -> first.plusWeeks(n);
            case HOURS -> first.plusHours(n * hours);
        };
    }
}
