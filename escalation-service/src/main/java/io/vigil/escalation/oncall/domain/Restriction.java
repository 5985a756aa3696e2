package io.vigil.escalation.oncall.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A window of the schedule's wall-clock time in which a layer is on call, e.g. business hours: Monday to Friday,
 * 09:00 to 17:00. A window whose {@code to} is not after {@code from} runs past midnight into the next day (a
 * window from 00:00 to 00:00 is the whole day); {@code days} are the days a window starts on.
 */
public record Restriction(Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public Restriction {
        days = days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
    }

    /** Whether the wall-clock time falls inside one of this restriction's windows. */
    public boolean covers(LocalDateTime local) {
        return startsOn(local.toLocalDate()).contains(local) || startsOn(local.toLocalDate().minusDays(1)).contains(local);
    }

    /** The window that starts on {@code date}, empty when the restriction does not start one that day. */
    Window startsOn(LocalDate date) {
        if (!days.contains(date.getDayOfWeek())) {
            return Window.NONE;
        }
        LocalDateTime start = date.atTime(from);
        LocalDateTime end = to.isAfter(from) ? date.atTime(to) : date.plusDays(1).atTime(to);
        return new Window(start, end);
    }

    /** A half-open wall-clock interval. */
    record Window(LocalDateTime start, LocalDateTime end) {

        static final Window NONE = new Window(LocalDateTime.MIN, LocalDateTime.MIN);

        boolean contains(LocalDateTime local) {
            return !local.isBefore(start) && local.isBefore(end);
        }
    }
}
