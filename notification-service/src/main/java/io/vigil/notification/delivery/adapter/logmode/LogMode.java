package io.vigil.notification.delivery.adapter.logmode;

import io.vigil.notification.NotificationProperties;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.PageText;
import io.vigil.notification.delivery.domain.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a channel without credentials does instead of sending: it prints the message, clearly labelled, and the
 * delivery is recorded as sent {@code via = log} (visible at {@code GET /v1/deliveries}). The devstack runs so.
 */
@Component
public class LogMode {

    private static final Logger log = LoggerFactory.getLogger("vigil.notification.LOG_MODE");

    private final PageText text;

    public LogMode(NotificationProperties properties) {
        this.text = new PageText(properties.incidentUrl());
    }

    public SendResult record(Delivery delivery, String why) {
        log.info("""
                [LOG MODE: {} not sent, {}] to {} ({}) for {}:
                {}""", delivery.channel().wireName(), why, delivery.address(), delivery.userId(),
                delivery.purpose().name().toLowerCase(java.util.Locale.ROOT), text.plain(delivery).strip());
        return new SendResult.Sent("log", null);
    }
}
