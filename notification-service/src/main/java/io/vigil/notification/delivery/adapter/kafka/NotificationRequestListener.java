package io.vigil.notification.delivery.adapter.kafka;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.Message;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.SubscriberNoticeRequested;
import io.vigil.contracts.Topics;
import io.vigil.notification.delivery.application.AcceptNotificationRequest;
import io.vigil.notification.delivery.application.AcceptNotificationRequest.Page;
import io.vigil.notification.delivery.application.AcceptSubscriberNotice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Feeds the pages on {@link Topics#NOTIFICATION_REQUESTS} to {@link AcceptNotificationRequest}, and the status
 * page's subscriber notices to {@link AcceptSubscriberNotice}: the pages of one poll in one transaction, its
 * notices in another. When that fails, the records are taken one by one, each in its own transaction, so
 * the good ones are kept and the one that fails is reported by its index: the error handler retries it and finally
 * parks it on the dead-letter topic, and the partition keeps flowing.
 */
@Component
class NotificationRequestListener {

    private final EnvelopeCodec codec;
    private final AcceptNotificationRequest accept;
    private final AcceptSubscriberNotice acceptNotices;

    NotificationRequestListener(EnvelopeCodec codec, AcceptNotificationRequest accept,
            AcceptSubscriberNotice acceptNotices) {
        this.codec = codec;
        this.accept = accept;
        this.acceptNotices = acceptNotices;
    }

    @KafkaListener(topics = Topics.NOTIFICATION_REQUESTS, batch = "true")
    void onRequests(List<ConsumerRecord<String, String>> records) {
        List<Page> pages = new ArrayList<>(records.size());
        List<SubscriberNoticeRequested> notices = new ArrayList<>();
        try {
            for (ConsumerRecord<String, String> record : records) {
                Envelope<Message> envelope = codec.decode(record.value());
                page(envelope).ifPresent(pages::add);
                notice(envelope).ifPresent(notices::add);
            }
            accept.acceptAll(pages);
            acceptNotices.acceptAll(notices);
        } catch (RuntimeException batchFailed) {
            // Taking a record again is harmless: pages and notices are both idempotent on their ids.
            for (int i = 0; i < records.size(); i++) {
                try {
                    Envelope<Message> envelope = codec.decode(records.get(i).value());
                    page(envelope).ifPresent(page -> accept.accept(page.eventId(), page.request()));
                    notice(envelope).ifPresent(acceptNotices::accept);
                } catch (RuntimeException failed) {
                    throw new BatchListenerFailedException("page " + records.get(i).offset() + " of partition "
                            + records.get(i).partition() + " failed: " + failed.getMessage(), failed, i);
                }
            }
        }
    }

    /** The page a record carries; the topic also carries EscalationExhausted, which pages nobody. */
    private static Optional<Page> page(Envelope<Message> envelope) {
        return envelope.payload() instanceof NotificationRequested request
                ? Optional.of(new Page(envelope.eventId(), request))
                : Optional.empty();
    }

    /** The status-page notice a record carries, for one subscriber. */
    private static Optional<SubscriberNoticeRequested> notice(Envelope<Message> envelope) {
        return envelope.payload() instanceof SubscriberNoticeRequested notice ? Optional.of(notice) : Optional.empty();
    }
}
