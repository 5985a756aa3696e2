package io.vigil.escalation.escalation.domain;

import io.vigil.escalation.oncall.domain.EscalationPolicy;
import java.time.Duration;
import java.time.Instant;

/**
 * The order in which a policy's levels fire: level 1 to the last, then again for every repeat, then exhaustion.
 * A level that paged nobody hands on at once; one that paged waits its delay.
 */
public final class EscalationPath {

    private EscalationPath() {
    }

    /** What comes after a step: another page, or the end of the policy. */
    public sealed interface Next {

        Instant dueAt();

        /** Page {@code level} of {@code round} at {@code dueAt}. */
        record Page(int level, int round, Instant dueAt) implements Next {
        }

        /** Nobody acknowledged through every round: report it at {@code dueAt}. */
        record Exhaust(Instant dueAt) implements Next {
        }
    }

    /** The first step of an escalation that starts at {@code now}. */
    public static Next.Page start(Instant now) {
        return new Next.Page(1, 1, now);
    }

    /**
     * The step after {@code level} of {@code round} fired at {@code firedAt}.
     *
     * @param paged whether the level paged anybody; a skipped level does not wait its delay
     */
    public static Next after(EscalationPolicy policy, int level, int round, Instant firedAt, boolean paged) {
        Duration wait = paged && level <= policy.levels().size() ? policy.level(level).delay() : Duration.ZERO;
        Instant due = firedAt.plus(wait);
        if (level < policy.levels().size()) {
            return new Next.Page(level + 1, round, due);
        }
        if (round < policy.rounds()) {
            return new Next.Page(1, round + 1, due);
        }
        return new Next.Exhaust(due);
    }

    /**
     * A manual escalation: the level after the one that last fired, now, even past the configured repeats. Before
     * anything fired it is level 1.
     */
    public static Next.Page escalateNow(EscalationPolicy policy, int lastLevel, int lastRound, Instant now) {
        if (lastLevel == 0) {
            return start(now);
        }
        if (lastLevel < policy.levels().size()) {
            return new Next.Page(lastLevel + 1, lastRound, now);
        }
        return new Next.Page(1, lastRound + 1, now);
    }
}
