package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Event on {@link Topics#INCIDENT_EVENTS} (key = incident id): a resolved incident was closed for
 * good; it no longer reopens, a new alert of the same problem opens a new incident.
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
public record IncidentClosed(UUID incidentId, long number, String title, String service, IncidentSeverity severity,
        Urgency urgency, Actor actor, Instant at) implements Message {

    public IncidentClosed {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
