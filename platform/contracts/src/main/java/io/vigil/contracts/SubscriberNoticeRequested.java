package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * incident-core asks notification-service to tell one status-page subscriber about a public update. Published on
 * {@link Topics#NOTIFICATION_REQUESTS} keyed by the subscription id; the envelope's event id equals {@code noticeId}.
 *
 * @param noticeId       derived from (update, subscription) with {@link StableIds}: a replay sends once
 * @param subscriptionId the subscription
 * @param channel        {@code email} or {@code webhook}
 * @param address        the e-mail address, or the URL the webhook is POSTed to
 * @param subject        a one-line summary (the e-mail subject)
 * @param text           the update as a visitor reads it (the e-mail body)
 * @param json           the JSON document a webhook receives as its body
 * @param at             when the update was published
 */
public record SubscriberNoticeRequested(
        UUID noticeId,
        UUID subscriptionId,
        String channel,
        String address,
        String subject,
        String text,
        String json,
        Instant at) implements Message {

    public SubscriberNoticeRequested {
        Objects.requireNonNull(noticeId, "noticeId");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(at, "at");
    }
}
