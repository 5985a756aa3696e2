package io.vigil.ingestion.alert.application;

import io.vigil.contracts.Envelope;
import io.vigil.contracts.Message;

/** Hands commands a source gave about an incident (acknowledge, resolve) on to incident-core. */
public interface IncidentCommandPublisher {

    /**
     * Returns once the command is durably stored.
     *
     * @throws IntakeUnavailable when it could not be stored in time; the caller must not report success
     */
    void publishCommand(Envelope<? extends Message> command);
}
