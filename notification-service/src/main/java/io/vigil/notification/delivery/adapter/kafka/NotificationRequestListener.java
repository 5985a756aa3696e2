package io.vigil.notification.delivery.adapter.kafka;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.Message;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.Topics;
import io.vigil.notification.delivery.application.AcceptNotificationRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds every page on {@link Topics#NOTIFICATION_REQUESTS} to {@link AcceptNotificationRequest}. */
@Component
class NotificationRequestListener {

    private final EnvelopeCodec codec;
    private final AcceptNotificationRequest accept;

    NotificationRequestListener(EnvelopeCodec codec, AcceptNotificationRequest accept) {
        this.codec = codec;
        this.accept = accept;
    }

    @KafkaListener(topics = Topics.NOTIFICATION_REQUESTS)
    void onRequest(ConsumerRecord<String, String> record) {
        Envelope<Message> envelope = codec.decode(record.value());
        // The topic also carries EscalationExhausted, which pages nobody.
        if (envelope.payload() instanceof NotificationRequested request) {
            accept.accept(envelope.eventId(), request);
        }
    }
}
