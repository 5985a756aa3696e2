package io.vigil.escalation.oncall.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Handoffs around every daylight-saving transition of 2026 and 2027 in New York, London and Sydney, the
 * transitions found with {@link java.time.zone.ZoneRules}, not typed in.
 */
class DaylightSavingHandoffTest {

    static Stream<Arguments> transitions() {
        List<Arguments> all = new ArrayList<>();
        for (String zoneName : List.of("America/New_York", "Europe/London", "Australia/Sydney")) {
            ZoneId zone = ZoneId.of(zoneName);
            Instant cursor = Instant.parse("2026-01-01T00:00:00Z");
            ZoneOffsetTransition transition;
            while ((transition = zone.getRules().nextTransition(cursor)) != null
                    && transition.getInstant().isBefore(Instant.parse("2028-01-01T00:00:00Z"))) {
                all.add(Arguments.of(zone, transition));
                cursor = transition.getInstant();
            }
        }
        assertThat(all).hasSize(12);
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transitions")
    void aNineOClockHandoffStaysAtNineLocalAcrossTheChange(ZoneId zone, ZoneOffsetTransition transition) {
        LocalDate day = transition.getDateTimeBefore().toLocalDate();
        Layer layer = new Layer("daily", Rotation.daily(), day.minusDays(10), LocalTime.of(9, 0),
                List.of("alice", "bob", "carol"), List.of());
        Schedule schedule = new Schedule("s", "s", zone, List.of(layer), List.of());

        Instant from = day.minusDays(3).atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(4).atStartOfDay(zone).toInstant();
        List<Shift> shifts = schedule.shifts(from, to);

        assertThat(shifts).hasSize(8);
        for (Shift shift : shifts.subList(1, shifts.size())) {
            assertThat(ZonedDateTime.ofInstant(shift.start(), zone).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        }
        List<Duration> lengths = shifts.subList(1, shifts.size() - 1).stream()
                .map(s -> Duration.between(s.start(), s.end())).toList();
        Duration change = Duration.ofSeconds(transition.getOffsetAfter().getTotalSeconds()
                - transition.getOffsetBefore().getTotalSeconds());
        assertThat(lengths).containsOnly(Duration.ofHours(24), Duration.ofHours(24).minus(change));
        assertThat(lengths).containsOnlyOnce(Duration.ofHours(24).minus(change));
        assertThat(shifts).extracting(Shift::userId)
                .containsExactly("alice", "bob", "carol", "alice", "bob", "carol", "alice", "bob");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("transitions")
    void aHandoffInsideTheChangedHourFollowsTheStatedRule(ZoneId zone, ZoneOffsetTransition transition) {
        // A handoff half an hour after the wall-clock time of the change: inside the skipped or repeated hour.
        LocalDateTime inside = transition.getDateTimeBefore().plusMinutes(30);
        if (transition.isOverlap()) {
            inside = transition.getDateTimeAfter().plusMinutes(30);
        }
        LocalDate day = inside.toLocalDate();
        Layer layer = new Layer("night", Rotation.daily(), day.minusDays(2), inside.toLocalTime(),
                List.of("alice", "bob"), List.of());
        Schedule schedule = new Schedule("s", "s", zone, List.of(layer), List.of());

        Instant handoff = layer.handoffAt(2, zone);
        if (transition.isGap()) {
            assertThat(handoff).as("first valid instant after the gap").isEqualTo(transition.getInstant());
        } else {
            assertThat(handoff).as("earlier offset")
                    .isEqualTo(inside.toInstant(transition.getOffsetBefore()))
                    .isBefore(transition.getInstant());
        }
        assertThat(schedule.onCall(handoff.minusSeconds(1))).contains("bob");
        assertThat(schedule.onCall(handoff)).contains("alice");
        // The day after, the handoff is back at its wall-clock time with the new offset.
        assertThat(layer.handoffAt(3, zone)).isEqualTo(inside.plusDays(1).toInstant(transition.getOffsetAfter()));
        assertThat(schedule.onCall(layer.handoffAt(3, zone))).contains("bob");
    }
}
