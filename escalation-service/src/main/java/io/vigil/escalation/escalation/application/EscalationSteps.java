package io.vigil.escalation.escalation.application;

import io.vigil.escalation.escalation.domain.EscalationPath;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The durable timers of escalations: each pending step is a row with its due time. */
public interface EscalationSteps {

    /** A pending step that is due. */
    record DueStep(long id, UUID incidentId, int cycle, Kind kind, int level, int round, Instant dueAt) {
    }

    enum Kind { PAGE, EXHAUST }

    /** Adds the escalation's pending step; there is at most one per escalation. */
    void schedule(UUID incidentId, int cycle, Kind kind, int level, int round, Instant dueAt);

    /**
     * Schedules the first step of {@code cycle}, level 1 of round 1, due at once: how an escalation starts and how
     * a reopen starts it again.
     */
    default void scheduleFirstPage(UUID incidentId, int cycle, Instant now) {
        EscalationPath.Next.Page first = EscalationPath.start(now);
        schedule(incidentId, cycle, Kind.PAGE, first.level(), first.round(), first.dueAt());
    }

    /** Cancels the escalation's pending step, if any; returns how many were cancelled. */
    int cancelPending(UUID incidentId);

    /**
     * Claims up to {@code limit} steps due at {@code now} together with their escalations, skipping any another
     * transaction holds: replicas share the work and never fire a step twice.
     */
    List<DueStep> claimDue(Instant now, int limit);

    void markDone(long stepId, Instant firedAt);

    /** The pending steps of an escalation (at most one), for the API. */
    List<DueStep> pending(UUID incidentId);
}
