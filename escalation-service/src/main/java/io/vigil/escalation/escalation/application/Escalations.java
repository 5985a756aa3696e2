package io.vigil.escalation.escalation.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The escalations escalation-service keeps. Every change to an escalation and its steps first locks its row
 * ({@link #lock}, {@link #startIfAbsent}, {@link #stop}), so a timer firing and an acknowledgement never interleave.
 */
public interface Escalations {

    Optional<Escalation> find(UUID incidentId);

    /** The escalation, locked until the current transaction ends. */
    Optional<Escalation> lock(UUID incidentId);

    /** Stores the escalation unless one (or a tombstone) exists for the incident; true when it was stored. */
    boolean startIfAbsent(Escalation escalation);

    /**
     * Marks the escalation stopped ({@code ACKNOWLEDGED}, {@code RESOLVED} or {@code MERGED}); when there is none
     * yet, stores the tombstone ({@link Escalation#tombstone}) so a late {@code IncidentOpened} does not start one.
     * Never turns an escalation that is {@linkplain Escalation#over() over} into another state.
     */
    void stop(Escalation tombstone, Instant at);

    /** Saves the state, cycle, policy, level, round and pages of a locked escalation. */
    void update(Escalation escalation, Instant at);
}
