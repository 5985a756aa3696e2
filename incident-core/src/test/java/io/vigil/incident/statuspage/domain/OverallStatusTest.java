package io.vigil.incident.statuspage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OverallStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void allOperationalAndNothingOpenIsAllSystemsOperational() {
        Indicator overall = OverallStatus.of(List.of(ComponentStatus.OPERATIONAL, ComponentStatus.OPERATIONAL),
                List.of());
        assertThat(overall).isEqualTo(Indicator.NONE);
        assertThat(overall.description()).isEqualTo("All Systems Operational");
    }

    @Test
    void theWorstComponentDecides() {
        assertThat(OverallStatus.of(List.of(ComponentStatus.OPERATIONAL, ComponentStatus.DEGRADED_PERFORMANCE),
                List.of())).isEqualTo(Indicator.MINOR);
        assertThat(OverallStatus.of(List.of(ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.PARTIAL_OUTAGE),
                List.of())).isEqualTo(Indicator.MAJOR);
        assertThat(OverallStatus.of(List.of(ComponentStatus.MAJOR_OUTAGE, ComponentStatus.PARTIAL_OUTAGE),
                List.of())).isEqualTo(Indicator.CRITICAL);
    }

    @Test
    void maintenanceShowsOnlyWhenNothingIsWorse() {
        assertThat(OverallStatus.of(List.of(ComponentStatus.UNDER_MAINTENANCE), List.of()))
                .isEqualTo(Indicator.MAINTENANCE);
        assertThat(OverallStatus.of(List.of(ComponentStatus.UNDER_MAINTENANCE, ComponentStatus.DEGRADED_PERFORMANCE),
                List.of())).isEqualTo(Indicator.MINOR);
    }

    @Test
    void anOpenIncidentCountsBeforeAnyComponentIsMarkedAndStopsCountingOnceResolved() {
        PublicIncident open = incident(Impact.CRITICAL, UpdateStatus.INVESTIGATING);
        assertThat(OverallStatus.of(List.of(ComponentStatus.OPERATIONAL), List.of(open)))
                .isEqualTo(Indicator.CRITICAL);

        PublicIncident resolved = open.post(new PublicUpdate(UUID.randomUUID(), open.id(), UpdateStatus.RESOLVED,
                "fixed", "alice", NOW.plusSeconds(60)), null, Set.of());
        assertThat(resolved.resolvedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(OverallStatus.of(List.of(ComponentStatus.OPERATIONAL), List.of(resolved)))
                .isEqualTo(Indicator.NONE);
    }

    private static PublicIncident incident(Impact impact, UpdateStatus status) {
        UUID id = UUID.randomUUID();
        return PublicIncident.open(id, Kind.INCIDENT, "Checkout errors", impact, null, null, Set.of(),
                new PublicUpdate(UUID.randomUUID(), id, status, "looking", "alice", NOW), Set.of(), Map.of());
    }
}
