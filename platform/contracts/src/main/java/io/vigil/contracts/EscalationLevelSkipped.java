package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * escalation-service reached a level of the incident's policy whose targets had nobody on call, so it went on to
 * the next level at once instead of waiting out the delay. Published on {@link Topics#NOTIFICATION_REQUESTS} keyed
 * by the incident id, between the pages it comes before and after, so the incident timeline can say why a level
 * paged nobody.
 *
 * @param skipId     derived from (incident, cycle, level, round) with {@link StableIds}, so a replayed step reports
 *                   the same skip; the envelope's event id equals it
 * @param incidentId the incident
 * @param number     its short human number
 * @param service    the affected service
 * @param policyId   the escalation policy
 * @param level      the level that was skipped, from 1
 * @param round      the pass through the policy, from 1
 * @param reason     why, in words: e.g. {@code nobody on call in schedule:primary}
 * @param at         when the level was reached
 */
public record EscalationLevelSkipped(UUID skipId, UUID incidentId, long number, String service, String policyId,
        int level, int round, String reason, Instant at) implements Message {

    public EscalationLevelSkipped {
        Objects.requireNonNull(skipId, "skipId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
