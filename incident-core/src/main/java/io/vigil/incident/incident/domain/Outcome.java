package io.vigil.incident.incident.domain;

import java.util.List;

/**
 * What a domain decision did: the incident after it and the changes, in order.
 *
 * @param incident the incident as it is now
 * @param changes  what happened, for the timeline and the events
 */
public record Outcome(Incident incident, List<IncidentChange> changes) {

    public Outcome {
        changes = List.copyOf(changes);
    }
}
