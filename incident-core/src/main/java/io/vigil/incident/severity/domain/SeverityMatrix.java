package io.vigil.incident.severity.domain;

import io.vigil.incident.incident.domain.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What each severity asks of the people running an incident: how fast someone must take it on, how often they
 * must say where it stands, whether it needs an incident commander, and when incident-core escalates it on its
 * own. Not to be confused with {@link io.vigil.incident.incident.domain.SeverityPolicy}, which decides the
 * severity of a new incident from its alerts.
 */
public record SeverityMatrix(Map<Severity, Targets> levels) {

    /**
     * The targets of one severity.
     *
     * @param responseTarget    how long an incident may stay unacknowledged (triggered or reopened) before the
     *                          commander, or the on-call, is reminded
     * @param updateCadence     how often an open incident needs an update (a note, a status change or a status page
     *                          update); {@code null} for none
     * @param commanderRequired whether the incident needs an incident commander; reminders say when it has none
     * @param escalateAfter     how long an incident may stay unacknowledged before incident-core escalates it to
     *                          the next level of its escalation policy, once, whatever that level's own delay;
     *                          {@code null} leaves escalation to the policy alone
     */
    public record Targets(Duration responseTarget, Duration updateCadence, boolean commanderRequired,
            Duration escalateAfter) {

        public Targets {
            Objects.requireNonNull(responseTarget, "responseTarget");
            requirePositive(responseTarget, "responseTarget");
            requirePositive(updateCadence, "updateCadence");
            requirePositive(escalateAfter, "escalateAfter");
        }

        private static void requirePositive(Duration duration, String name) {
            if (duration != null && (duration.isZero() || duration.isNegative())) {
                throw new IllegalArgumentException(name + " must be positive, was " + duration);
            }
        }
    }

    public SeverityMatrix {
        EnumMap<Severity, Targets> complete = new EnumMap<>(Severity.class);
        complete.putAll(DEFAULTS);
        if (levels != null) {
            levels.forEach((severity, targets) -> complete.put(severity, Objects.requireNonNull(targets, "targets")));
        }
        levels = Map.copyOf(complete);
    }

    private static final Map<Severity, Targets> DEFAULTS = Map.of(
            Severity.SEV1, new Targets(Duration.ofMinutes(5), Duration.ofMinutes(15), true, null),
            Severity.SEV2, new Targets(Duration.ofMinutes(15), Duration.ofMinutes(30), true, null),
            Severity.SEV3, new Targets(Duration.ofMinutes(30), Duration.ofMinutes(60), false, null),
            Severity.SEV4, new Targets(Duration.ofMinutes(60), Duration.ofMinutes(240), false, null),
            Severity.SEV5, new Targets(Duration.ofMinutes(480), null, false, null));

    /**
     * Response 5 / 15 / 30 / 60 / 480 min, updates every 15 / 30 / 60 / 240 min / none, a commander for SEV1–2, and no
     * escalation threshold: out of the box the escalation policies' own delays decide alone, so an installation's
     * paging does not change until it opts in.
     */
    public static SeverityMatrix defaults() {
        return new SeverityMatrix(Map.of());
    }

    public Targets of(Severity severity) {
        return levels.get(severity);
    }
}
