package io.vigil.notification.delivery.application;

import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Urgency;
import io.vigil.notification.contact.application.ContactBook;
import io.vigil.notification.contact.domain.PlannedContact;
import io.vigil.notification.contact.domain.UserContacts;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.DeliveryStatus;
import io.vigil.notification.delivery.domain.Purpose;
import io.vigil.starter.inbox.Inbox;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a page into delivery rows, one per contact the person's rules choose, each with an idempotency key of
 * request, contact method and rule: a redelivered request adds nothing, and neither does a replay with the same
 * request id.
 */
@Service
public class AcceptNotificationRequest {

    static final String CONSUMER = "notification-requests";
    private static final Logger log = LoggerFactory.getLogger(AcceptNotificationRequest.class);

    private final Inbox inbox;
    private final ContactBook contacts;
    private final Deliveries deliveries;
    private final FallbackChain fallbackChain;
    private final Clock clock;

    public AcceptNotificationRequest(Inbox inbox, ContactBook contacts, Deliveries deliveries,
            FallbackChain fallbackChain, Clock clock) {
        this.inbox = inbox;
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.fallbackChain = fallbackChain;
        this.clock = clock;
    }

    /** @return how many deliveries were planned (0 for a redelivery) */
    @Transactional
    public int accept(UUID eventId, NotificationRequested request) {
        if (!inbox.firstDelivery(CONSUMER, eventId)) {
            return 0;
        }
        NotificationRequested.Recipient user = request.user();
        UserContacts userContacts = contacts.of(user.id(), user.email(), user.slack());
        Urgency urgency = request.urgency() == null ? Urgency.HIGH : request.urgency();
        Instant now = clock.instant();
        int planned = 0;
        for (PlannedContact contact : userContacts.plan(urgency, fallbackChain.channels())) {
            String key = "page/%s/%s/%s".formatted(request.requestId(), contact.method().id(), contact.ruleId());
            Delivery delivery = new Delivery(StableIds.of("delivery", key), key, request.requestId(),
                    request.incidentId(), request.number(), request.title(), request.service(),
                    request.severity() == null ? null : request.severity().name(), urgency.name(), user.id(),
                    user.name(), user.slack(), user.email(), contact.method().channel(), contact.method().address(),
                    contact.method().id(), contact.ruleId(), Purpose.PAGE, null, null, null, DeliveryStatus.PENDING, 0,
                    now.plus(contact.delay()), now, null, null, null);
            if (deliveries.add(delivery)) {
                planned++;
            }
        }
        if (planned == 0) {
            log.warn("Page {} for {} about incident {} has no way to reach them: no contact method, e-mail or Slack id",
                    request.requestId(), user.id(), request.incidentId());
        }
        return planned;
    }
}
