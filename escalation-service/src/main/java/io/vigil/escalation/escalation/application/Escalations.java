package io.vigil.escalation.escalation.application;

import java.util.Optional;
import java.util.UUID;

/** The escalations escalation-service keeps. */
public interface Escalations {

    Optional<Escalation> find(UUID incidentId);

    /** Stores the escalation unless one exists for the incident. */
    void startIfAbsent(Escalation escalation);
}
