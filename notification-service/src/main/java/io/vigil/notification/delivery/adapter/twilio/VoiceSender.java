package io.vigil.notification.delivery.adapter.twilio;

import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import io.vigil.notification.NotificationProperties;
import io.vigil.notification.contact.domain.Channel;
import io.vigil.notification.delivery.adapter.logmode.LogMode;
import io.vigil.notification.delivery.application.ChannelSender;
import io.vigil.notification.delivery.domain.Delivery;
import io.vigil.notification.delivery.domain.PageText;
import io.vigil.notification.delivery.domain.SendResult;
import java.net.URI;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Voice calls through Twilio: a spoken summary and a key press (4 acknowledge, 6 resolve) gathered by
 * {@code POST /v1/twilio/voice}. Without Twilio credentials calls run in log mode.
 */
@Component
class VoiceSender implements ChannelSender {

    private final NotificationProperties.Twilio twilio;
    private final LogMode logMode;
    private final TwilioRestClient client;

    VoiceSender(NotificationProperties properties, LogMode logMode) {
        this.twilio = properties.twilio();
        this.logMode = logMode;
        this.client = twilio.configured() ? TwilioClients.create(twilio) : null;
    }

    @Override
    public Channel channel() {
        return Channel.VOICE;
    }

    @Override
    public SendResult send(Delivery delivery) {
        if (client == null) {
            return logMode.record(delivery, "no Twilio account is configured");
        }
        try {
            Call call = Call.creator(new PhoneNumber(delivery.address()), new PhoneNumber(twilio.fromNumber()),
                            new Twiml(twiml(delivery, twilio.webhookBaseUrl())))
                    .setStatusCallback(URI.create(twilio.webhookBaseUrl() + "/v1/twilio/status"))
                    .create(client);
            return new SendResult.Sent("twilio", call.getSid());
        } catch (TwilioException e) {
            return TwilioErrors.rejectedOrThrow(e);
        }
    }

    static String twiml(Delivery delivery, String webhookBaseUrl) {
        String summary = PageText.hasNote(delivery) ? "Vigil reminder. " + delivery.note()
                : "Vigil page. %s, incident %d on %s: %s.".formatted(
                        delivery.severity() == null ? "" : delivery.severity().replace("SEV", "severity "),
                        delivery.incidentNumber(), delivery.service(), delivery.title());
        String action = webhookBaseUrl + "/v1/twilio/voice?incident=" + delivery.incidentNumber();
        return """
                <Response><Gather numDigits="1" action="%s" method="POST"><Say>%s Press 4 to acknowledge, \
                6 to resolve.</Say></Gather><Say>No key was pressed. Goodbye.</Say></Response>"""
                .formatted(HtmlUtils.htmlEscape(action), HtmlUtils.htmlEscape(summary));
    }
}
