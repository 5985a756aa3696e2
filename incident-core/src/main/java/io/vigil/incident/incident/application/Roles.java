package io.vigil.incident.incident.application;

import io.vigil.contracts.Actor;
import io.vigil.incident.incident.domain.IncidentRole;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Who holds which role on which incident. */
public interface Roles {

    /**
     * One holder of a role.
     *
     * @param assignedBy who gave it
     */
    record Assignment(IncidentRole role, String assignee, Instant assignedAt, Actor assignedBy) {
    }

    /** Every role held on the incident, in role order, then by when it was taken. */
    List<Assignment> of(UUID incidentId);

    void add(UUID incidentId, Assignment assignment);

    void remove(UUID incidentId, IncidentRole role, String assignee);
}
