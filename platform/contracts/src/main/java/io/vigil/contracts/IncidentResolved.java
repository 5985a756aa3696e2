package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Event on {@link Topics#INCIDENT_EVENTS} (key = incident id): the incident is resolved; escalation stops and pending pages are cancelled.
 *
 * @param incidentId the incident
 * @param number     its short human number
 * @param title      what it is about
 * @param service    the affected service
 * @param severity   its severity at the time
 * @param urgency    its urgency at the time
 * @param actor      who caused it
 * @param at         when it happened
 */
public record IncidentResolved(UUID incidentId, long number, String title, String service, IncidentSeverity severity,
        Urgency urgency, Actor actor, Instant at) implements Message {

    public IncidentResolved {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
