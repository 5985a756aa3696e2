package io.vigil.escalation;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.EscalationExhausted;
import io.vigil.contracts.Message;
import io.vigil.contracts.NotificationRequested;
import io.vigil.testkit.TopicRecorder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads what escalation-service published on notification-requests.v1, as notification-service would. */
final class Pages {

    /** One page as a test compares it: who, when (the clock's time of the step), which level and round. */
    record Seen(String user, Instant at, int level, int round) {
    }

    private static final EnvelopeCodec CODEC = new EnvelopeCodec();

    private Pages() {
    }

    static Envelope<Message> decode(ConsumerRecord<String, String> record) {
        return CODEC.decode(record.value());
    }

    static List<Envelope<Message>> of(TopicRecorder recorder, UUID incidentId) {
        return recorder.records().stream().filter(r -> r.key().equals(incidentId.toString())).map(Pages::decode)
                .toList();
    }

    static List<Seen> pagesOf(TopicRecorder recorder, UUID incidentId) {
        return of(recorder, incidentId).stream().filter(e -> e.payload() instanceof NotificationRequested)
                .map(e -> {
                    NotificationRequested page = (NotificationRequested) e.payload();
                    return new Seen(page.user().id(), e.occurredAt(), page.level(), page.round());
                }).toList();
    }

    static List<EscalationExhausted> exhaustionsOf(TopicRecorder recorder, UUID incidentId) {
        return of(recorder, incidentId).stream().map(Envelope::payload)
                .filter(EscalationExhausted.class::isInstance).map(EscalationExhausted.class::cast).toList();
    }

    static List<NotificationRequested> requests(TopicRecorder recorder) {
        return recorder.records().stream().map(Pages::decode).map(Envelope::payload)
                .filter(NotificationRequested.class::isInstance).map(NotificationRequested.class::cast).toList();
    }
}
