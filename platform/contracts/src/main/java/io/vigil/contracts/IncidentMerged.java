package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Event on {@link Topics#INCIDENT_EVENTS} (key = the merged incident's id): a responder merged an
 * incident into another. The merged one is over (its escalation should stop, as on resolution); its
 * alerts, their future copies and a copy of its timeline now belong to the target.
 *
 * @param incidentId   the incident that was merged and is now {@code merged}
 * @param number       its short human number
 * @param service      its service
 * @param targetId     the incident it was merged into
 * @param targetNumber the target's short human number
 * @param actor        who merged
 * @param at           when
 */
public record IncidentMerged(UUID incidentId, long number, String service, UUID targetId, long targetNumber,
        Actor actor, Instant at) implements Message {

    public IncidentMerged {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
