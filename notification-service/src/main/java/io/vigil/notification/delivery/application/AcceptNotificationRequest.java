package io.vigil.notification.delivery.application;

import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Urgency;
import io.vigil.notification.contact.application.ContactBook;
import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.contact.domain.PlannedContact;
import io.vigil.notification.contact.domain.UserContacts;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.DeliveryStatus;
import io.vigil.notification.delivery.domain.Purpose;
import io.vigil.starter.inbox.Inbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a page into delivery rows, one per contact the person's rules choose, each with an idempotency key of
 * request, contact method and rule: a redelivered request adds nothing, and neither does a replay with the same
 * request id. A page that finds no way to reach the person becomes one failed delivery on channel {@code none}.
 */
@Service
public class AcceptNotificationRequest {

    static final String CONSUMER = "notification-requests";
    private static final Logger log = LoggerFactory.getLogger(AcceptNotificationRequest.class);

    private final Inbox inbox;
    private final ContactBook contacts;
    private final Deliveries deliveries;
    private final FallbackChain fallbackChain;
    private final Outcomes outcomes;
    private final Clock clock;

    public AcceptNotificationRequest(Inbox inbox, ContactBook contacts, Deliveries deliveries,
            FallbackChain fallbackChain, Outcomes outcomes, Clock clock) {
        this.inbox = inbox;
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.fallbackChain = fallbackChain;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** A page as it arrived: the envelope's event id and the request. */
    public record Page(UUID eventId, NotificationRequested request) {
    }

    /** @return how many deliveries were planned (0 for a redelivery, and for a page that reaches nobody) */
    @Transactional
    public int accept(UUID eventId, NotificationRequested request) {
        return plan(eventId, request);
    }

    /**
     * Accepts several pages in one transaction: under a storm of pages one commit per page would be what limits
     * how fast people are paged. All or none of them are recorded.
     *
     * @return how many deliveries were planned
     */
    @Transactional
    public int acceptAll(List<Page> pages) {
        int planned = 0;
        for (Page page : pages) {
            planned += plan(page.eventId(), page.request());
        }
        return planned;
    }

    private int plan(UUID eventId, NotificationRequested request) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return 0;
        }
        NotificationRequested.Recipient user = request.user();
        UserContacts userContacts = contacts.of(user.id(), user.email(), user.slack());
        Urgency urgency = request.urgency() == null ? Urgency.HIGH : request.urgency();
        Instant now = clock.instant();
        List<PlannedContact> plan = userContacts.plan(urgency, fallbackChain.channelsFor(user.id(), request.service()));
        if (plan.isEmpty()) {
            recordUnreachable(request, urgency, userContacts.unreachable(urgency), now);
            return 0;
        }
        if (request.note() != null) {
            plan = firstStepOnly(plan);
        }
        int planned = 0;
        for (PlannedContact contact : plan) {
            String key = "page/%s/%s/%s".formatted(request.requestId(), contact.method().id(), contact.ruleId());
            if (deliveries.add(delivery(request, urgency, key, contact.method().channel(), contact.method().address(),
                    contact.method().id(), contact.ruleId(), now.plus(contact.delay()), now))) {
                planned++;
            }
        }
        return planned;
    }

    /**
     * A page with a note (a reminder) reaches the person as their first rule does, at once, and only that way: the
     * rules that ring later are for getting an incident taken on, and nothing acknowledges a reminder to stop them.
     */
    private static List<PlannedContact> firstStepOnly(List<PlannedContact> plan) {
        Duration first = plan.stream().map(PlannedContact::delay).min(Comparator.naturalOrder()).orElseThrow();
        return plan.stream().filter(contact -> contact.delay().equals(first))
                .map(contact -> new PlannedContact(contact.method(), contact.ruleId(), Duration.ZERO)).toList();
    }

    /**
     * Nobody to reach is an outage of the page, not a log line: a failed delivery on channel {@code none} keeps it
     * listed with the failed deliveries and its outcome goes out like any other failure. Its key is the request's,
     * so a replayed request records it once.
     */
    private void recordUnreachable(NotificationRequested request, Urgency urgency, String reason, Instant now) {
        String key = "unreachable/%s".formatted(request.requestId());
        Delivery failed = delivery(request, urgency, key, Channel.NONE, "", "none",
                urgency.name().toLowerCase(Locale.ROOT), now, now).unreachable(reason);
        if (deliveries.add(failed)) {
            outcomes.failed(failed, 0, reason);
            log.warn("Page {} about incident {} reaches nobody: {}", request.requestId(), request.incidentId(), reason);
        }
    }

    private static Delivery delivery(NotificationRequested request, Urgency urgency, String key, Channel channel,
            String address, String methodId, String ruleId, Instant dueAt, Instant now) {
        NotificationRequested.Recipient user = request.user();
        return new Delivery(StableIds.of("delivery", key), key, request.requestId(), request.incidentId(),
                request.number(), request.title(), request.service(),
                request.severity() == null ? null : request.severity().name(), urgency.name(), user.id(), user.name(),
                user.slack(), user.email(), channel, address, methodId, ruleId, Purpose.PAGE, null, request.note(), null,
                DeliveryStatus.PENDING, 0, dueAt, now, null, null, null);
    }
}
