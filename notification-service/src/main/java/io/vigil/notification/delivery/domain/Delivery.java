package io.vigil.notification.delivery.domain;

import io.vigil.notification.contact.domain.Channel;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One message to one contact method: a durable row that is due at a time, attempted, retried and finally sent,
 * failed or cancelled.
 *
 * @param id              derived from the idempotency key
 * @param idempotencyKey  request, contact method and rule (or the delivery it falls back from, or the update's
 *                        cause): the same cause never makes two rows
 * @param requestId       the page it serves
 * @param incidentId      the incident; {@code null} for a status-page notice ({@link Purpose#NOTICE})
 * @param incidentNumber  its short number, shown as {@code #42}
 * @param title           what broke
 * @param service         the affected service
 * @param severity        {@code SEV1}...
 * @param urgency         {@code HIGH} or {@code LOW}
 * @param userId          who is reached
 * @param userName        their display name
 * @param slackUser       the Slack id the page carried, or {@code null}
 * @param pageEmail       the e-mail address the page carried, or {@code null}
 * @param channel         how
 * @param address         where: Slack id, number, e-mail address, URL
 * @param contactMethodId the contact method used
 * @param ruleId          the rule that chose it
 * @param purpose         a page or an update
 * @param threadRef       for an update, the provider's reference of the page ({@code channel:ts} on Slack)
 * @param note            for an update or a note, what happened; for a page, the words it came with (a
 *                        reminder's), or {@code null} for an ordinary page; for an approval, what the run asks; for a
 *                        notice, the e-mail text or the webhook's JSON
 * @param fallbackOf      the delivery this one replaces after it failed, or {@code null}
 * @param status          where it stands
 * @param attempts        attempts made so far
 * @param dueAt           when it is (next) attempted
 * @param createdAt       when it was planned
 * @param sentVia         {@code slack-api}, {@code smtp}, {@code log}... once sent
 * @param providerRef     the provider's id of the sent message, if any
 * @param lastError       why the last attempt failed, if it did
 */
public record Delivery(
        UUID id,
        String idempotencyKey,
        UUID requestId,
        UUID incidentId,
        long incidentNumber,
        String title,
        String service,
        String severity,
        String urgency,
        String userId,
        String userName,
        String slackUser,
        String pageEmail,
        Channel channel,
        String address,
        String contactMethodId,
        String ruleId,
        Purpose purpose,
        String threadRef,
        String note,
        UUID fallbackOf,
        DeliveryStatus status,
        int attempts,
        Instant dueAt,
        Instant createdAt,
        String sentVia,
        String providerRef,
        String lastError) {

    private static final String THREAD_OF = "delivery:";

    /** A thread reference that names the post to reply to before the provider has given that post its own. */
    public static String threadOf(UUID post) {
        return THREAD_OF + post;
    }

    /** The post this reply waits for, while its thread reference still names it instead of the provider's. */
    public Optional<UUID> threadParent() {
        return threadRef != null && threadRef.startsWith(THREAD_OF)
                ? Optional.of(UUID.fromString(threadRef.substring(THREAD_OF.length()))) : Optional.empty();
    }

    /** This reply with the provider's reference of the post it replies to. */
    public Delivery inThread(String providerThreadRef) {
        return new Delivery(id, idempotencyKey, requestId, incidentId, incidentNumber, title, service, severity,
                urgency, userId, userName, slackUser, pageEmail, channel, address, contactMethodId, ruleId, purpose,
                providerThreadRef, note, fallbackOf, status, attempts, dueAt, createdAt, sentVia, providerRef,
                lastError);
    }

    /** The short code people type in replies and see in messages. */
    public String incidentCode() {
        return "#" + incidentNumber;
    }

    /**
     * The record of a page that found nobody to reach: failed from the start on channel {@link Channel#NONE}, with
     * the reason, so it is listed with the failed deliveries and can be retried by hand once the person has a way
     * to be reached (the retry takes the first channel of the fallback chain they then have).
     */
    public Delivery unreachable(String reason) {
        return new Delivery(id, idempotencyKey, requestId, incidentId, incidentNumber, title, service, severity,
                urgency, userId, userName, slackUser, pageEmail, Channel.NONE, "", "none", ruleId, purpose, null,
                note, null, DeliveryStatus.FAILED, 0, dueAt, createdAt, null, null, reason);
    }

    /** A new pending delivery on another contact method, for the same page, due at {@code now}. */
    public Delivery fallback(UUID newId, String key, Channel newChannel, String newAddress, String methodId,
            Instant now) {
        return new Delivery(newId, key, requestId, incidentId, incidentNumber, title, service, severity, urgency,
                userId, userName, slackUser, pageEmail, newChannel, newAddress, methodId, "fallback", purpose,
                null, note, id, DeliveryStatus.PENDING, 0, now, now, null, null, null);
    }
}
