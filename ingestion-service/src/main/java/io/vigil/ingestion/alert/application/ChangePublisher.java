package io.vigil.ingestion.alert.application;

import io.vigil.contracts.ChangeEventReceived;
import io.vigil.contracts.Envelope;

/** Hands change events on to whoever shows them beside incidents. */
public interface ChangePublisher {

    /**
     * Returns once the change is durably stored.
     *
     * @throws IntakeUnavailable when it could not be stored in time; the caller must not report success
     */
    void publishChange(Envelope<ChangeEventReceived> change);
}
