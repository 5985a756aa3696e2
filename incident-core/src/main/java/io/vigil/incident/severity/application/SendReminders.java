package io.vigil.incident.severity.application;

import io.vigil.contracts.Actor;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.contracts.ReminderDue;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.incident.incident.application.EscalateNow;
import io.vigil.incident.incident.application.Incidents;
import io.vigil.incident.incident.application.Roles;
import io.vigil.incident.incident.application.Timeline;
import io.vigil.incident.incident.domain.IllegalTransition;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.incident.domain.IncidentRole;
import io.vigil.incident.severity.domain.Overdue;
import io.vigil.incident.severity.domain.SeverityMatrix;
import io.vigil.incident.severity.domain.WatchedIncident;
import io.vigil.starter.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds open incidents to their severity's targets: for each response or update that is overdue it publishes a
 * {@link ReminderDue} (to the incident commander, or to the on-call when there is none) and writes a
 * {@code reminder} line on the timeline; an incident unacknowledged past its escalation threshold is escalated.
 * Each due time acts once: the ledger remembers it, in the same transaction as the event, so a second replica or a
 * second pass finds it done.
 */
@Service
public class SendReminders {

    /** Who reminds and escalates, on the timeline and in events. */
    public static final Actor ACTOR = Actor.system("severity-policy");

    private final ReminderLedger ledger;
    private final Incidents incidents;
    private final Roles roles;
    private final Timeline timeline;
    private final EscalateNow escalateNow;
    private final Outbox outbox;
    private final SeverityMatrix matrix;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public SendReminders(ReminderLedger ledger, Incidents incidents, Roles roles, Timeline timeline,
            EscalateNow escalateNow, Outbox outbox, SeverityMatrix matrix, TransactionTemplate transactions,
            Clock clock) {
        this.ledger = ledger;
        this.incidents = incidents;
        this.roles = roles;
        this.timeline = timeline;
        this.escalateNow = escalateNow;
        this.outbox = outbox;
        this.matrix = matrix;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * One pass over the open incidents.
     *
     * @return how many reminders and escalations went out
     */
    public int check() {
        Instant now = clock.instant();
        Set<UUID> done = ledger.sentForOpenIncidents();
        int sent = 0;
        for (WatchedIncident watched : ledger.openIncidents()) {
            for (Overdue overdue : watched.overdueAt(now, matrix)) {
                // An incident left overdue stays so for many passes; only a new due time needs a transaction.
                if (!done.contains(reminderId(watched.id(), overdue)) && Boolean.TRUE.equals(transactions.execute(status -> act(watched, overdue, now)))) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean act(WatchedIncident watched, Overdue overdue, Instant now) {
        UUID id = reminderId(watched.id(), overdue);
        if (!ledger.firstTime(id, watched.id(), overdue.kind().label(), overdue.dueAt(), now)) {
            return false;
        }
        Optional<Incident> found = incidents.find(watched.id());
        if (found.isEmpty() || !found.get().isOpen()) {
            return false;
        }
        Incident incident = found.get();
        SeverityMatrix.Targets targets = matrix.of(incident.severity());
        String commander = roles.of(incident.id()).stream()
                .filter(assignment -> assignment.role() == IncidentRole.INCIDENT_COMMANDER)
                .map(Roles.Assignment::assignee).findFirst().orElse(null);
        String text = ReminderText.of(incident, overdue, targets, commander);
        if (overdue.kind() == Overdue.Kind.ESCALATION_DUE) {
            try {
                escalateNow.escalate(new EscalateNow.Command(incident.id(), ACTOR, text, id, null));
            } catch (IllegalTransition closedMeanwhile) {
                return false;
            }
            return true;
        }
        timeline.add(incident.id(), new Timeline.Entry(now, "reminder",
                "Reminder to %s: %s".formatted(commander == null ? "the on-call" : commander, text), ACTOR));
        ReminderDue reminder = new ReminderDue(id, incident.id(), incident.number(), incident.title(),
                incident.service(), IncidentSeverity.valueOf(incident.severity().name()), overdue.kind().label(),
                commander, text, overdue.dueAt(), now);
        outbox.append(Topics.INCIDENT_EVENTS, Envelope.of(id, incident.id().toString(), reminder, clock, null));
        return true;
    }

    /** {@code StableIds.of("reminder", incidentId, kind, dueAt)}: one reminder per incident, kind and due time. */
    public static UUID reminderId(UUID incidentId, Overdue overdue) {
        return StableIds.of("reminder", incidentId.toString(), overdue.kind().label(), overdue.dueAt().toString());
    }
}
