package io.vigil.incident.severity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.incident.incident.domain.IncidentStatus;
import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.severity.domain.Overdue.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WatchedIncidentTest {

    private static final Instant OPENED = Instant.parse("2026-11-23T10:00:00Z");
    private static final SeverityMatrix MATRIX = SeverityMatrix.defaults();

    @Test
    void theDefaultMatrixIsTheDocumentedOne() {
        assertThat(Severity.values()).extracting(severity -> MATRIX.of(severity).responseTarget().toMinutes())
                .containsExactly(5L, 15L, 30L, 60L, 480L);
        assertThat(Severity.values()).extracting(severity -> MATRIX.of(severity).updateCadence())
                .containsExactly(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofMinutes(60),
                        Duration.ofMinutes(240), null);
        assertThat(Severity.values()).extracting(severity -> MATRIX.of(severity).commanderRequired())
                .containsExactly(true, true, false, false, false);
        assertThat(Severity.values()).extracting(severity -> MATRIX.of(severity).escalateAfter())
                .containsOnlyNulls();
    }

    @Test
    void aConfiguredSeverityReplacesItsDefaultsAndTheOthersKeepTheirs() {
        SeverityMatrix matrix = new SeverityMatrix(Map.of(Severity.SEV3,
                new SeverityMatrix.Targets(Duration.ofMinutes(20), null, true, null)));

        assertThat(matrix.of(Severity.SEV3).responseTarget()).isEqualTo(Duration.ofMinutes(20));
        assertThat(matrix.of(Severity.SEV3).updateCadence()).isNull();
        assertThat(matrix.of(Severity.SEV1).responseTarget()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aTargetOfZeroIsRefused() {
        assertThatThrownBy(() -> new SeverityMatrix.Targets(Duration.ZERO, null, false, null))
                .hasMessageContaining("responseTarget");
    }

    @Test
    void anUnacknowledgedSev2IsOverdueForAResponseAtFifteenMinutesNotBefore() {
        WatchedIncident incident = watched(Severity.SEV2, IncidentStatus.TRIGGERED, null, null);

        assertThat(incident.overdueAt(OPENED.plus(Duration.ofMinutes(14)).plusSeconds(59), MATRIX)).isEmpty();
        assertThat(incident.overdueAt(OPENED.plus(Duration.ofMinutes(15)), MATRIX))
                .containsExactly(new Overdue(Kind.RESPONSE_OVERDUE, OPENED.plus(Duration.ofMinutes(15))));
    }

    @Test
    void anAcknowledgedIncidentIsNeverOverdueForAResponse() {
        WatchedIncident incident = watched(Severity.SEV1, IncidentStatus.ACKNOWLEDGED, null, OPENED);

        assertThat(incident.overdueAt(OPENED.plus(Duration.ofMinutes(14)), MATRIX)).isEmpty();
    }

    @Test
    void anUpdateIsDueEveryCadenceAfterTheLastOneAndOnlyTheLatestDueTimeIsGiven() {
        Instant note = OPENED.plus(Duration.ofMinutes(7));
        WatchedIncident incident = watched(Severity.SEV1, IncidentStatus.INVESTIGATING, null, note);

        assertThat(incident.overdueAt(note.plus(Duration.ofMinutes(15)).minusSeconds(1), MATRIX)).isEmpty();
        assertThat(incident.overdueAt(note.plus(Duration.ofMinutes(15)), MATRIX))
                .containsExactly(new Overdue(Kind.UPDATE_OVERDUE, note.plus(Duration.ofMinutes(15))));
        assertThat(incident.overdueAt(note.plus(Duration.ofMinutes(29)), MATRIX))
                .containsExactly(new Overdue(Kind.UPDATE_OVERDUE, note.plus(Duration.ofMinutes(15))));
        assertThat(incident.overdueAt(note.plus(Duration.ofMinutes(61)), MATRIX))
                .containsExactly(new Overdue(Kind.UPDATE_OVERDUE, note.plus(Duration.ofMinutes(60))));
    }

    @Test
    void aSev1NobodyTakesOnIsOverdueForResponseUpdateAndEscalationWhenItHasAThreshold() {
        WatchedIncident incident = watched(Severity.SEV1, IncidentStatus.TRIGGERED, null, null);
        SeverityMatrix withThreshold = new SeverityMatrix(Map.of(Severity.SEV1, new SeverityMatrix.Targets(
                Duration.ofMinutes(5), Duration.ofMinutes(15), true, Duration.ofMinutes(10))));

        assertThat(incident.overdueAt(OPENED.plus(Duration.ofMinutes(15)), MATRIX)).containsExactly(
                new Overdue(Kind.RESPONSE_OVERDUE, OPENED.plus(Duration.ofMinutes(5))),
                new Overdue(Kind.UPDATE_OVERDUE, OPENED.plus(Duration.ofMinutes(15))));
        assertThat(incident.overdueAt(OPENED.plus(Duration.ofMinutes(15)), withThreshold)).containsExactly(
                new Overdue(Kind.RESPONSE_OVERDUE, OPENED.plus(Duration.ofMinutes(5))),
                new Overdue(Kind.ESCALATION_DUE, OPENED.plus(Duration.ofMinutes(10))),
                new Overdue(Kind.UPDATE_OVERDUE, OPENED.plus(Duration.ofMinutes(15))));
    }

    @Test
    void aReopenedIncidentCountsFromItsReopening() {
        Instant reopened = OPENED.plus(Duration.ofHours(3));
        WatchedIncident incident = watched(Severity.SEV3, IncidentStatus.REOPENED, reopened, OPENED.plusSeconds(60));

        assertThat(incident.overdueAt(reopened.plus(Duration.ofMinutes(29)), MATRIX)).isEmpty();
        assertThat(incident.overdueAt(reopened.plus(Duration.ofMinutes(30)), MATRIX))
                .containsExactly(new Overdue(Kind.RESPONSE_OVERDUE, reopened.plus(Duration.ofMinutes(30))));
    }

    @Test
    void aSev5NeedsNoUpdatesAndAResolvedIncidentNothing() {
        assertThat(watched(Severity.SEV5, IncidentStatus.MONITORING, null, null)
                .overdueAt(OPENED.plus(Duration.ofDays(3)), MATRIX)).isEmpty();
        assertThat(watched(Severity.SEV1, IncidentStatus.RESOLVED, null, null)
                .overdueAt(OPENED.plus(Duration.ofDays(3)), MATRIX)).isEmpty();
    }

    private static WatchedIncident watched(Severity severity, IncidentStatus status, Instant reopened, Instant update) {
        return new WatchedIncident(UUID.randomUUID(), severity, status, OPENED, reopened, update);
    }
}
