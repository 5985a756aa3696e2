package io.vigil.incident.incident.application;

import io.vigil.contracts.Actor;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.IncidentAcknowledged;
import io.vigil.contracts.IncidentClosed;
import io.vigil.contracts.IncidentEscalated;
import io.vigil.contracts.IncidentMerged;
import io.vigil.contracts.IncidentNoteAdded;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentReopened;
import io.vigil.contracts.IncidentResolved;
import io.vigil.contracts.IncidentRoleChanged;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.IncidentSeverityChanged;
import io.vigil.contracts.IncidentSplit;
import io.vigil.contracts.IncidentStatusChanged;
import io.vigil.contracts.Message;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.contracts.Urgency;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.incident.domain.IncidentChange;
import io.vigil.incident.incident.domain.Outcome;
import io.vigil.starter.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes down what a domain decision did, inside the caller's transaction: the incident row, one
 * timeline line and one {@link Topics#INCIDENT_EVENTS} event per change (a merge is announced once,
 * by the merged incident's {@code IncidentMerged}), and the response-time
 * metrics. Every change to an incident goes through here, so none leaves without its event.
 */
@Component
public class IncidentJournal {

    private final Incidents incidents;
    private final Timeline timeline;
    private final Outbox outbox;
    private final IncidentMetrics metrics;
    private final Clock clock;

    public IncidentJournal(Incidents incidents, Timeline timeline, Outbox outbox, IncidentMetrics metrics,
            Clock clock) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param before      the incident before the decision, for what the metrics compare
     * @param cause       the id of the request or message that caused it; events derive their ids from it
     * @param traceparent trace context to carry on, or {@code null}
     */
    public void write(Incident before, Outcome outcome, UUID cause, String traceparent) {
        if (outcome.changes().isEmpty()) {
            return;
        }
        Incident after = outcome.incident();
        if (!after.equals(before)) {
            incidents.update(after);
        }
        int index = 0;
        for (IncidentChange change : outcome.changes()) {
            timeline.add(after.id(), new Timeline.Entry(change.at(), kind(change), summary(change), change.actor()));
            Message event = event(after, change);
            if (event != null) {
                UUID eventId = StableIds.of(event.getClass().getSimpleName(), after.id().toString(),
                        cause.toString(), Integer.toString(index++));
                outbox.append(Topics.INCIDENT_EVENTS, Envelope.of(eventId, after.id().toString(), event, clock,
                        traceparent));
            }
            observe(before, after, change);
        }
    }

    /** Announces a new incident ({@code IncidentOpened}) with the line that says why it opened. */
    public void opened(Incident incident, String summary, Actor actor, String traceparent) {
        remark(incident.id(), "opened", summary, actor);
        IncidentOpened event = new IncidentOpened(incident.id(),
                incident.number(), incident.title(), incident.service(),
                IncidentSeverity.valueOf(incident.severity().name()), Urgency.valueOf(incident.urgency().name()),
                incident.fingerprint(), null, incident.openedAt());
        outbox.append(Topics.INCIDENT_EVENTS, Envelope.of(StableIds.of("IncidentOpened", incident.id().toString()),
                incident.id().toString(), event, clock, traceparent));
    }

    /** A line on the timeline without a state change: an alert cleared, a command refused. */
    public void remark(UUID incidentId, String kind, String summary, Actor actor) {
        timeline.add(incidentId, new Timeline.Entry(clock.instant(), kind, summary, actor));
    }

    private void observe(Incident before, Incident after, IncidentChange change) {
        String severity = after.severity().name();
        if (change instanceof IncidentChange.Acknowledged && before.acknowledgedAt() == null) {
            metrics.acknowledged(after.service(), severity, Duration.between(after.openedAt(), change.at()));
        } else if (change instanceof IncidentChange.Resolved) {
            metrics.resolved(after.service(), severity, Duration.between(after.openedAt(), change.at()));
        }
    }

    private static String kind(IncidentChange change) {
        return switch (change) {
            case IncidentChange.Acknowledged ignored -> "acknowledged";
            case IncidentChange.StatusChanged ignored -> "status";
            case IncidentChange.Resolved ignored -> "resolved";
            case IncidentChange.Reopened ignored -> "reopened";
            case IncidentChange.Closed ignored -> "closed";
            case IncidentChange.SeverityChanged ignored -> "severity";
            case IncidentChange.Escalated ignored -> "escalated";
            case IncidentChange.NoteAdded ignored -> "note";
            case IncidentChange.RoleAssigned ignored -> "role";
            case IncidentChange.RoleReleased ignored -> "role";
            case IncidentChange.SplitOff ignored -> "split";
            case IncidentChange.MergedInto ignored -> "merged";
            case IncidentChange.Absorbed ignored -> "merged";
        };
    }

    private static String summary(IncidentChange change) {
        String who = who(change.actor());
        return switch (change) {
            case IncidentChange.Acknowledged c -> withNote("Acknowledged by " + who, c.note());
            case IncidentChange.StatusChanged c ->
                    withNote("%s → %s by %s".formatted(c.from().label(), c.to().label(), who), c.note());
            case IncidentChange.Resolved c -> withNote("Resolved by " + who, c.note());
            case IncidentChange.Reopened c -> withNote("Reopened by " + who, c.note());
            case IncidentChange.Closed c -> withNote("Closed by " + who, c.note());
            case IncidentChange.SeverityChanged c -> "Severity %s/%s → %s/%s by %s".formatted(c.previousSeverity(),
                    label(c.previousUrgency()), c.severity(), label(c.urgency()), who);
            case IncidentChange.Escalated c -> withNote("Escalated by " + who, c.note());
            case IncidentChange.NoteAdded c -> c.text();
            case IncidentChange.RoleAssigned c -> "%s is %s (by %s)".formatted(c.assignee(), c.role().label(), who);
            case IncidentChange.RoleReleased c -> "%s is no longer %s (by %s)".formatted(c.assignee(),
                    c.role().label(), who);
            case IncidentChange.SplitOff c -> "%s split off into #%d by %s".formatted(
                    String.join(", ", c.fingerprints()), c.newNumber(), who);
            case IncidentChange.MergedInto c -> withNote("Merged into #%d by %s".formatted(c.targetNumber(), who),
                    c.note());
            case IncidentChange.Absorbed c -> withNote("#%d merged into this incident by %s".formatted(
                    c.sourceNumber(), who), c.note());
        };
    }

    /** The event a change announces, or {@code null} when another change of the same decision announces it. */
    private static Message event(Incident incident, IncidentChange change) {
        IncidentSeverity severity = IncidentSeverity.valueOf(incident.severity().name());
        Urgency urgency = Urgency.valueOf(incident.urgency().name());
        return switch (change) {
            case IncidentChange.Acknowledged c -> new IncidentAcknowledged(incident.id(), incident.number(),
                    incident.title(), incident.service(), severity, urgency, c.actor(), c.at());
            case IncidentChange.StatusChanged c -> new IncidentStatusChanged(incident.id(), incident.number(),
                    incident.title(), incident.service(), severity, urgency, c.from().label(), c.to().label(),
                    c.actor(), c.note(), c.at());
            case IncidentChange.Resolved c -> new IncidentResolved(incident.id(), incident.number(),
                    incident.title(), incident.service(), severity, urgency, c.actor(), c.at());
            case IncidentChange.Reopened c -> new IncidentReopened(incident.id(), incident.number(),
                    incident.title(), incident.service(), severity, urgency, c.actor(), c.at());
            case IncidentChange.Closed c -> new IncidentClosed(incident.id(), incident.number(), incident.title(),
                    incident.service(), severity, urgency, c.actor(), c.at());
            case IncidentChange.SeverityChanged c -> new IncidentSeverityChanged(incident.id(), incident.number(),
                    incident.title(), incident.service(), IncidentSeverity.valueOf(c.previousSeverity().name()),
                    severity, Urgency.valueOf(c.previousUrgency().name()), urgency, c.actor(), c.at());
            case IncidentChange.Escalated c -> new IncidentEscalated(incident.id(), incident.number(),
                    incident.title(), incident.service(), severity, urgency, c.actor(), c.at());
            case IncidentChange.NoteAdded c -> new IncidentNoteAdded(incident.id(), incident.number(),
                    incident.service(), c.actor(), c.text(), c.at());
            case IncidentChange.RoleAssigned c -> new IncidentRoleChanged(incident.id(), incident.number(),
                    incident.service(), c.role().label(), c.assignee(), true, c.actor(), c.at());
            case IncidentChange.RoleReleased c -> new IncidentRoleChanged(incident.id(), incident.number(),
                    incident.service(), c.role().label(), c.assignee(), false, c.actor(), c.at());
            case IncidentChange.MergedInto c -> new IncidentMerged(incident.id(), incident.number(),
                    incident.service(), c.target(), c.targetNumber(), c.actor(), c.at());
            case IncidentChange.Absorbed c -> null;
            case IncidentChange.SplitOff c -> new IncidentSplit(incident.id(), incident.number(), incident.service(),
                    c.newIncident(), c.newNumber(), c.fingerprints(), c.actor(), c.at());
        };
    }

    private static String who(Actor actor) {
        if (actor == null) {
            return "the alert source";
        }
        return actor.via() == null ? actor.id() : "%s (%s via %s)".formatted(actor.id(), actor.kind(), actor.via());
    }

    private static String label(io.vigil.incident.incident.domain.Urgency urgency) {
        return urgency.name().toLowerCase(Locale.ROOT);
    }

    private static String withNote(String text, String note) {
        return note == null || note.isBlank() ? text : text + ": " + note;
    }
}
