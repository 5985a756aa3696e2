package io.vigil.escalation.oncall.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    // 2026-06-01 is a Monday; London is on BST (+01:00).
    private final Layer weekly = new Layer("primary", Rotation.weekly(), LocalDate.parse("2026-06-01"),
            LocalTime.of(9, 0), List.of("alice", "bob"), List.of());
    private final Layer businessHours = new Layer("daytime", Rotation.daily(), LocalDate.parse("2026-06-01"),
            LocalTime.of(9, 0), List.of("carol", "dave"),
            List.of(new Restriction(WEEKDAYS, LocalTime.of(9, 0), LocalTime.of(17, 0))));

    @Test
    void nobodyIsOnCallBeforeTheFirstHandoff() {
        Schedule schedule = new Schedule("s", "s", LONDON, List.of(weekly), List.of());
        assertThat(schedule.onCall(Instant.parse("2026-06-01T07:59:59Z"))).isEmpty();
        assertThat(schedule.onCall(Instant.parse("2026-06-01T08:00:00Z"))).contains("alice");
    }

    @Test
    void aWeeklyRotationHandsOverEveryWeekInTurn() {
        Schedule schedule = new Schedule("s", "s", LONDON, List.of(weekly), List.of());
        assertThat(schedule.onCall(Instant.parse("2026-06-08T07:59:59Z"))).contains("alice");
        assertThat(schedule.onCall(Instant.parse("2026-06-08T08:00:00Z"))).contains("bob");
        assertThat(schedule.onCall(Instant.parse("2026-06-15T08:00:00Z"))).contains("alice");
        // In winter the 09:00 handoff is 09:00Z.
        assertThat(schedule.onCall(Instant.parse("2026-11-30T08:59:59Z"))).contains("bob");
        assertThat(schedule.onCall(Instant.parse("2026-11-30T09:00:00Z"))).contains("alice");
    }

    @Test
    void aCustomRotationHandsOverEveryTwelveWallClockHours() {
        Layer halfDays = new Layer("halves", Rotation.everyHours(12), LocalDate.parse("2026-03-27"),
                LocalTime.of(8, 0), List.of("alice", "bob"), List.of());
        Schedule schedule = new Schedule("s", "s", LONDON, List.of(halfDays), List.of());
        // Clocks go forward on 2026-03-29 at 01:00; the 20:00 and 08:00 handoffs stay put.
        assertThat(schedule.shifts(Instant.parse("2026-03-28T20:00:00Z"), Instant.parse("2026-03-30T07:00:00Z")))
                .containsExactly(
                        new Shift("bob", Instant.parse("2026-03-28T20:00:00Z"), Instant.parse("2026-03-29T07:00:00Z")),
                        new Shift("alice", Instant.parse("2026-03-29T07:00:00Z"), Instant.parse("2026-03-29T19:00:00Z")),
                        new Shift("bob", Instant.parse("2026-03-29T19:00:00Z"), Instant.parse("2026-03-30T07:00:00Z")));
    }

    @Test
    void aRestrictedLayerAnswersOnlyInsideItsWindowsAndTheLayerBelowOtherwise() {
        Schedule schedule = new Schedule("s", "s", LONDON, List.of(weekly, businessHours), List.of());
        assertThat(schedule.onCall(Instant.parse("2026-06-02T07:59:00Z"))).contains("alice");
        assertThat(schedule.onCall(Instant.parse("2026-06-02T08:00:00Z"))).contains("dave");
        assertThat(schedule.onCall(Instant.parse("2026-06-02T15:59:59Z"))).contains("dave");
        assertThat(schedule.onCall(Instant.parse("2026-06-02T16:00:00Z"))).contains("alice");
        // Saturday: the business-hours layer is off.
        assertThat(schedule.onCall(Instant.parse("2026-06-06T12:00:00Z"))).contains("alice");
    }

    @Test
    void aWindowPastMidnightBelongsToTheDayItStarts() {
        Restriction nights = new Restriction(EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0));
        Layer layer = new Layer("friday-nights", Rotation.weekly(), LocalDate.parse("2026-06-01"),
                LocalTime.of(9, 0), List.of("erin"), List.of(nights));
        Schedule schedule = new Schedule("s", "s", LONDON, List.of(layer), List.of());
        assertThat(schedule.onCall(Instant.parse("2026-06-05T21:00:00Z"))).contains("erin");
        assertThat(schedule.onCall(Instant.parse("2026-06-06T04:59:59Z"))).contains("erin");
        assertThat(schedule.onCall(Instant.parse("2026-06-06T05:00:00Z"))).isEmpty();
        assertThat(schedule.onCall(Instant.parse("2026-06-04T21:00:00Z"))).isEmpty();
    }

    @Test
    void anOverrideBeatsEveryLayerWhileItLasts() {
        ScheduleOverride cover = new ScheduleOverride("zoe", Instant.parse("2026-06-02T10:00:00Z"), Instant.parse("2026-06-02T12:00:00Z"));
        Schedule schedule = new Schedule("s", "s", LONDON, List.of(weekly, businessHours), List.of(cover));
        assertThat(schedule.onCall(Instant.parse("2026-06-02T09:59:59Z"))).contains("dave");
        assertThat(schedule.onCall(Instant.parse("2026-06-02T10:00:00Z"))).contains("zoe");
        assertThat(schedule.onCall(Instant.parse("2026-06-02T12:00:00Z"))).contains("dave");
    }

    @Test
    void shiftsDrawTheFinalCalendarWithLayersRestrictionsAndOverrides() {
        ScheduleOverride cover = new ScheduleOverride("zoe", Instant.parse("2026-06-02T10:00:00Z"), Instant.parse("2026-06-02T12:00:00Z"));
        Schedule schedule = new Schedule("s", "s", LONDON, List.of(weekly, businessHours), List.of(cover));
        assertThat(schedule.shifts(Instant.parse("2026-06-02T00:00:00Z"), Instant.parse("2026-06-03T00:00:00Z")))
                .containsExactly(
                        new Shift("alice", Instant.parse("2026-06-02T00:00:00Z"), Instant.parse("2026-06-02T08:00:00Z")),
                        new Shift("dave", Instant.parse("2026-06-02T08:00:00Z"), Instant.parse("2026-06-02T10:00:00Z")),
                        new Shift("zoe", Instant.parse("2026-06-02T10:00:00Z"), Instant.parse("2026-06-02T12:00:00Z")),
                        new Shift("dave", Instant.parse("2026-06-02T12:00:00Z"), Instant.parse("2026-06-02T16:00:00Z")),
                        new Shift("alice", Instant.parse("2026-06-02T16:00:00Z"), Instant.parse("2026-06-03T00:00:00Z")));
    }

    @Test
    void shiftsLeaveOutTimesWhenNobodyIsOnCall() {
        Schedule schedule = new Schedule("s", "s", LONDON, List.of(businessHours), List.of());
        assertThat(schedule.shifts(Instant.parse("2026-06-05T00:00:00Z"), Instant.parse("2026-06-09T00:00:00Z")))
                .containsExactly(
                        new Shift("carol", Instant.parse("2026-06-05T08:00:00Z"), Instant.parse("2026-06-05T16:00:00Z")),
                        new Shift("dave", Instant.parse("2026-06-08T08:00:00Z"), Instant.parse("2026-06-08T16:00:00Z")));
    }
}
