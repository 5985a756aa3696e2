package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Event on {@link Topics#INCIDENT_EVENTS} (key = incident id): someone wrote a note on the incident's
 * timeline (a Slack thread or status page can mirror it).
 *
 * @param incidentId the incident
 * @param number     its short human number
 * @param service    the affected service
 * @param actor      who wrote it
 * @param text       the note
 * @param at         when it was written
 */
public record IncidentNoteAdded(UUID incidentId, long number, String service, Actor actor, String text, Instant at)
        implements Message {

    public IncidentNoteAdded {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
    }
}
