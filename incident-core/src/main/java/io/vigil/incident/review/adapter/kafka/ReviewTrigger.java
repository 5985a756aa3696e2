package io.vigil.incident.review.adapter.kafka;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.IncidentResolved;
import io.vigil.contracts.Message;
import io.vigil.contracts.Topics;
import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.review.application.WriteReview;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Writes a review when incident-core's own {@link IncidentResolved} comes back from {@link Topics#INCIDENT_EVENTS}.
 * Listening to the event rather than hooking the resolve use case keeps the incident feature unaware of reviews,
 * catches every way an incident resolves (REST, Slack, SMS, the source clearing its alerts), and is safe to
 * replay: the review's store keeps one per incident. Its own consumer group reads the topic from the beginning
 * independently of any other incident-core listener.
 */
@Component
class ReviewTrigger {

    private final EnvelopeCodec codec;
    private final WriteReview writeReview;

    ReviewTrigger(EnvelopeCodec codec, WriteReview writeReview) {
        this.codec = codec;
        this.writeReview = writeReview;
    }

    @KafkaListener(topics = Topics.INCIDENT_EVENTS, groupId = "${spring.kafka.consumer.group-id}-reviews")
    void onIncidentEvent(ConsumerRecord<String, String> record) {
        Envelope<Message> envelope = codec.decode(record.value());
        if (envelope.payload() instanceof IncidentResolved resolved) {
            writeReview.afterResolution(resolved.incidentId(), Severity.valueOf(resolved.severity().name()),
                    resolved.at());
        }
    }
}
