package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Command on {@link Topics#INCIDENT_COMMANDS} (key {@link IncidentRef#key()}): post an update to the public
 * status-page incidents linked to this incident, as a responder asked from Slack ({@code /vigil-status}).
 * incident-core carries it out once; with no public incident linked, it says so on the incident's timeline.
 *
 * @param commandId   stable id of this command, derived from the request at the channel
 * @param incident    the (internal) incident whose public incidents are updated
 * @param status      {@code investigating}, {@code identified}, {@code monitoring} or {@code resolved}; {@code null}
 *                    keeps each public incident's current status
 * @param message     what the public reads
 * @param actor       who asked
 * @param requestedAt when it was asked
 */
public record PublishStatusUpdate(UUID commandId, IncidentRef incident, String status, String message, Actor actor,
        Instant requestedAt) implements Message {

    public PublishStatusUpdate {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }
}
