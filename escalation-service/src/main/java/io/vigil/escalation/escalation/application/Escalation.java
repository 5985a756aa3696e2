package io.vigil.escalation.escalation.application;

import java.time.Instant;
import java.util.UUID;

/**
 * An incident escalation-service has taken on.
 *
 * @param state {@code STARTED} until policies and timers (issue 4/9) take it further
 */
public record Escalation(UUID incidentId, String service, String severity, String urgency, String state,
        Instant startedAt) {
}
