package io.vigil.ingestion.integration.application;

import io.vigil.ingestion.integration.domain.Integration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The integrations and the hashes of their keys. */
public interface Integrations {

    /** Stores a new integration with the hash of its key. */
    void add(Integration integration, String keyHash);

    /**
     * Creates or updates the integration named {@code integration.name()} (type, service, key, enabled again),
     * keeping its id and creation time when it exists. Safe to run from several replicas at once.
     */
    void upsertByName(Integration integration, String keyHash);

    Optional<Integration> byId(UUID id);

    /** The integration whose key hashes to {@code keyHash}, enabled or not. */
    Optional<Integration> byKeyHash(String keyHash);

    /** All integrations, by name. */
    List<Integration> all();

    /** Replaces the key hash; false when there is no such integration. */
    boolean replaceKey(UUID id, String keyHash, java.time.Instant rotatedAt);

    /** Enables or disables; false when there is no such integration. */
    boolean setEnabled(UUID id, boolean enabled);
}
