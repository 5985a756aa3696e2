package io.vigil.incident.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalTest {

    private static final Instant T = Instant.parse("2026-11-10T10:00:00Z");

    private static Interval minutes(int from, int to) {
        return new Interval(T.plus(Duration.ofMinutes(from)), T.plus(Duration.ofMinutes(to)));
    }

    @Test
    void overlappingIntervalsMergeIntoOne() {
        assertThat(Interval.merge(List.of(minutes(10, 40), minutes(0, 20), minutes(35, 50))))
                .containsExactly(minutes(0, 50));
    }

    @Test
    void touchingIntervalsMergeAndSeparateOnesStaySeparateInTimeOrder() {
        assertThat(Interval.merge(List.of(minutes(60, 70), minutes(0, 10), minutes(10, 20))))
                .containsExactly(minutes(0, 20), minutes(60, 70));
    }

    @Test
    void anIntervalInsideAnotherAddsNothing() {
        assertThat(Interval.covered(List.of(minutes(0, 60), minutes(15, 30)))).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void coveredTimeCountsOverlapsOnce() {
        // 0–30 and 20–50 overlap by 10: 30 + 30 − 10 = 50; 100–110 adds 10.
        assertThat(Interval.covered(List.of(minutes(0, 30), minutes(20, 50), minutes(100, 110))))
                .isEqualTo(Duration.ofMinutes(60));
        assertThat(Interval.covered(List.of())).isEqualTo(Duration.ZERO);
    }

    @Test
    void clippingKeepsOnlyThePartInsideThePeriod() {
        assertThat(minutes(-30, 30).clip(T, T.plus(Duration.ofHours(1)))).contains(minutes(0, 30));
        assertThat(minutes(50, 90).clip(T, T.plus(Duration.ofHours(1)))).contains(minutes(50, 60));
        assertThat(minutes(-30, 0).clip(T, T.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void anIntervalCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> minutes(10, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
