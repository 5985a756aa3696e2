package io.vigil.incident.incident.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What incident-core needs to know of an alert to decide on an incident.
 *
 * @param sourceSeverity the source's own word: critical, error, warning or info
 */
public record AlertSignal(UUID alertId, String service, String fingerprint, boolean firing, String summary,
        String sourceSeverity, Instant receivedAt) {
}
