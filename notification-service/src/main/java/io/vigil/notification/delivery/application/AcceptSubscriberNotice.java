package io.vigil.notification.delivery.application;

import io.vigil.contracts.StableIds;
import io.vigil.contracts.SubscriberNoticeRequested;
import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.DeliveryStatus;
import io.vigil.notification.delivery.domain.Purpose;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a status-page notice into one delivery, due now, keyed by the notice id: a redelivered or replayed notice
 * adds nothing, so each subscriber hears of an update once. From there it is sent and retried like any delivery;
 * it has no fallback channel, and a notice whose address can never work fails visibly.
 */
@Service
public class AcceptSubscriberNotice {

    private final Deliveries deliveries;
    private final Clock clock;

    public AcceptSubscriberNotice(Deliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** @return whether a delivery was planned (false for a notice already taken) */
    @Transactional
    public boolean accept(SubscriberNoticeRequested notice) {
        return plan(notice);
    }

    /** Accepts several notices in one transaction, all or none. @return how many deliveries were planned */
    @Transactional
    public int acceptAll(List<SubscriberNoticeRequested> notices) {
        int planned = 0;
        for (SubscriberNoticeRequested notice : notices) {
            planned += plan(notice) ? 1 : 0;
        }
        return planned;
    }

    private boolean plan(SubscriberNoticeRequested notice) {
        Channel channel = switch (notice.channel().toLowerCase(Locale.ROOT)) {
            case "email" -> Channel.EMAIL;
            case "webhook" -> Channel.WEBHOOK;
            default -> throw new IllegalArgumentException("a subscriber notice goes by email or webhook, not "
                    + notice.channel());
        };
        String key = "notice/" + notice.noticeId();
        Instant now = clock.instant();
        String content = channel == Channel.WEBHOOK ? notice.json() : notice.text();
        return deliveries.add(new Delivery(StableIds.of("delivery", key), key, notice.noticeId(), null, 0,
                notice.subject(), null, null, null, "subscription:" + notice.subscriptionId(), null, null, null,
                channel, notice.address(), "status-page-subscription", "status-page", Purpose.NOTICE, null, content,
                null, DeliveryStatus.PENDING, 0, now, now, null, null, null));
    }
}
