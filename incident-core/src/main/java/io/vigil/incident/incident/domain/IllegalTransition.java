package io.vigil.incident.incident.domain;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * A change the lifecycle does not allow from the incident's current state.
 *
 * @see Lifecycle
 */
public final class IllegalTransition extends RuntimeException {

    private final IncidentStatus current;
    private final String requested;
    private final Set<IncidentStatus> allowed;

    public IllegalTransition(IncidentStatus current, String requested, Set<IncidentStatus> allowed) {
        super("An incident that is %s cannot %s; allowed from %s: %s".formatted(current.label(), requested,
                current.label(), allowed.isEmpty() ? "nothing, it is final"
                        : allowed.stream().map(IncidentStatus::label).collect(Collectors.joining(", "))));
        this.current = current;
        this.requested = requested;
        this.allowed = Set.copyOf(allowed);
    }

    public IncidentStatus current() {
        return current;
    }

    /** What was asked: a target state ({@code become resolved}) or an action ({@code escalate}). */
    public String requested() {
        return requested;
    }

    public Set<IncidentStatus> allowed() {
        return allowed;
    }
}
