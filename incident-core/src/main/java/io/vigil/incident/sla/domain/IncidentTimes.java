package io.vigil.incident.sla.domain;

import io.vigil.incident.incident.domain.Severity;
import java.time.Instant;
import java.util.UUID;

/**
 * When an incident opened, was first acknowledged and was last resolved.
 *
 * @param acknowledgedAt {@code null} while nobody acknowledged it
 * @param resolvedAt     {@code null} while open
 */
public record IncidentTimes(UUID id, long number, String service, Severity severity, Instant openedAt,
        Instant acknowledgedAt, Instant resolvedAt) {
}
