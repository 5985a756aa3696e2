package io.vigil.incident.incident.application;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A fast memory of which open incident a fingerprint belongs to. It is only a shortcut: when it
 * forgets or is unreachable, the database's unique index still keeps one incident per problem.
 */
public interface DedupWindow {

    /** A problem: the alerts of one fingerprint of a service. */
    record Problem(String service, String fingerprint) {
    }

    Optional<UUID> openIncidentOf(String service, String fingerprint);

    /**
     * The open incidents of several problems, in one round trip.
     *
     * @return the incident of each problem remembered; problems not remembered (or all, when unreachable) are absent
     */
    Map<Problem, UUID> openIncidentsOf(Collection<Problem> problems);

    void remember(String service, String fingerprint, UUID incidentId);

    /** Remembers the incident of each problem, in one round trip. */
    void rememberAll(Map<Problem, UUID> incidents);
}
