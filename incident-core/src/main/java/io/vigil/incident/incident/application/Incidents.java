package io.vigil.incident.incident.application;

import io.vigil.incident.incident.domain.Incident;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The incidents incident-core keeps. */
public interface Incidents {

    Optional<Incident> find(UUID id);

    /** Incidents matching the query, newest first. */
    java.util.List<Incident> search(IncidentQuery query);

    /**
     * Counts one more alert on the open incident of this service and fingerprint, if there is one.
     *
     * @return the incident after counting, or empty when none is open
     */
    Optional<Incident> countAlertOnOpen(String service, String fingerprint, Instant at);

    /**
     * Counts one more alert on this incident if it is still open.
     *
     * @return the incident after counting, or empty when it is gone or no longer open
     */
    Optional<Incident> countAlertOn(UUID id, Instant at);

    /**
     * Stores a new incident unless another one for the same service and fingerprint is open.
     *
     * @return the stored incident with its number, or empty when an open one already exists
     */
    Optional<Incident> insertIfNoneOpen(Incident candidate);

    /** Adds a line to the incident's timeline. */
    void addTimelineEntry(UUID incidentId, Instant at, String kind, String summary);
}
