package io.vigil.ingestion.integration.application;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

/** How many events each integration has sent in each minute, shared by all replicas. */
public interface EventBudgets {

    /**
     * Adds {@code events} to the integration's count for the minute starting at {@code minute}.
     *
     * @return the count after adding, or empty when the counts cannot be reached right now
     */
    OptionalLong add(UUID integrationId, Instant minute, int events);
}
