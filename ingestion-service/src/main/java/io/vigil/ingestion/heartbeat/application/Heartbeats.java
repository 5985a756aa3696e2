package io.vigil.ingestion.heartbeat.application;

import io.vigil.ingestion.heartbeat.domain.Heartbeat;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Heartbeat monitors, one per integration and name. Every method runs in the caller's transaction. */
public interface Heartbeats {

    /** The monitor, locked until the transaction ends, or empty when it has never beaten. */
    Optional<Heartbeat> lock(UUID integrationId, String name);

    /** Inserts or replaces the monitor. */
    void save(Heartbeat heartbeat);

    /**
     * Monitors not yet overdue whose due time is at or before {@code now}, locked; monitors another replica
     * has locked are skipped, so replicas never raise the same alert twice.
     */
    List<Heartbeat> lockDue(Instant now, int limit);
}
