package io.vigil.incident.statuspage.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One update of a public incident or maintenance: what the public is told, written for the public.
 *
 * @param author who posted it (an API token's name), never shown on the page
 */
public record PublicUpdate(UUID id, UUID publicIncidentId, UpdateStatus status, String body, String author,
        Instant createdAt) {
}
