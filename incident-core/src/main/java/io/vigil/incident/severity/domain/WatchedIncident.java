package io.vigil.incident.severity.domain;

import io.vigil.incident.incident.domain.IncidentStatus;
import io.vigil.incident.incident.domain.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An open incident as the severity matrix watches it.
 *
 * @param openedAt       when it opened
 * @param lastReopenedAt its latest reopening, or {@code null}: the response and update clocks start again there
 * @param lastUpdateAt   its latest update (a person's note, status change or acknowledgement, or a status page
 *                       update), or {@code null} when none came yet
 */
public record WatchedIncident(UUID id, Severity severity, IncidentStatus status, Instant openedAt,
        Instant lastReopenedAt, Instant lastUpdateAt) {

    public WatchedIncident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(openedAt, "openedAt");
    }

    /**
     * What is overdue at {@code now}. An unacknowledged incident is overdue for a response once the response target
     * has passed since it opened (or reopened), and due for escalation once the escalation threshold has. An
     * incident is overdue for an update once the cadence has passed since its last update, then again each
     * cadence later: the latest of those due times is given, so an incident left alone for an hour under a 15 minute
     * cadence yields one reminder (due at 60 min), not four.
     */
    public List<Overdue> overdueAt(Instant now, SeverityMatrix matrix) {
        if (!status.isOpen()) {
            return List.of();
        }
        SeverityMatrix.Targets targets = matrix.of(severity);
        Instant start = lastReopenedAt != null && lastReopenedAt.isAfter(openedAt) ? lastReopenedAt : openedAt;
        List<Overdue> overdue = new ArrayList<>();
        if (status.awaitsAcknowledgement()) {
            Instant responseDue = start.plus(targets.responseTarget());
            if (!now.isBefore(responseDue)) {
                overdue.add(new Overdue(Overdue.Kind.RESPONSE_OVERDUE, responseDue));
            }
            if (targets.escalateAfter() != null && !now.isBefore(start.plus(targets.escalateAfter()))) {
                overdue.add(new Overdue(Overdue.Kind.ESCALATION_DUE, start.plus(targets.escalateAfter())));
            }
        }
        Duration cadence = targets.updateCadence();
        if (cadence != null) {
            Instant since = lastUpdateAt != null && lastUpdateAt.isAfter(start) ? lastUpdateAt : start;
            long periods = Duration.between(since, now).dividedBy(cadence);
            if (periods >= 1) {
                overdue.add(new Overdue(Overdue.Kind.UPDATE_OVERDUE, since.plus(cadence.multipliedBy(periods))));
            }
        }
        return overdue;
    }
}
