package io.vigil.ingestion.alert.application;

import io.vigil.contracts.AcknowledgeIncident;
import io.vigil.contracts.Actor;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.Fingerprints;
import io.vigil.contracts.IncidentRef;
import io.vigil.contracts.StableIds;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** A source acknowledges the open incident of its problem: an {@link AcknowledgeIncident} for incident-core. */
@Service
public class AcknowledgeFromSource {

    private final IncidentCommandPublisher publisher;
    private final Clock clock;

    public AcknowledgeFromSource(IncidentCommandPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * @return the fingerprint the command names
     * @throws IntakeUnavailable when the command could not be stored
     */
    public String acknowledge(SourceCommand command, String traceparent) {
        String fingerprint = Fingerprints.fromDedupKey(command.service(), command.dedupKey());
        IncidentRef incident = IncidentRef.byFingerprint(command.service(), fingerprint);
        UUID commandId = StableIds.of("source-acknowledge", command.integrationName(), fingerprint,
                command.requestDigest());
        AcknowledgeIncident acknowledge = new AcknowledgeIncident(commandId, incident,
                new Actor("integration", command.integrationName(), command.door()), null, clock.instant());
        publisher.publishCommand(Envelope.of(commandId, incident.key(), acknowledge, clock, traceparent));
        return fingerprint;
    }
}
