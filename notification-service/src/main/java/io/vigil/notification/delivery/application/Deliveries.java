package io.vigil.notification.delivery.application;

import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.DeliveryStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The delivery rows: durable timers, idempotent on their key. */
public interface Deliveries {

    /** Adds the delivery unless one with its idempotency key exists; {@code true} when added. */
    boolean add(Delivery delivery);

    /**
     * Claims up to {@code limit} pending deliveries due at {@code now}, skipping rows another poller holds, and hides
     * them for {@code lease} (their due time moves), so a poller that dies mid-send leaves them to be sent again.
     */
    List<Delivery> claimDue(Instant now, Duration lease, int limit);

    void markSent(UUID id, int attempts, Instant at, String via, String providerRef);

    /**
     * When the last message on the channel to each of the addresses was sent; an address never sent to is absent.
     * One question for a whole pass of the poller, not one per delivery.
     */
    Map<String, Instant> lastSentTo(Channel channel, Collection<String> addresses);

    /** Moves a pending delivery's due time without counting an attempt (a per-address throttle holds it back). */
    void hold(UUID id, Instant until, String why);

    void scheduleRetry(UUID id, int attempts, Instant dueAt, String error);

    void markFailed(UUID id, int attempts, String error);

    /** Cancels every pending delivery of the incident and returns them as they were. */
    List<Delivery> cancelPending(UUID incidentId);

    /** Slack pages of the incident that were sent through the Slack API (they have a thread to reply in). */
    List<Delivery> sentSlackPages(UUID incidentId);

    /** The incident's posts to its service's Slack channel that were sent or still will be, oldest first. */
    List<Delivery> serviceChannelPosts(UUID incidentId);

    Optional<Delivery> find(UUID id);

    /** Deliveries a provider knows by this reference (an SMS that combined several pages is one reference). */
    List<Delivery> withProviderRef(String providerRef);

    /** The most recent deliveries, newest first, optionally only those with {@code status}. */
    List<Delivery> list(Optional<DeliveryStatus> status, int limit);

    /** Makes a failed delivery pending again, due at {@code dueAt}; {@code false} when it is not failed. */
    boolean reopen(UUID id, Instant dueAt);
}
