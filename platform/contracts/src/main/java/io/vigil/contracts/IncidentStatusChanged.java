package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Event on {@link Topics#INCIDENT_EVENTS} (key = incident id): a responder moved the incident between
 * working states ({@code investigating}, {@code identified}, {@code mitigating}, {@code monitoring}).
 * Acknowledging, resolving, reopening and closing have their own events.
 *
 * @param incidentId the incident
 * @param number     its short human number
 * @param title      what it is about
 * @param service    the affected service
 * @param severity   its severity at the time
 * @param urgency    its urgency at the time
 * @param from       the state it left, lower case
 * @param to         the state it is in now, lower case
 * @param actor      who caused it
 * @param note       optional words given with the change, or {@code null}
 * @param at         when it happened
 */
public record IncidentStatusChanged(UUID incidentId, long number, String title, String service,
        IncidentSeverity severity, Urgency urgency, String from, String to, Actor actor, String note, Instant at)
        implements Message {

    public IncidentStatusChanged {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
