package io.vigil.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final List<Duration> DELAYS = List.of(Duration.ZERO, Duration.ofSeconds(10), Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(15));

    @Test
    void fiveAttemptsThenTheScheduleIsSpent() {
        RetrySchedule schedule = new RetrySchedule(DELAYS, 0);

        assertThat(schedule.nextDelay(1, 0.5)).contains(Duration.ofSeconds(10));
        assertThat(schedule.nextDelay(2, 0.5)).contains(Duration.ofMinutes(1));
        assertThat(schedule.nextDelay(3, 0.5)).contains(Duration.ofMinutes(5));
        assertThat(schedule.nextDelay(4, 0.5)).contains(Duration.ofMinutes(15));
        assertThat(schedule.nextDelay(5, 0.5)).isEmpty();
    }

    @Test
    void jitterOnlyEverMakesARetryLaterAndByAtMostItsFraction() {
        RetrySchedule schedule = new RetrySchedule(DELAYS, 0.1);

        assertThat(schedule.nextDelay(1, 0.0)).contains(Duration.ofSeconds(10));
        assertThat(schedule.nextDelay(1, 0.5)).contains(Duration.ofMillis(10_500));
        assertThat(schedule.nextDelay(4, 0.999)).hasValueSatisfying(delay ->
                assertThat(delay).isBetween(Duration.ofMinutes(15), Duration.ofMinutes(15).plusSeconds(90)));
    }
}
