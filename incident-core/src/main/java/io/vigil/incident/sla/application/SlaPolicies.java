package io.vigil.incident.sla.application;

import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.sla.SlaProperties;
import io.vigil.incident.sla.domain.SlaPolicy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * The policy in force for a service, in layers: the global targets, the tier's, the configured service's, then
 * what the API stored. A layer that names a tier without its own availability takes the tier's.
 */
@Service
public class SlaPolicies {

    /** Where a service's policy comes from. */
    public enum Source { API, CONFIGURATION, DEFAULT }

    /** A policy and where it comes from; {@code stored} is present when the API set it. */
    public record Effective(SlaPolicy policy, Source source, Optional<StoredPolicies.StoredPolicy> stored) {
    }

    private final SlaProperties properties;
    private final StoredPolicies stored;

    public SlaPolicies(SlaProperties properties, StoredPolicies stored) {
        this.properties = properties;
        this.stored = stored;
    }

    public Effective of(String service) {
        Optional<StoredPolicies.StoredPolicy> api = stored.find(service);
        SlaProperties.ServiceSla configured = properties.services().get(service);
        String tierName = properties.defaultTier();
        Double availability = null;
        if (configured != null) {
            tierName = configured.tier() != null ? configured.tier() : tierName;
            availability = configured.availability();
        }
        if (api.isPresent() && api.get().tier() != null) {
            tierName = api.get().tier();
            availability = null;
        }
        if (api.isPresent() && api.get().availability() != null) {
            availability = api.get().availability();
        }
        SlaProperties.Tier tier = properties.tiers().get(tierName);
        if (tier == null) {
            // A tier removed from the configuration after the API stored it: the default tier stands in.
            tierName = properties.defaultTier();
            tier = properties.tiers().get(tierName);
        }
        Map<Severity, Duration> response = new EnumMap<>(properties.responseTargets());
        Map<Severity, Duration> resolution = new EnumMap<>(properties.resolutionTargets());
        response.putAll(tier.responseTargets());
        resolution.putAll(tier.resolutionTargets());
        if (configured != null) {
            response.putAll(configured.responseTargets());
            resolution.putAll(configured.resolutionTargets());
        }
        api.ifPresent(policy -> {
            response.putAll(policy.responseTargets());
            resolution.putAll(policy.resolutionTargets());
        });
        SlaPolicy policy = new SlaPolicy(service, tierName, availability != null ? availability : tier.availability(),
                response, resolution);
        Source source = api.isPresent() ? Source.API : configured != null ? Source.CONFIGURATION : Source.DEFAULT;
        return new Effective(policy, source, api);
    }

    /** Whether the tier exists. */
    public boolean knowsTier(String tier) {
        return properties.tiers().containsKey(tier);
    }

    /** Services configured or given a policy through the API: the ones the SLA gauges cover. */
    public List<String> services() {
        TreeSet<String> services = new TreeSet<>(properties.services().keySet());
        services.addAll(stored.services());
        return List.copyOf(services);
    }
}
