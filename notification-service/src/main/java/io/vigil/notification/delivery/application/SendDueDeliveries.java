package io.vigil.notification.delivery.application;

import io.vigil.contracts.StableIds;
import io.vigil.notification.NotificationProperties;
import io.vigil.notification.contact.application.ContactBook;
import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.contact.domain.ContactMethod;
import io.vigil.notification.contact.domain.UserContacts;
import io.vigil.notification.delivery.domain.ChannelUnavailable;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.Purpose;
import io.vigil.notification.delivery.domain.RetrySchedule;
import io.vigil.notification.delivery.domain.SendResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due: claims due rows (SKIP LOCKED, so replicas share them), sends each through its channel outside
 * any transaction, then records the outcome with its event in one transaction. A failure is retried on the
 * schedule (or after the provider's {@code Retry-After}); a rejection, a spent schedule or an open breaker hands
 * the page to the next channel of the fallback chain, and only when none is left does it fail, visibly.
 * SMS and calls to one number are throttled as carriers expect (SMS held back go out combined in one message), and
 * Slack messages to one member or channel are paced (about one a second; bursts wait their turn, none is dropped).
 */
@Service
public class SendDueDeliveries {

    private static final Logger log = LoggerFactory.getLogger(SendDueDeliveries.class);

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
        Map<String, List<Delivery>> groups = new LinkedHashMap<>();
        for (Delivery delivery : claimed) {
            String key = throttleGap(delivery.channel()).isPresent()
                    ? delivery.channel() + "|" + delivery.address() : delivery.id().toString();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(delivery);
        }
        // Providers answer in tens to hundreds of milliseconds: the groups are sent side by side, each on its own
        // virtual thread, and the pass ends when all are recorded.
        try (ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor()) {
            groups.values().forEach(group -> sending.submit(() -> attemptLogged(group)));
        }
        return claimed.size();
    }

    private Optional<Duration> throttleGap(Channel channel) {
        return switch (channel) {
            case SMS -> Optional.of(properties.twilio().smsGap());
            case VOICE -> Optional.of(properties.twilio().callGap());
            case SLACK -> Optional.of(properties.slack().channelGap()).filter(gap -> gap.isPositive());
            default -> Optional.empty();
        };
    }

    private void attemptLogged(List<Delivery> group) {
        try {
            attempt(group);
        } catch (RuntimeException e) {
            // The claim lease brings the rows back; the next pass tries them again.
            log.warn("Sending deliveries {} failed; they are due again after the claim lease",
                    group.stream().map(Delivery::id).toList(), e);
        }
    }

    private void attempt(List<Delivery> group) {
        Delivery first = group.getFirst();
        Optional<Duration> gap = throttleGap(first.channel());
        if (gap.isPresent()) {
            Instant now = clock.instant();
            Optional<Instant> last = deliveries.lastSentTo(first.channel(), first.address());
            if (last.isPresent() && now.isBefore(last.get().plus(gap.get()))) {
                Instant until = last.get().plus(gap.get());
                group.forEach(d -> deliveries.hold(d.id(), until, heldBack(d.channel(), gap.get())));
                return;
            }
            if (first.channel() != Channel.SMS && group.size() > 1) {
                // A call says one incident and Slack messages are paced: the others wait their turn.
                group.subList(1, group.size()).forEach(d -> deliveries.hold(d.id(), now.plus(gap.get()),
                        heldBack(d.channel(), gap.get())));
                group = List.of(first);
            }
        }
        List<Delivery> sending = group;
        SendResult result;
        try {
            result = channels.send(sending);
        } catch (ChannelUnavailable unavailable) {
            transactions.executeWithoutResult(tx -> sending.forEach(d -> unavailable(d, unavailable)));
            return;
        }
        transactions.executeWithoutResult(tx -> sending.forEach(delivery -> {
            int attempt = delivery.attempts() + 1;
            switch (result) {
                case SendResult.Sent sent -> {
                    deliveries.markSent(delivery.id(), attempt, clock.instant(), sent.via(), sent.providerRef());
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
        if (unavailable.circuitOpen()) {
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

    /**
     * The delivery failed for good: the page moves to the next channel of the chain the person can be reached on,
     * or, with none left, the delivery is failed and stays listed. Also used when a provider reports later that a
     * message it accepted was not delivered.
     */
    void fallBackOrFail(Delivery delivery, int attempt, String reason) {
        if (delivery.purpose() == Purpose.PAGE) {
            UserContacts user = contacts.of(delivery.userId(), delivery.pageEmail(), delivery.slackUser());
            Optional<ContactMethod> next = user.fallbackAfter(delivery.channel(), fallbackChain.channels());
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
        }
        deliveries.markFailed(delivery.id(), attempt, reason);
        outcomes.failed(delivery, attempt, reason);
    }
}
