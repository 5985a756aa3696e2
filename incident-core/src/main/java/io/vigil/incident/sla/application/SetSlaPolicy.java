package io.vigil.incident.sla.application;

import io.vigil.incident.incident.domain.Severity;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores a service's SLA policy through the API, replacing the one stored before. */
@Service
public class SetSlaPolicy {

    /** The policy as given; anything {@code null} or left out falls back to the configuration. */
    public record Command(String service, String tier, Double availability, Map<Severity, Duration> responseTargets,
            Map<Severity, Duration> resolutionTargets, String by) {
    }

    private final StoredPolicies stored;
    private final SlaPolicies policies;
    private final Clock clock;

    public SetSlaPolicy(StoredPolicies stored, SlaPolicies policies, Clock clock) {
        this.stored = stored;
        this.policies = policies;
        this.clock = clock;
    }

    /** @return the policy now in force */
    @Transactional
    public SlaPolicies.Effective set(Command command) {
        stored.save(new StoredPolicies.StoredPolicy(command.service(), command.tier(), command.availability(),
                command.responseTargets(), command.resolutionTargets(), clock.instant(), command.by()));
        return policies.of(command.service());
    }
}
