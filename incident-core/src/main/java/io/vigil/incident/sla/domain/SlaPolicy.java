package io.vigil.incident.sla.domain;

import io.vigil.incident.incident.domain.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a service promises.
 *
 * @param service            the service, as incidents name it
 * @param tier               the tier the promise comes from ({@code premium}, {@code standard}...)
 * @param availabilityTarget promised availability in percent, more than 0 and less than 100 (99.9)
 * @param responseTargets    longest time from opening to acknowledgement, per severity
 * @param resolutionTargets  longest time from opening to resolution, per severity
 */
public record SlaPolicy(String service, String tier, double availabilityTarget,
        Map<Severity, Duration> responseTargets, Map<Severity, Duration> resolutionTargets) {

    public SlaPolicy {
        Objects.requireNonNull(service, "service");
        if (!(availabilityTarget > 0 && availabilityTarget < 100)) {
            throw new IllegalArgumentException("availability target must be more than 0 and less than 100 percent");
        }
        responseTargets = complete(responseTargets, "response");
        resolutionTargets = complete(resolutionTargets, "resolution");
    }

    /** Share of the time the service may be down: 0.001 for 99.9 %. */
    public double allowedDowntimeFraction() {
        return (100.0 - availabilityTarget) / 100.0;
    }

    private static Map<Severity, Duration> complete(Map<Severity, Duration> targets, String what) {
        EnumMap<Severity, Duration> copy = new EnumMap<>(Severity.class);
        copy.putAll(targets);
        for (Severity severity : Severity.values()) {
            Duration target = copy.get(severity);
            if (target == null || target.isNegative() || target.isZero()) {
                throw new IllegalArgumentException("a positive " + what + " target is needed for " + severity);
            }
        }
        return Map.copyOf(copy);
    }
}
