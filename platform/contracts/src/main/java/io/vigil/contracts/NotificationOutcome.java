package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What became of one delivery of a page: notification-service publishes one for every attempt's outcome on
 * {@link Topics#NOTIFICATION_OUTCOMES} keyed by the incident id, so the incident timeline can show who was reached,
 * how, and what failed. The envelope's event id equals {@code outcomeId}.
 *
 * @param outcomeId        derived from (delivery, attempt, status), so a replayed attempt reports the same outcome
 * @param deliveryId       the delivery: one contact method of one person for one request
 * @param requestId        the {@link NotificationRequested} it belongs to
 * @param incidentId       the incident
 * @param userId           who was to be reached
 * @param channel          {@code slack}, {@code sms}, {@code voice}, {@code email} or {@code webhook}
 * @param status           what happened
 * @param attempt          the attempt this outcome is about, from 1 ({@code 0} for a delivery cancelled before its
 *                         first attempt, and for a page that found no way to reach the person: channel {@code none})
 * @param reason           why it failed, was retried, fell back or was cancelled; {@code null} when sent
 * @param nextAttemptAt    when a {@link Status#RETRYING} delivery is tried again, else {@code null}
 * @param fallbackChannel  the channel a {@link Status#FELL_BACK} delivery went on to, else {@code null}
 * @param at               when it happened
 */
public record NotificationOutcome(
        UUID outcomeId,
        UUID deliveryId,
        UUID requestId,
        UUID incidentId,
        String userId,
        String channel,
        Status status,
        int attempt,
        String reason,
        Instant nextAttemptAt,
        String fallbackChannel,
        Instant at) implements Message {

    public NotificationOutcome {
        Objects.requireNonNull(outcomeId, "outcomeId");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }

    /** The outcome of a delivery attempt. */
    public enum Status {
        /** The provider accepted the message (or log mode printed it). */
        SENT,
        /** The attempt failed for now; another follows at {@code nextAttemptAt}. */
        RETRYING,
        /** The channel failed for good or is down; the next channel of the fallback chain takes over. */
        FELL_BACK,
        /** Failed for good with no channel left to fall back to; visible at {@code GET /v1/deliveries?status=failed}. */
        FAILED,
        /** The incident was acknowledged or resolved before the delivery was due. */
        CANCELLED
    }
}
