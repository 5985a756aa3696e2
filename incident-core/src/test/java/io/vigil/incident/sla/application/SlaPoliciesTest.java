package io.vigil.incident.sla.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.sla.SlaProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlaPoliciesTest {

    /** Policies kept in a map, as the API would store them. */
    static final class InMemoryPolicies implements StoredPolicies {

        final Map<String, StoredPolicy> policies = new HashMap<>();

        @Override
        public Optional<StoredPolicy> find(String service) {
            return Optional.ofNullable(policies.get(service));
        }

        @Override
        public void save(StoredPolicy policy) {
            policies.put(policy.service(), policy);
        }

        @Override
        public List<String> services() {
            return List.copyOf(policies.keySet());
        }
    }

    private final InMemoryPolicies stored = new InMemoryPolicies();

    private SlaPolicies policies(Map<String, SlaProperties.ServiceSla> services) {
        Map<String, SlaProperties.Tier> tiers = Map.of(
                "premium", new SlaProperties.Tier(99.99, Map.of(Severity.SEV1, Duration.ofMinutes(2)), null),
                "standard", new SlaProperties.Tier(99.9, null, null));
        return new SlaPolicies(new SlaProperties("standard", tiers, null, Map.of(Severity.SEV5, Duration.ofDays(14)),
                services, null, Duration.ofDays(30), ZoneOffset.UTC, Duration.ofMinutes(1)), stored);
    }

    @Test
    void aServiceNobodyConfiguredGetsTheDefaultTierAndTheGlobalTargets() {
        SlaPolicies.Effective effective = policies(Map.of()).of("anything");

        assertThat(effective.source()).isEqualTo(SlaPolicies.Source.DEFAULT);
        assertThat(effective.policy().availabilityTarget()).isEqualTo(99.9);
        assertThat(effective.policy().responseTargets().get(Severity.SEV1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(effective.policy().resolutionTargets().get(Severity.SEV5)).isEqualTo(Duration.ofDays(14));
        assertThat(effective.policy().resolutionTargets().get(Severity.SEV1)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void theTierThenTheServiceThenTheApiOverride() {
        SlaPolicies policies = policies(Map.of("payments", new SlaProperties.ServiceSla("premium", 99.95,
                Map.of(Severity.SEV2, Duration.ofMinutes(10)), null)));

        SlaPolicies.Effective configured = policies.of("payments");
        assertThat(configured.source()).isEqualTo(SlaPolicies.Source.CONFIGURATION);
        assertThat(configured.policy().availabilityTarget()).isEqualTo(99.95);
        assertThat(configured.policy().responseTargets().get(Severity.SEV1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(configured.policy().responseTargets().get(Severity.SEV2)).isEqualTo(Duration.ofMinutes(10));

        stored.save(new StoredPolicies.StoredPolicy("payments", null, null, Map.of(Severity.SEV1,
                Duration.ofMinutes(1)), null, Instant.EPOCH, "admin"));
        SlaPolicies.Effective api = policies.of("payments");
        assertThat(api.source()).isEqualTo(SlaPolicies.Source.API);
        assertThat(api.policy().availabilityTarget()).isEqualTo(99.95);
        assertThat(api.policy().responseTargets().get(Severity.SEV1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(api.policy().responseTargets().get(Severity.SEV2)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aTierNamedThroughTheApiBringsItsOwnAvailability() {
        SlaPolicies policies = policies(Map.of("payments", new SlaProperties.ServiceSla("premium", 99.95, null,
                null)));
        stored.save(new StoredPolicies.StoredPolicy("payments", "standard", null, null, null, Instant.EPOCH,
                "admin"));

        assertThat(policies.of("payments").policy().availabilityTarget()).isEqualTo(99.9);
        assertThat(policies.services()).containsExactly("payments");
    }

    @Test
    void aDefaultTierThatDoesNotExistStopsTheServiceFromStarting() {
        assertThatThrownBy(() -> new SlaProperties("gold", null, null, null, null, null, Duration.ofDays(30),
                ZoneOffset.UTC, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'gold'");
    }
}
