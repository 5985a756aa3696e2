package io.vigil.notification.delivery.adapter.kafka;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.Message;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.Topics;
import io.vigil.notification.delivery.application.AcceptNotificationRequest;
import io.vigil.notification.delivery.application.AcceptNotificationRequest.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Feeds the pages on {@link Topics#NOTIFICATION_REQUESTS} to {@link AcceptNotificationRequest}, all the records of
 * one poll in one transaction. When that fails, the records are taken one by one, each in its own transaction, so
 * the good ones are kept and the one that fails is reported by its index: the error handler retries it and finally
 * parks it on the dead-letter topic, and the partition keeps flowing.
 */
@Component
class NotificationRequestListener {

    private final EnvelopeCodec codec;
    private final AcceptNotificationRequest accept;

    NotificationRequestListener(EnvelopeCodec codec, AcceptNotificationRequest accept) {
        this.codec = codec;
        this.accept = accept;
    }

    @KafkaListener(topics = Topics.NOTIFICATION_REQUESTS, batch = "true")
    void onRequests(List<ConsumerRecord<String, String>> records) {
        List<Page> pages = new ArrayList<>(records.size());
        try {
            for (ConsumerRecord<String, String> record : records) {
                page(record).ifPresent(pages::add);
            }
            accept.acceptAll(pages);
        } catch (RuntimeException batchFailed) {
            for (int i = 0; i < records.size(); i++) {
                try {
                    page(records.get(i)).ifPresent(page -> accept.accept(page.eventId(), page.request()));
                } catch (RuntimeException failed) {
                    throw new BatchListenerFailedException("page " + records.get(i).offset() + " of partition "
                            + records.get(i).partition() + " failed: " + failed.getMessage(), failed, i);
                }
            }
        }
    }

    /** The page a record carries; the topic also carries EscalationExhausted, which pages nobody. */
    private Optional<Page> page(ConsumerRecord<String, String> record) {
        Envelope<Message> envelope = codec.decode(record.value());
        return envelope.payload() instanceof NotificationRequested request
                ? Optional.of(new Page(envelope.eventId(), request))
                : Optional.empty();
    }
}
