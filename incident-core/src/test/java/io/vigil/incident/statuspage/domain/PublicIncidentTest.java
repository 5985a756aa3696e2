package io.vigil.incident.statuspage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PublicIncidentTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final UUID CHECKOUT = UUID.randomUUID();
    private static final UUID WEBSITE = UUID.randomUUID();

    @Test
    void theImpactFollowsTheWorstComponentWhenNotGiven() {
        PublicIncident incident = open(Kind.INCIDENT, UpdateStatus.INVESTIGATING, null,
                Map.of(CHECKOUT, ComponentStatus.PARTIAL_OUTAGE, WEBSITE, ComponentStatus.DEGRADED_PERFORMANCE));
        assertThat(incident.impact()).isEqualTo(Impact.MAJOR);
        assertThat(incident.componentIds()).containsExactlyInAnyOrder(CHECKOUT, WEBSITE);
        assertThat(incident.active()).isTrue();
    }

    @Test
    void resolvingWithoutNamingComponentsPutsTheAffectedOnesBackToOperational() {
        PublicIncident incident = open(Kind.INCIDENT, UpdateStatus.IDENTIFIED, null,
                Map.of(CHECKOUT, ComponentStatus.MAJOR_OUTAGE));
        assertThat(incident.componentStatusesFor(UpdateStatus.RESOLVED, Map.of()))
                .isEqualTo(Map.of(CHECKOUT, ComponentStatus.OPERATIONAL));
        assertThat(incident.componentStatusesFor(UpdateStatus.MONITORING, Map.of())).isEmpty();
        assertThat(incident.componentStatusesFor(UpdateStatus.RESOLVED,
                Map.of(CHECKOUT, ComponentStatus.DEGRADED_PERFORMANCE)))
                .isEqualTo(Map.of(CHECKOUT, ComponentStatus.DEGRADED_PERFORMANCE));
    }

    @Test
    void aMaintenanceInProgressPutsItsComponentsUnderMaintenanceAndIsActiveUntilCompleted() {
        UUID id = UUID.randomUUID();
        PublicIncident maintenance = PublicIncident.open(id, Kind.MAINTENANCE, "Database upgrade", null, NOW,
                NOW.plusSeconds(3600), Set.of(), update(id, UpdateStatus.SCHEDULED, NOW), Set.of(CHECKOUT), Map.of());
        assertThat(maintenance.impact()).isEqualTo(Impact.MAINTENANCE);
        assertThat(maintenance.upcoming()).isTrue();
        assertThat(maintenance.active()).isFalse();
        assertThat(maintenance.componentStatusesFor(UpdateStatus.IN_PROGRESS, Map.of()))
                .isEqualTo(Map.of(CHECKOUT, ComponentStatus.UNDER_MAINTENANCE));

        PublicIncident started = maintenance.post(update(id, UpdateStatus.IN_PROGRESS, NOW.plusSeconds(1)), null,
                Set.of());
        assertThat(started.active()).isTrue();
        assertThat(started.latestUpdate().status()).isEqualTo(UpdateStatus.IN_PROGRESS);
        PublicIncident done = started.post(update(id, UpdateStatus.COMPLETED, NOW.plusSeconds(2)), null, Set.of());
        assertThat(done.active()).isFalse();
        assertThat(done.updates()).extracting(PublicUpdate::status)
                .containsExactly(UpdateStatus.COMPLETED, UpdateStatus.IN_PROGRESS, UpdateStatus.SCHEDULED);
    }

    @Test
    void aStatusOfTheOtherKindOrAMaintenanceWithoutAWindowIsRefusedNamingTheField() {
        PublicIncident incident = open(Kind.INCIDENT, UpdateStatus.INVESTIGATING, Impact.MINOR, Map.of());
        assertThatThrownBy(() -> incident.post(update(incident.id(), UpdateStatus.IN_PROGRESS, NOW), null, Set.of()))
                .isInstanceOfSatisfying(InvalidStatusPageRequest.class, e -> assertThat(e.field()).isEqualTo("status"));
        assertThatThrownBy(() -> UpdateStatus.fromLabel("completed", Kind.INCIDENT, "status"))
                .hasMessage("must be one of investigating, identified, monitoring, resolved");
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> PublicIncident.open(id, Kind.MAINTENANCE, "x", null, NOW, null, Set.of(),
                update(id, UpdateStatus.SCHEDULED, NOW), Set.of(), Map.of()))
                .isInstanceOfSatisfying(InvalidStatusPageRequest.class,
                        e -> assertThat(e.field()).isEqualTo("scheduledUntil"));
    }

    private static PublicIncident open(Kind kind, UpdateStatus status, Impact impact,
            Map<UUID, ComponentStatus> components) {
        UUID id = UUID.randomUUID();
        return PublicIncident.open(id, kind, "Checkout errors", impact, null, null, Set.of(), update(id, status, NOW),
                Set.of(), components);
    }

    private static PublicUpdate update(UUID incident, UpdateStatus status, Instant at) {
        return new PublicUpdate(UUID.randomUUID(), incident, status, "words", "alice", at);
    }
}
