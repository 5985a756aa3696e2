package io.vigil.incident.sla.application;

import io.vigil.incident.sla.domain.Downtime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Whether incidents hurt customers, and for how long: the source of SLA downtime. */
public interface Impacts {

    /**
     * What was recorded for an incident.
     *
     * @param start {@code null}: the incident's opening
     * @param end   {@code null}: the incident's resolution (now, while it is open)
     */
    record ImpactRecord(UUID incidentId, boolean customerImpacting, Instant start, Instant end, Instant updatedAt,
            String updatedBy) {
    }

    Optional<ImpactRecord> find(UUID incidentId);

    /** Stores the record, replacing the incident's previous one. */
    void save(ImpactRecord record);

    /**
     * The customer impacts of the service's incidents that touch {@code [from, to)}, their missing start and end
     * taken from the incident (an unresolved incident's impact has no end).
     */
    List<Downtime> customerImpactOf(String service, Instant from, Instant to);
}
