package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Event on {@link Topics#INCIDENT_EVENTS} (key = incident id): someone took or left a role on the
 * incident ({@code incident-commander}, {@code tech-lead}, {@code comms-lead}, {@code scribe},
 * {@code subject-matter-expert}, {@code responder}).
 *
 * @param incidentId the incident
 * @param number     its short human number
 * @param service    the affected service
 * @param role       the role, lower case with dashes
 * @param assignee   who holds (or held) it
 * @param assigned   {@code true} when the assignee took the role, {@code false} when they left it
 * @param actor      who made the change
 * @param at         when it happened
 */
public record IncidentRoleChanged(UUID incidentId, long number, String service, String role, String assignee,
        boolean assigned, Actor actor, Instant at) implements Message {

    public IncidentRoleChanged {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
