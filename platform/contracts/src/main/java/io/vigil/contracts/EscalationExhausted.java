package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * escalation-service went through every level and repeat of the incident's policy and nobody acknowledged.
 * Published on {@link Topics#NOTIFICATION_REQUESTS} keyed by the incident id, so it follows the incident's last
 * page in order.
 *
 * @param incidentId the incident
 * @param number     its short human number
 * @param title      what it is about
 * @param service    the affected service
 * @param policyId   the escalation policy that ran out
 * @param rounds     how many passes through the policy were made
 * @param pages      how many notification requests the escalation emitted in its last cycle
 * @param at         when the last level's delay ran out
 */
public record EscalationExhausted(UUID incidentId, long number, String title, String service, String policyId,
        int rounds, int pages, Instant at) implements Message {

    public EscalationExhausted {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(at, "at");
    }
}
