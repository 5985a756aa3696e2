package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Event on {@link Topics#INCIDENT_EVENTS} (key = incident id): a responder changed the incident's
 * severity or urgency.
 *
 * @param incidentId       the incident
 * @param number           its short human number
 * @param title            what it is about
 * @param service          the affected service
 * @param previousSeverity the severity before the change
 * @param severity         the severity now
 * @param previousUrgency  the urgency before the change
 * @param urgency          the urgency now
 * @param actor            who caused it
 * @param at               when it happened
 */
public record IncidentSeverityChanged(UUID incidentId, long number, String title, String service,
        IncidentSeverity previousSeverity, IncidentSeverity severity, Urgency previousUrgency, Urgency urgency,
        Actor actor, Instant at) implements Message {

    public IncidentSeverityChanged {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
