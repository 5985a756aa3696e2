package io.vigil.incident.sla.application;

import io.vigil.incident.sla.domain.IncidentTimes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The times of incidents, read from incident-core's own incident records (merged incidents left out). */
public interface ServiceIncidents {

    Optional<IncidentTimes> find(UUID incidentId);

    /** The service's incidents opened in {@code [from, to)}. */
    List<IncidentTimes> openedIn(String service, Instant from, Instant to);
}
