package io.vigil.ingestion.alert.application;

import io.vigil.contracts.ChangeEventReceived;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.StableIds;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Records a change a source reported, as a {@link ChangeEventReceived} keyed by its service. */
@Service
public class RecordChange {

    private final ChangePublisher publisher;
    private final Clock clock;

    public RecordChange(ChangePublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * @return the id of the recorded change
     * @throws IntakeUnavailable when it could not be stored
     */
    public UUID record(NewChange change, String traceparent) {
        UUID changeId = StableIds.of("change", change.integrationName(), change.requestDigest());
        ChangeEventReceived received = new ChangeEventReceived(changeId, change.door(), change.service(),
                change.summary(), change.source(), change.timestamp(), change.customDetails(), change.links(),
                clock.instant());
        publisher.publishChange(Envelope.of(changeId, change.service(), received, clock, traceparent));
        return changeId;
    }
}
