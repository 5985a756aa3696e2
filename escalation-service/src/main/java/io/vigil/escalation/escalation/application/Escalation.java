package io.vigil.escalation.escalation.application;

import java.time.Instant;
import java.util.UUID;

/**
 * An incident escalation-service has taken on, and where its escalation stands.
 *
 * @param severity {@code null} in a tombstone: the incident stopped before it was taken on
 * @param urgency  {@code null} in a tombstone
 * @param state    {@code ESCALATING}, {@code NOTIFIED} (low urgency, paged once), {@code ACKNOWLEDGED},
 *                 {@code RESOLVED}, {@code MERGED} (into another incident), {@code EXHAUSTED} or {@code NO_POLICY}
 * @param policyId the policy it follows, {@code null} when its service has none
 * @param cycle    1 for the first escalation, one more for each reopen
 * @param level    the level that last fired, 0 before the first
 * @param round    the round of that level, 0 before the first
 * @param pages    notification requests emitted in this cycle
 */
public record Escalation(UUID incidentId, String service, String severity, String urgency, String state,
        Instant startedAt, long number, String title, String policyId, int cycle, int level, int round, int pages) {

    public static final String ESCALATING = "ESCALATING";
    public static final String NOTIFIED = "NOTIFIED";
    public static final String ACKNOWLEDGED = "ACKNOWLEDGED";
    public static final String RESOLVED = "RESOLVED";
    public static final String MERGED = "MERGED";
    public static final String EXHAUSTED = "EXHAUSTED";
    public static final String NO_POLICY = "NO_POLICY";

    /** What a stop leaves when it comes before the incident was taken on: enough to refuse a late start. */
    public static Escalation tombstone(UUID incidentId, String service, String state, Instant at, long number,
            String title) {
        return new Escalation(incidentId, service, null, null, state, at, number, title, null, 1, 0, 0, 0);
    }

    public boolean escalating() {
        return ESCALATING.equals(state);
    }

    /** Resolved or merged: nothing but a reopen escalates it again. */
    public boolean over() {
        return RESOLVED.equals(state) || MERGED.equals(state);
    }
}
