package io.vigil.notification.delivery.adapter.twilio;

import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import io.vigil.notification.NotificationProperties;
import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.delivery.adapter.logmode.LogMode;
import io.vigil.notification.delivery.application.ChannelSender;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.PageText;
import io.vigil.notification.delivery.domain.Purpose;
import io.vigil.notification.delivery.domain.SendResult;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * SMS through Twilio: what broke and how to answer ("reply 4 1042 to acknowledge, 6 1042 to resolve"), with a
 * status callback so a message the carrier could not deliver falls back. Pages held back by the per-number throttle
 * go out as one message. Without Twilio credentials SMS runs in log mode.
 */
@Component
class SmsSender implements ChannelSender {

    private static final int MAX_LENGTH = 1600;

    private final NotificationProperties.Twilio twilio;
    private final LogMode logMode;
    private final TwilioRestClient client;

    SmsSender(NotificationProperties properties, LogMode logMode) {
        this.twilio = properties.twilio();
        this.logMode = logMode;
        this.client = twilio.configured() ? TwilioClients.create(twilio) : null;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public SendResult send(Delivery delivery) {
        return sendCombined(List.of(delivery));
    }

    @Override
    public SendResult sendCombined(List<Delivery> deliveries) {
        if (client == null) {
            SendResult last = null;
            for (Delivery delivery : deliveries) {
                last = logMode.record(delivery, "no Twilio account is configured");
            }
            return last;
        }
        Delivery first = deliveries.getFirst();
        try {
            Message message = Message.creator(new PhoneNumber(first.address()), new PhoneNumber(twilio.fromNumber()),
                            body(deliveries))
                    .setStatusCallback(URI.create(twilio.webhookBaseUrl() + "/v1/twilio/status"))
                    .create(client);
            return new SendResult.Sent("twilio", message.getSid());
        } catch (TwilioException e) {
            return TwilioErrors.rejectedOrThrow(e);
        }
    }

    /** The SMS text: one line per incident, then how to answer. */
    static String body(List<Delivery> deliveries) {
        String lines = deliveries.stream().map(SmsSender::line).collect(Collectors.joining("\n"));
        Delivery page = deliveries.stream().filter(d -> d.purpose() == Purpose.PAGE).findFirst().orElse(null);
        String text = page == null ? "Vigil: " + lines
                : "Vigil: " + lines + "\nReply 4 %d to acknowledge, 6 %d to resolve.".formatted(page.incidentNumber(),
                        page.incidentNumber());
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }

    private static String line(Delivery delivery) {
        if (delivery.purpose() == Purpose.UPDATE) {
            return delivery.note();
        }
        if (PageText.hasNote(delivery)) {
            return "Reminder: " + delivery.note();
        }
        return "%s %s %s broke: %s".formatted(delivery.severity() == null ? "" : delivery.severity(),
                delivery.incidentCode(), delivery.service(), delivery.title()).strip();
    }
}
