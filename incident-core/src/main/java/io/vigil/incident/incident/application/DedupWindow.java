package io.vigil.incident.incident.application;

import java.util.Optional;
import java.util.UUID;

/**
 * A fast memory of which open incident a fingerprint belongs to. It is only a shortcut: when it
 * forgets or is unreachable, the database's unique index still keeps one incident per problem.
 */
public interface DedupWindow {

    Optional<UUID> openIncidentOf(String service, String fingerprint);

    void remember(String service, String fingerprint, UUID incidentId);
}
