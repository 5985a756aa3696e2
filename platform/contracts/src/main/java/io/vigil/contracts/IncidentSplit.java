package io.vigil.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Event on {@link Topics#INCIDENT_EVENTS} (key = the original incident's id): a responder split some
 * alerts off an incident into a new one, which is announced by its own {@link IncidentOpened}.
 *
 * @param incidentId   the incident the alerts left
 * @param number       its short human number
 * @param service      its service
 * @param newId        the incident they now belong to
 * @param newNumber    its short human number
 * @param fingerprints the alerts (fingerprints) that moved
 * @param actor        who split
 * @param at           when
 */
public record IncidentSplit(UUID incidentId, long number, String service, UUID newId, long newNumber,
        List<String> fingerprints, Actor actor, Instant at) implements Message {

    public IncidentSplit {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(newId, "newId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        fingerprints = fingerprints == null ? List.of() : List.copyOf(fingerprints);
    }
}
