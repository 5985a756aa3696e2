package io.vigil.remediation.run.adapter.kafka;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.EnvelopeCodec;
import io.vigil.contracts.IncidentMerged;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentResolved;
import io.vigil.contracts.Message;
import io.vigil.contracts.Topics;
import io.vigil.remediation.run.application.StopRunsOfEndedIncident;
import io.vigil.remediation.run.application.TakeOpenedIncident;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Opened incidents start the runbooks that match them; resolved and merged ones stop their runs. */
@Component
class IncidentEventListener {

    private final EnvelopeCodec codec;
    private final TakeOpenedIncident takeOpenedIncident;
    private final StopRunsOfEndedIncident stopRuns;

    IncidentEventListener(EnvelopeCodec codec, TakeOpenedIncident takeOpenedIncident,
            StopRunsOfEndedIncident stopRuns) {
        this.codec = codec;
        this.takeOpenedIncident = takeOpenedIncident;
        this.stopRuns = stopRuns;
    }

    @KafkaListener(topics = Topics.INCIDENT_EVENTS)
    void onIncidentEvent(ConsumerRecord<String, String> record) {
        Envelope<Message> envelope = codec.decode(record.value());
        switch (envelope.payload()) {
            case IncidentOpened opened -> takeOpenedIncident.take(envelope.eventId(), opened);
            case IncidentResolved resolved -> stopRuns.stop(envelope.eventId(), resolved.incidentId(), "resolved");
            case IncidentMerged merged -> stopRuns.stop(envelope.eventId(), merged.incidentId(), "merged");
            default -> {
                // Other incident events change nothing about remediation.
            }
        }
    }
}
