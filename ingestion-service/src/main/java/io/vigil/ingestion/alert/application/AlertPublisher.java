package io.vigil.ingestion.alert.application;

import io.vigil.contracts.AlertReceived;
import io.vigil.contracts.Envelope;

/** Hands accepted alerts on to incident-core. */
public interface AlertPublisher {

    /**
     * Returns once the alert is durably stored.
     *
     * @throws IntakeUnavailable when it could not be stored in time; the caller must not report success
     */
    void publish(Envelope<AlertReceived> alert);
}
