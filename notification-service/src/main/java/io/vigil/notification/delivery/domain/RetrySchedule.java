package io.vigil.notification.delivery.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is attempted again: the n-th entry is the delay before attempt n+1, so
 * {@code 0s, 10s, 1m, 5m, 15m} means five attempts; after the last the schedule is spent.
 *
 * @param delays delay before each attempt
 * @param jitter fraction of a delay that may be added at random
 */
public record RetrySchedule(List<Duration> delays, double jitter) {

    public RetrySchedule {
        delays = List.copyOf(delays);
    }

    /**
     * @param attemptsMade attempts made so far, all failed
     * @param random       a number in [0, 1) to spread retries
     * @return the delay before the next attempt, empty when the schedule is spent
     */
    public Optional<Duration> nextDelay(int attemptsMade, double random) {
        if (attemptsMade >= delays.size()) {
            return Optional.empty();
        }
        Duration delay = delays.get(attemptsMade);
        long extraMillis = (long) (delay.toMillis() * jitter * random);
        return Optional.of(delay.plusMillis(extraMillis));
    }
}
