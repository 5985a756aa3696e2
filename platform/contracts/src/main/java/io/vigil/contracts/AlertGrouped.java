package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Event on {@link Topics#INCIDENT_EVENTS} (key = incident id): an alert of another problem (another
 * fingerprint) joined an open incident because incident-core correlated them. Further copies of the
 * same alert are only counted, not announced again.
 *
 * @param incidentId  the incident the alert joined
 * @param number      its short human number
 * @param service     the incident's service
 * @param fingerprint the joining alert's fingerprint
 * @param alertId     the joining alert
 * @param summary     the joining alert's summary
 * @param reason      why they belong together: {@code group-key}…
 * @param groupKey    the shared group key, or {@code null} for another reason
 * @param at          when it joined
 */
public record AlertGrouped(UUID incidentId, long number, String service, String fingerprint, UUID alertId,
        String summary, String reason, String groupKey, Instant at) implements Message {

    public AlertGrouped {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
