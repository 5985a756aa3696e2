package io.vigil.notification.delivery.application;

import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.delivery.domain.ChannelUnavailable;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.SendResult;

/** A provider of one channel: Slack, e-mail, SMS... or its log mode when it has no credentials. */
public interface ChannelSender {

    Channel channel();

    /**
     * Sends the delivery's message once.
     *
     * @return {@link SendResult.Sent} or, when it can never succeed as addressed, {@link SendResult.Rejected}
     * @throws ChannelUnavailable when the provider cannot take it now (down, 5xx, rate limited)
     */
    SendResult send(Delivery delivery);

    /**
     * Sends several deliveries to one address as one message. Only channels that throttle per address and combine
     * what they held back (SMS) support more than one.
     */
    default SendResult sendCombined(java.util.List<Delivery> deliveries) {
        if (deliveries.size() != 1) {
            throw new UnsupportedOperationException(channel().wireName() + " does not combine messages");
        }
        return send(deliveries.getFirst());
    }
}
