package io.vigil.remediation.run.application;

import java.util.Optional;
import java.util.UUID;

/** The incidents remediation-service was told of, kept so that a run can be started on one later. */
public interface KnownIncidents {

    /** @return {@code false} when it was known already */
    boolean remember(KnownIncident incident);

    Optional<KnownIncident> find(UUID incidentId);
}
