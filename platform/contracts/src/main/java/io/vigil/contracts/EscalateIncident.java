package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Command on {@link Topics#INCIDENT_COMMANDS} (key {@link IncidentRef#key()}): Escalate the incident now to the next level, without waiting for the level's delay.
 *
 * @param commandId   stable id of this command; incident-core carries it out once
 * @param incident    which incident
 * @param actor       who asked
 * @param note        optional words for the timeline, or {@code null}
 * @param requestedAt when it was asked
 */
public record EscalateIncident(UUID commandId, IncidentRef incident, Actor actor, String note, Instant requestedAt)
        implements Message {

    public EscalateIncident {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
