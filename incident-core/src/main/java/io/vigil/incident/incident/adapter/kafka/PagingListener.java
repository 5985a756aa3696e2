package io.vigil.incident.incident.adapter.kafka;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.EscalationExhausted;
import io.vigil.contracts.EscalationLevelSkipped;
import io.vigil.contracts.MalformedMessageException;
import io.vigil.contracts.Message;
import io.vigil.contracts.NotificationOutcome;
import io.vigil.contracts.NotificationRequested;
import io.vigil.contracts.RemediationRunFinished;
import io.vigil.contracts.RemediationRunStarted;
import io.vigil.contracts.RemediationStepFinished;
import io.vigil.contracts.RemediationStepStarted;
import io.vigil.contracts.SubscriberNoticeRequested;
import io.vigil.contracts.Topics;
import io.vigil.incident.incident.IncidentProperties;
import io.vigil.incident.incident.application.RecordPaging;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds escalation-service's decisions ({@link Topics#NOTIFICATION_REQUESTS}), notification-service's
 * delivery outcomes ({@link Topics#NOTIFICATION_OUTCOMES}) and remediation-service's runbook reports
 * ({@link Topics#REMEDIATION_EVENTS}) to {@link RecordPaging}, for the incident timeline (the status page's
 * {@link SubscriberNoticeRequested}, which shares the requests topic, is passed over):
 * a poll's worth at a time, like the alerts (see {@link ChunkedBatch}), since every new incident pages.
 */
@Component
class PagingListener {

    private final EnvelopeCodec codec;
    private final RecordPaging recordPaging;
    private final int perTransaction;

    PagingListener(EnvelopeCodec codec, RecordPaging recordPaging, IncidentProperties properties) {
        this.codec = codec;
        this.recordPaging = recordPaging;
        this.perTransaction = properties.alertsPerTransaction();
    }

    @KafkaListener(topics = Topics.NOTIFICATION_REQUESTS, batch = "true")
    void onEscalationDecisions(List<ConsumerRecord<String, String>> records) {
        ChunkedBatch.process(records, perTransaction, this::decodeDecision, recordPaging::recordAll,
                recordPaging::record);
    }

    @KafkaListener(topics = Topics.NOTIFICATION_OUTCOMES, batch = "true")
    void onNotificationOutcomes(List<ConsumerRecord<String, String>> records) {
        ChunkedBatch.process(records, perTransaction, this::decodeOutcome, recordPaging::recordAll,
                recordPaging::record);
    }

    @KafkaListener(topics = Topics.REMEDIATION_EVENTS, batch = "true")
    void onRemediationReports(List<ConsumerRecord<String, String>> records) {
        ChunkedBatch.process(records, perTransaction, this::decodeRemediation, recordPaging::recordAll,
                recordPaging::record);
    }

    private RecordPaging.Delivery decodeRemediation(ConsumerRecord<String, String> record) {
        Envelope<Message> envelope = codec.decode(record.value());
        Message payload = envelope.payload();
        if (!(payload instanceof RemediationRunStarted || payload instanceof RemediationStepStarted
                || payload instanceof RemediationStepFinished || payload instanceof RemediationRunFinished)) {
            throw new MalformedMessageException(
                    "%s does not belong on %s".formatted(envelope.type(), Topics.REMEDIATION_EVENTS));
        }
        return new RecordPaging.Delivery(envelope.eventId(), envelope.occurredAt(), payload);
    }

    /** A decision for the timeline, or {@code null} for a status-page notice, which is none of this consumer's. */
    private RecordPaging.Delivery decodeDecision(ConsumerRecord<String, String> record) {
        Envelope<Message> envelope = codec.decode(record.value());
        Message payload = envelope.payload();
        if (payload instanceof SubscriberNoticeRequested) {
            return null;
        }
        if (!(payload instanceof NotificationRequested || payload instanceof EscalationLevelSkipped
                || payload instanceof EscalationExhausted)) {
            throw new MalformedMessageException(
                    "%s does not belong on %s".formatted(envelope.type(), Topics.NOTIFICATION_REQUESTS));
        }
        return new RecordPaging.Delivery(envelope.eventId(), envelope.occurredAt(), payload);
    }

    private RecordPaging.Delivery decodeOutcome(ConsumerRecord<String, String> record) {
        Envelope<Message> envelope = codec.decode(record.value());
        if (!(envelope.payload() instanceof NotificationOutcome outcome)) {
            throw new MalformedMessageException(
                    "%s does not belong on %s".formatted(envelope.type(), Topics.NOTIFICATION_OUTCOMES));
        }
        return new RecordPaging.Delivery(envelope.eventId(), envelope.occurredAt(), outcome);
    }
}
