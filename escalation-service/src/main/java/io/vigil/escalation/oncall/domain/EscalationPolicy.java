package io.vigil.escalation.oncall.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Who is paged about a service's incidents and in what order: level 1 at once, each next level when the previous
 * level's delay ran out without an acknowledgement; after the last level the whole policy runs again
 * {@code repeat} more times.
 */
public record EscalationPolicy(String id, String name, List<Level> levels, int repeat) {

    public EscalationPolicy {
        Objects.requireNonNull(id, "id");
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a policy has at least one level");
        }
        if (repeat < 0) {
            throw new IllegalArgumentException("repeat is not negative");
        }
    }

    /**
     * One level.
     *
     * @param delay how long this level has to acknowledge before the next level is paged
     */
    public record Level(Duration delay, List<Target> targets) {

        public Level {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("a delay is not negative");
            }
            targets = List.copyOf(targets);
        }
    }

    /** Passes through the levels in all: the first plus the repeats. */
    public int rounds() {
        return repeat + 1;
    }

    /** Level {@code number}, counted from 1. */
    public Level level(int number) {
        return levels.get(number - 1);
    }
}
