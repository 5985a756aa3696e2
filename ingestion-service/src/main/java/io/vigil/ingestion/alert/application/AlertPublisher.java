package io.vigil.ingestion.alert.application;

import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.Envelope;
import java.util.List;

/** Hands accepted alerts on to incident-core. */
public interface AlertPublisher {

    /**
     * Returns once every alert is durably stored.
     *
     * @throws IntakeUnavailable when one could not be stored in time; the caller must not report success
     */
    void publish(List<Envelope<AlertReceived>> alerts);
}
