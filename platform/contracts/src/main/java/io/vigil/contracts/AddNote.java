package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Command on {@link Topics#INCIDENT_COMMANDS}: add a note to the incident's timeline.
 *
 * @param commandId stable id of this command; incident-core carries it out once
 */
public record AddNote(UUID commandId, IncidentRef incident, Actor actor, String text, Instant requestedAt)
        implements Message {

    public AddNote {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
