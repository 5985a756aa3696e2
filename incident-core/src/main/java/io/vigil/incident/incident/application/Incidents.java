package io.vigil.incident.incident.application;

import io.vigil.incident.incident.domain.Incident;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The incidents incident-core keeps. */
public interface Incidents {

    Optional<Incident> find(UUID id);

    /** The incident, locked against concurrent changes until the transaction ends. */
    Optional<Incident> lock(UUID id);

    /** The open incident this problem (fingerprint) belongs to, if any, whether it opened it or joined it. */
    Optional<UUID> openIncidentOf(String service, String fingerprint);

    /** Incidents matching the query, newest first. */
    List<Incident> search(IncidentQuery query);

    /** The longest-open incident of any of these services, if one is open. */
    Optional<Incident> oldestOpenIn(Collection<String> services);

    /** How many incidents are open now. */
    long countOpen();

    /**
     * Counts one more alert on the open incident of this service and fingerprint, if there is one.
     *
     * @return the incident after counting, or empty when none is open
     */
    Optional<Incident> countAlertOnOpen(String service, String fingerprint, Instant at);

    /**
     * Counts one more alert on this incident if it is still open and the alert (fingerprint) is still its.
     *
     * @return the incident after counting, or empty when it is gone, no longer open or lost the alert
     */
    Optional<Incident> countAlertOn(UUID id, String fingerprint, Instant at);

    /** The alerts (fingerprints) of the incident. */
    List<String> fingerprintsOf(UUID incidentId);

    /** Moves these alerts (fingerprints) from one incident to another. */
    void moveAlerts(UUID from, UUID to, Collection<String> fingerprints);

    /**
     * Stores a new incident unless another one for the same service and fingerprint, or the same
     * service and group key, is open.
     *
     * @param groupKey the source's group key, or {@code null}
     * @return the stored incident with its number, or empty when an open one already exists
     */
    Optional<Incident> insertIfNoneOpen(Incident candidate, String groupKey);

    /**
     * Like {@link #insertIfNoneOpen(Incident, String)}, and in the same statement records the incident's own
     * fingerprint as its first firing alert: one round trip for the alert that opens an incident.
     */
    Optional<Incident> openWithFirstAlert(Incident candidate, String groupKey);

    /** Stores a new incident unless another one for the same service and fingerprint is open. */
    default Optional<Incident> insertIfNoneOpen(Incident candidate) {
        return insertIfNoneOpen(candidate, null);
    }

    /**
     * Counts one more alert on the open incident of this service and group key, if there is one.
     *
     * @param activeSince only if its last alert came at or after this, or {@code null} for any
     * @return the incident after counting, or empty when none is open (and active)
     */
    Optional<Incident> countAlertOnGroup(String service, String groupKey, Instant activeSince, Instant at);

    /**
     * Reopens the latest incident of this problem that was resolved at or after {@code resolvedSince}
     * and counts the alert on it. At most one caller wins; the others find it open.
     *
     * @return the reopened incident, or empty when there is none to reopen
     */
    Optional<Incident> reopenRecent(String service, String fingerprint, Instant resolvedSince, Instant at);

    /** Writes the incident's lifecycle fields (status, severity, urgency, acknowledged, resolved, closed). */
    void update(Incident incident);

    /**
     * Records whether an alert (fingerprint) of the incident fires.
     *
     * @return {@code true} when the fingerprint is new to the incident
     */
    boolean markAlert(UUID incidentId, String fingerprint, boolean firing, Instant at);

    /**
     * Moves the alerts of {@code source} to {@code target} and copies its timeline there, each line
     * marked with the source's number; the source keeps its own timeline.
     */
    void moveAlertsAndCopyTimeline(Incident source, Incident target);

    /** How many alerts of the incident still fire. */
    int firingAlerts(UUID incidentId);
}
