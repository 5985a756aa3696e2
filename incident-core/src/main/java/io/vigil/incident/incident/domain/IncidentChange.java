package io.vigil.incident.incident.domain;

import io.vigil.contracts.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One thing that happened to an incident, as the domain decided it; the application records and announces it. */
public sealed interface IncidentChange {

    Actor actor();

    Instant at();

    /** Someone took the incident on; escalation stops. */
    record Acknowledged(Actor actor, String note, Instant at) implements IncidentChange {
    }

    /** A move between working states. */
    record StatusChanged(IncidentStatus from, IncidentStatus to, Actor actor, String note, Instant at)
            implements IncidentChange {
    }

    record Resolved(Actor actor, String note, Instant at) implements IncidentChange {
    }

    record Reopened(Actor actor, String note, Instant at) implements IncidentChange {
    }

    record Closed(Actor actor, String note, Instant at) implements IncidentChange {
    }

    record SeverityChanged(Severity previousSeverity, Urgency previousUrgency, Severity severity, Urgency urgency,
            Actor actor, Instant at) implements IncidentChange {
    }

    /** Someone asked for the next escalation level now. */
    record Escalated(Actor actor, String note, Instant at) implements IncidentChange {
    }

    record NoteAdded(String text, Actor actor, Instant at) implements IncidentChange {
    }

    /** This incident was merged into {@code target}; it is over. */
    record MergedInto(UUID target, long targetNumber, Actor actor, String note, Instant at)
            implements IncidentChange {
    }

    /** {@code source} was merged into this incident: its alerts and timeline are here now. */
    record Absorbed(UUID source, long sourceNumber, Actor actor, String note, Instant at)
            implements IncidentChange {
    }

    /** Some alerts ({@code fingerprints}) left this incident for a new one. */
    record SplitOff(UUID newIncident, long newNumber, List<String> fingerprints, Actor actor, Instant at)
            implements IncidentChange {
    }

    /** {@code assignee} took {@code role}. */
    record RoleAssigned(IncidentRole role, String assignee, Actor actor, Instant at) implements IncidentChange {
    }

    /** {@code assignee} left {@code role}, or was replaced in it. */
    record RoleReleased(IncidentRole role, String assignee, Actor actor, Instant at) implements IncidentChange {
    }
}
