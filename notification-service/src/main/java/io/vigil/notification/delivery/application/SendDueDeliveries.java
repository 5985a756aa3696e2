package io.vigil.notification.delivery.application;

import io.vigil.contracts.StableIds;
import io.vigil.contracts.Urgency;
import io.vigil.notification.NotificationProperties;
import io.vigil.notification.contact.application.ContactBook;
import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.contact.domain.ContactMethod;
import io.vigil.notification.contact.domain.UserContacts;
import io.vigil.notification.delivery.domain.ChannelUnavailable;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.DeliveryStatus;
import io.vigil.notification.delivery.domain.Purpose;
import io.vigil.notification.delivery.domain.RetrySchedule;
import io.vigil.notification.delivery.domain.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due: claims due rows (SKIP LOCKED, so replicas share them), sends each through its channel outside
 * any transaction, then records the outcomes of the pass with their events in one transaction. A failure is retried
 * on the schedule (or after the provider's {@code Retry-After}); a rejection, a spent schedule or an open breaker
 * hands the page to the next channel of the fallback chain, and only when none is left does it fail, visibly.
 * SMS and calls to one number are throttled as carriers expect (SMS held back go out combined in one message), and
 * Slack messages to one member or channel are paced (about one a second; bursts wait their turn, none is dropped).
 */
@Service
public class SendDueDeliveries {

    private static final Logger log = LoggerFactory.getLogger(SendDueDeliveries.class);
    /** How long a reply waits before it looks again whether the post it replies to was sent. */
    private static final Duration THREAD_WAIT = Duration.ofSeconds(1);

    private final Deliveries deliveries;
    private final ChannelGateway channels;
    private final ContactBook contacts;
    private final FallbackChain fallbackChain;
    private final Outcomes outcomes;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private final RetrySchedule retrySchedule;
    private final Clock clock;

    public SendDueDeliveries(Deliveries deliveries, ChannelGateway channels, ContactBook contacts,
            FallbackChain fallbackChain, Outcomes outcomes, TransactionTemplate transactions,
            NotificationProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.contacts = contacts;
        this.fallbackChain = fallbackChain;
        this.outcomes = outcomes;
        this.transactions = transactions;
        this.properties = properties;
        this.retrySchedule = new RetrySchedule(properties.retrySchedule(), properties.retryJitter());
        this.clock = clock;
    }

    /** @return how many deliveries were claimed */
    public int sendDue() {
        List<Delivery> claimed = deliveries.claimDue(clock.instant(), properties.claimLease(), properties.batchSize());
        if (claimed.isEmpty()) {
            return 0;
        }
        Map<String, List<Delivery>> groups = new LinkedHashMap<>();
        Map<Channel, Set<String>> throttled = new EnumMap<>(Channel.class);
        for (Delivery delivery : claimed) {
            boolean paced = throttleGap(delivery.channel()).isPresent();
            String key = paced ? delivery.channel() + "|" + delivery.address() : delivery.id().toString();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(delivery);
            if (paced) {
                throttled.computeIfAbsent(delivery.channel(), c -> new HashSet<>()).add(delivery.address());
            }
        }
        Map<Channel, Map<String, Instant>> lastSent = new EnumMap<>(Channel.class);
        throttled.forEach((channel, addresses) -> lastSent.put(channel, deliveries.lastSentTo(channel, addresses)));
        // Providers answer in tens to hundreds of milliseconds: the groups are sent side by side, each on its own
        // virtual thread; what became of them is then recorded together, one commit for the pass.
        Queue<Runnable> outcomesOfPass = new ConcurrentLinkedQueue<>();
        try (ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor()) {
            groups.values().forEach(group -> sending.submit(() -> attemptLogged(group,
                    lastSent.getOrDefault(group.getFirst().channel(), Map.of()), outcomesOfPass)));
        }
        record(List.copyOf(outcomesOfPass));
        return claimed.size();
    }

    /**
     * Records the outcomes of a pass in one transaction; if that fails, one by one, so that one row that cannot be
     * written does not undo the record of messages the providers took (those would be sent again after the lease).
     */
    private void record(List<Runnable> outcomesOfPass) {
        if (outcomesOfPass.isEmpty()) {
            return;
        }
        try {
            transactions.executeWithoutResult(tx -> outcomesOfPass.forEach(Runnable::run));
        } catch (RuntimeException passFailed) {
            for (Runnable outcome : outcomesOfPass) {
                try {
                    transactions.executeWithoutResult(tx -> outcome.run());
                } catch (RuntimeException failed) {
                    // The claim lease brings the row back; it is attempted again then.
                    log.warn("Recording a delivery outcome failed; it is due again after the claim lease", failed);
                }
            }
        }
    }

    private Optional<Duration> throttleGap(Channel channel) {
        return switch (channel) {
            case SMS -> Optional.of(properties.twilio().smsGap());
            case VOICE -> Optional.of(properties.twilio().callGap());
            case SLACK -> Optional.of(properties.slack().channelGap()).filter(gap -> gap.isPositive());
            default -> Optional.empty();
        };
    }

    private void attemptLogged(List<Delivery> group, Map<String, Instant> lastSent, Queue<Runnable> outcomesOfPass) {
        try {
            attempt(group, lastSent).ifPresent(outcomesOfPass::add);
        } catch (RuntimeException e) {
            // The claim lease brings the rows back; the next pass tries them again.
            log.warn("Sending deliveries {} failed; they are due again after the claim lease",
                    group.stream().map(Delivery::id).toList(), e);
        }
    }

    /**
     * Sends the group unless a throttle holds it back.
     *
     * @return what to record, in the pass's transaction, of what became of it
     */
    private Optional<Runnable> attempt(List<Delivery> group, Map<String, Instant> lastSent) {
        if (group.getFirst().channel() == Channel.NONE) {
            // A page that reached nobody, retried by hand: the fallback chain finds a way to the person now, if any.
            return Optional.of(() -> group.forEach(d -> fallBackOrFail(d, d.attempts() + 1,
                    "nobody to reach when paged")));
        }
        // A reply still waiting for its post goes after the others to the same address: first, it would take the
        // paced turn the post itself needs, and wait for ever.
        List<Delivery> ordered = group.stream().sorted(Comparator.comparing(d -> d.threadParent().isPresent()))
                .toList();
        Delivery first = ordered.getFirst();
        List<Delivery> sending = ordered;
        Optional<Duration> gap = throttleGap(first.channel());
        if (gap.isPresent()) {
            Instant now = clock.instant();
            Instant last = lastSent.get(first.address());
            if (last != null && now.isBefore(last.plus(gap.get()))) {
                Instant until = last.plus(gap.get());
                ordered.forEach(d -> deliveries.hold(d.id(), until, heldBack(d.channel(), gap.get())));
                return Optional.empty();
            }
            if (first.channel() != Channel.SMS && ordered.size() > 1) {
                // A call says one incident and Slack messages are paced: the others wait their turn.
                ordered.subList(1, ordered.size()).forEach(d -> deliveries.hold(d.id(), now.plus(gap.get()),
                        heldBack(d.channel(), gap.get())));
                sending = List.of(first);
            }
        }
        if (sending.size() == 1 && sending.getFirst().threadParent().isPresent()) {
            Delivery reply = sending.getFirst();
            Optional<Delivery> post = deliveries.find(reply.threadParent().get());
            if (post.isPresent() && post.get().status() == DeliveryStatus.SENT && post.get().providerRef() != null) {
                sending = List.of(reply.inThread(post.get().providerRef()));
            } else if (post.isPresent() && post.get().status() == DeliveryStatus.PENDING) {
                deliveries.hold(reply.id(), clock.instant().plus(THREAD_WAIT), "waiting for the post it replies to");
                return Optional.empty();
            } else {
                return Optional.of(() -> {
                    deliveries.markFailed(reply.id(), reply.attempts(), "the post it replies to was not sent");
                    outcomes.failed(reply, reply.attempts(), "the post it replies to was not sent");
                });
            }
        }
        List<Delivery> sent = sending;
        SendResult result;
        try {
            result = channels.send(sent);
        } catch (ChannelUnavailable unavailable) {
            return Optional.of(() -> sent.forEach(d -> unavailable(d, unavailable)));
        }
        Instant at = clock.instant();
        return Optional.of(() -> sent.forEach(delivery -> {
            int attempt = delivery.attempts() + 1;
            switch (result) {
                case SendResult.Sent accepted -> {
                    deliveries.markSent(delivery.id(), attempt, at, accepted.via(), accepted.providerRef());
                    outcomes.sent(delivery, attempt);
                }
                case SendResult.Rejected rejected -> fallBackOrFail(delivery, attempt, rejected.reason());
            }
        }));
    }

    private static String heldBack(Channel channel, Duration gap) {
        return "held back: at most one %s message per %ss to this address".formatted(channel.wireName(),
                gap.toMillis() / 1000.0);
    }

    private void unavailable(Delivery delivery, ChannelUnavailable unavailable) {
        int attempt = delivery.attempts() + 1;
        String reason = unavailable.getMessage();
        // An open breaker sends the page on to the next channel at once; with no other channel to take, the page
        // waits for the provider on the retry schedule instead of failing: an open breaker is not a refusal.
        if (unavailable.circuitOpen() && hasFallback(delivery)) {
            fallBackOrFail(delivery, attempt, reason);
            return;
        }
        Optional<Duration> delay = retrySchedule.nextDelay(attempt, ThreadLocalRandom.current().nextDouble());
        if (delay.isEmpty()) {
            fallBackOrFail(delivery, attempt, "retries spent: " + reason);
            return;
        }
        Duration wait = unavailable.retryAfter().orElse(delay.get());
        Instant next = clock.instant().plus(wait);
        deliveries.scheduleRetry(delivery.id(), attempt, next, reason);
        outcomes.retrying(delivery, attempt, reason, next);
    }

    private boolean hasFallback(Delivery delivery) {
        if (delivery.purpose() != Purpose.PAGE) {
            return false;
        }
        UserContacts user = contacts.of(delivery.userId(), delivery.pageEmail(), delivery.slackUser());
        return user.fallbackAfter(delivery.channel(), fallbackChain.channelsFor(delivery.userId(), delivery.service()))
                .isPresent();
    }

    /**
     * The delivery failed for good: the page moves to the next channel of the chain the person can be reached on,
     * or, with none left, the delivery is failed and stays listed. Also used when a provider reports later that a
     * message it accepted was not delivered, and when a page that reached nobody (channel {@code none}) is retried by
     * hand: the chain is then tried from its first channel.
     */
    void fallBackOrFail(Delivery delivery, int attempt, String reason) {
        if (delivery.purpose() == Purpose.PAGE) {
            UserContacts user = contacts.of(delivery.userId(), delivery.pageEmail(), delivery.slackUser());
            Optional<ContactMethod> next = user.fallbackAfter(delivery.channel(),
                    fallbackChain.channelsFor(delivery.userId(), delivery.service()));
            if (next.isPresent()) {
                ContactMethod method = next.get();
                String key = "fallback/%s/%s".formatted(delivery.id(), method.id());
                // A delivery retried by hand after it fell back once already has its fallback: it just fails.
                if (deliveries.add(delivery.fallback(StableIds.of("delivery", key), key, method.channel(),
                        method.address(), method.id(), clock.instant()))) {
                    deliveries.markFailed(delivery.id(), attempt, reason);
                    outcomes.fellBack(delivery, attempt, reason, method.channel().wireName());
                    return;
                }
            }
            if (delivery.channel() == Channel.NONE) {
                // Retried by hand while the person still has no way to be reached: say so again, not "no provider".
                reason = user.unreachable(Urgency.valueOf(delivery.urgency()));
            }
        }
        deliveries.markFailed(delivery.id(), attempt, reason);
        outcomes.failed(delivery, attempt, reason);
    }
}
