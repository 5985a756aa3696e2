package io.vigil.incident.sla.application;

import io.vigil.incident.incident.domain.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SLA policies set through the API; each overrides the configured settings of its service. */
public interface StoredPolicies {

    /**
     * What the API stored for a service; anything {@code null} or left out falls back to the configuration.
     *
     * @param tier              tier name, or {@code null}
     * @param availability      availability target in percent, or {@code null}
     * @param responseTargets   per-severity response targets given
     * @param resolutionTargets per-severity resolution targets given
     * @param updatedBy         who stored it (the API caller's id)
     */
    record StoredPolicy(String service, String tier, Double availability, Map<Severity, Duration> responseTargets,
            Map<Severity, Duration> resolutionTargets, Instant updatedAt, String updatedBy) {

        public StoredPolicy {
            responseTargets = responseTargets == null ? Map.of() : Map.copyOf(responseTargets);
            resolutionTargets = resolutionTargets == null ? Map.of() : Map.copyOf(resolutionTargets);
        }
    }

    Optional<StoredPolicy> find(String service);

    /** Stores the policy, replacing the service's previous one. */
    void save(StoredPolicy policy);

    /** Services that have a stored policy. */
    List<String> services();
}
