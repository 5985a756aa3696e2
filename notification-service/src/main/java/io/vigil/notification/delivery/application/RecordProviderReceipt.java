package io.vigil.notification.delivery.application;

import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.DeliveryStatus;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A provider reports later what became of a message it accepted (Twilio's status callback). A message the carrier
 * could not deliver is a failure after all: the page falls back as if the send had been rejected.
 */
@Service
public class RecordProviderReceipt {

    private static final Set<String> UNDELIVERED = Set.of("failed", "undelivered", "busy", "no-answer", "canceled");

    private final Deliveries deliveries;
    private final SendDueDeliveries sending;

    public RecordProviderReceipt(Deliveries deliveries, SendDueDeliveries sending) {
        this.deliveries = deliveries;
        this.sending = sending;
    }

    /**
     * @param providerRef the provider's id of the message or call
     * @param status      the provider's status word ({@code delivered}, {@code undelivered}, {@code failed}...)
     * @param errorCode   the provider's error code, or {@code null}
     * @return how many deliveries fell back or failed because of it
     */
    @Transactional
    public int record(String providerRef, String status, String errorCode) {
        if (status == null || !UNDELIVERED.contains(status.toLowerCase(Locale.ROOT))) {
            return 0;
        }
        int changed = 0;
        for (Delivery delivery : deliveries.withProviderRef(providerRef)) {
            // A repeated callback finds the delivery already failed and changes nothing.
            if (delivery.status() == DeliveryStatus.SENT) {
                sending.fallBackOrFail(delivery, delivery.attempts(), "provider reported " + status
                        + (errorCode == null || errorCode.isBlank() ? "" : " (" + errorCode + ")"));
                changed++;
            }
        }
        return changed;
    }
}
