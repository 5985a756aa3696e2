package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Event on {@link Topics#INCIDENT_EVENTS} (key = incident id): something about an incident is overdue and a person
 * should be reminded. incident-core decides that a reminder is due; escalation-service decides who receives it (the
 * named user, or the incident's current on-call when none is named) and asks notification-service to send it with a
 * {@link NotificationRequested} whose {@code note} is {@link #text()}.
 *
 * @param reminderId derived from its cause with {@link StableIds} (e.g. the incident, the kind and the due time), so
 *                   a replayed check reminds once
 * @param incidentId the incident the reminder is about
 * @param number     its short human number
 * @param title      what the incident is about
 * @param service    the affected service
 * @param severity   SEV1 to SEV5
 * @param kind       what is overdue: {@code response-overdue}, {@code update-overdue}, {@code action-item-overdue}
 * @param userId     who to remind, as escalation-service knows users (the incident commander, an action item's
 *                   owner); {@code null} reminds whoever is on call for the incident
 * @param text       the reminder as a person reads it
 * @param dueAt      when the overdue thing was due
 * @param at         when the reminder was raised
 */
public record ReminderDue(
        UUID reminderId,
        UUID incidentId,
        long number,
        String title,
        String service,
        IncidentSeverity severity,
        String kind,
        String userId,
        String text,
        Instant dueAt,
        Instant at) implements Message {

    public ReminderDue {
        Objects.requireNonNull(reminderId, "reminderId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}
