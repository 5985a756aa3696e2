package io.vigil.escalation.oncall.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a wall-clock time of a schedule's zone into an instant, with one rule for the two hours that daylight
 * saving makes ambiguous:
 * <ul>
 *   <li>a time in the <b>skipped</b> hour (spring forward) happens at the first valid instant after the gap,
 *       i.e. the transition itself: 02:30 on the New York spring-forward day is 03:00 EDT;</li>
 *   <li>a time in the <b>repeated</b> hour (fall back) happens at its first occurrence, the earlier offset:
 *       01:30 on the New York fall-back day is 01:30 EDT (-04:00), not 01:30 EST.</li>
 * </ul>
 * Both keep every handoff at most once and never earlier than the wall clock says.
 */
public final class LocalTimeline {

    private LocalTimeline() {
    }

    public static Instant instant(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getInstant();
        }
        // The larger offset puts the same wall-clock time at the earlier instant.
        ZoneOffset earlier = offsets.size() == 1 ? offsets.get(0)
                : offsets.stream().max(Comparator.comparingInt(ZoneOffset::getTotalSeconds)).orElseThrow();
        return local.toInstant(earlier);
    }
}
