package io.vigil.incident.statuspage.application;

import io.vigil.incident.statuspage.domain.PublicIncident;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Public incidents and scheduled maintenances with their updates, links and affected components. */
public interface PublicIncidents {

    /** Stores the incident as it is now: its row, and whatever links, components and updates are new. */
    void save(PublicIncident incident);

    Optional<PublicIncident> find(UUID id);

    /** The incident, locked against concurrent updates until the transaction ends. */
    Optional<PublicIncident> lock(UUID id);

    /** Everything not resolved or completed, and everything resolved or completed since {@code since}, newest first. */
    List<PublicIncident> openOrSince(Instant since);

    /** The public incidents (not maintenances) linked to an internal incident and not yet resolved, oldest first. */
    List<PublicIncident> openLinkedTo(UUID incidentId);

    /** The most recently updated, newest first. */
    List<PublicIncident> latest(int limit);
}
