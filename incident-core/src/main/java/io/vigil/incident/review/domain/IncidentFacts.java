package io.vigil.incident.review.domain;

import io.vigil.incident.incident.domain.Severity;
import java.time.Instant;
import java.util.UUID;

/** What a review takes from its incident when it is written. */
public record IncidentFacts(UUID incidentId, long number, String title, String service, Severity severity,
        Instant openedAt, Instant resolvedAt) {
}
