package io.vigil.incident.incident.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.contracts.Actor;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IncidentLifecycleTest {

    private static final Instant OPENED = Instant.parse("2026-03-08T07:00:00Z");
    private static final Actor ALICE = new Actor("user", "alice", "rest");

    private final Incident triggered = Incident.openFor(UUID.randomUUID(),
            new AlertSignal(UUID.randomUUID(), "generic", "checkout", "v1:abc", true, "p99 high", "critical", OPENED),
            OPENED);

    @Test
    void acknowledgingATriggeredIncidentRecordsTheTimeAndOneChange() {
        Outcome outcome = triggered.moveTo(IncidentStatus.ACKNOWLEDGED, ALICE, "on it", OPENED.plusSeconds(90));

        assertThat(outcome.incident().status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(outcome.incident().acknowledgedAt()).isEqualTo(OPENED.plusSeconds(90));
        assertThat(outcome.changes()).containsExactly(
                new IncidentChange.Acknowledged(ALICE, "on it", OPENED.plusSeconds(90)));
    }

    @Test
    void investigatingATriggeredIncidentAcknowledgesItToo() {
        Outcome outcome = triggered.moveTo(IncidentStatus.INVESTIGATING, ALICE, null, OPENED.plusSeconds(30));

        assertThat(outcome.incident().acknowledgedAt()).isEqualTo(OPENED.plusSeconds(30));
        assertThat(outcome.changes()).hasSize(2).first().isInstanceOf(IncidentChange.Acknowledged.class);
        assertThat(outcome.changes().get(1)).isEqualTo(new IncidentChange.StatusChanged(IncidentStatus.TRIGGERED,
                IncidentStatus.INVESTIGATING, ALICE, null, OPENED.plusSeconds(30)));
    }

    @Test
    void theWholeWayFromTriggeredToClosed() {
        Incident incident = triggered;
        Instant at = OPENED;
        for (IncidentStatus next : new IncidentStatus[] {IncidentStatus.ACKNOWLEDGED, IncidentStatus.INVESTIGATING,
                IncidentStatus.IDENTIFIED, IncidentStatus.MITIGATING, IncidentStatus.MONITORING,
                IncidentStatus.RESOLVED, IncidentStatus.CLOSED}) {
            at = at.plusSeconds(60);
            incident = incident.moveTo(next, ALICE, null, at).incident();
            assertThat(incident.status()).isEqualTo(next);
        }
        assertThat(incident.acknowledgedAt()).isEqualTo(OPENED.plusSeconds(60));
        assertThat(incident.resolvedAt()).isEqualTo(OPENED.plusSeconds(360));
        assertThat(incident.closedAt()).isEqualTo(OPENED.plusSeconds(420));
        assertThat(incident.isOpen()).isFalse();
    }

    @Test
    void reopeningClearsTheResolutionButKeepsTheFirstAcknowledgement() {
        Incident resolved = triggered.moveTo(IncidentStatus.ACKNOWLEDGED, ALICE, null, OPENED.plusSeconds(10))
                .incident().moveTo(IncidentStatus.RESOLVED, ALICE, null, OPENED.plusSeconds(20)).incident();

        Outcome reopened = resolved.moveTo(IncidentStatus.REOPENED, ALICE, null, OPENED.plusSeconds(30));

        assertThat(reopened.incident().resolvedAt()).isNull();
        assertThat(reopened.incident().isOpen()).isTrue();
        assertThat(reopened.incident().acknowledgedAt()).isEqualTo(OPENED.plusSeconds(10));
        assertThat(reopened.changes()).singleElement().isInstanceOf(IncidentChange.Reopened.class);
    }

    @Test
    void acknowledgingTwiceIsRefusedNamingWhatIsAllowed() {
        Incident acknowledged = triggered.moveTo(IncidentStatus.ACKNOWLEDGED, ALICE, null, OPENED).incident();

        assertThatThrownBy(() -> acknowledged.moveTo(IncidentStatus.ACKNOWLEDGED, ALICE, null, OPENED))
                .isInstanceOfSatisfying(IllegalTransition.class, refused -> {
                    assertThat(refused.current()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
                    assertThat(refused.allowed()).containsExactlyInAnyOrder(IncidentStatus.INVESTIGATING,
                            IncidentStatus.IDENTIFIED, IncidentStatus.MITIGATING, IncidentStatus.MONITORING,
                            IncidentStatus.RESOLVED, IncidentStatus.MERGED);
                })
                .hasMessageContaining("acknowledged cannot become acknowledged");
    }

    @Test
    void closedIsFinal() {
        Incident closed = triggered.moveTo(IncidentStatus.RESOLVED, ALICE, null, OPENED).incident()
                .moveTo(IncidentStatus.CLOSED, ALICE, null, OPENED).incident();

        assertThat(Lifecycle.allowedFrom(IncidentStatus.CLOSED)).isEmpty();
        assertThatThrownBy(() -> closed.moveTo(IncidentStatus.REOPENED, ALICE, null, OPENED))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("nothing, it is final");
        assertThatThrownBy(() -> closed.escalate(ALICE, null, OPENED)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void onlyAResolvedIncidentReopensOrCloses() {
        for (IncidentStatus status : IncidentStatus.values()) {
            boolean allowed = Lifecycle.allows(status, IncidentStatus.REOPENED);
            assertThat(allowed).as(status.label()).isEqualTo(status == IncidentStatus.RESOLVED);
            assertThat(Lifecycle.allows(status, IncidentStatus.CLOSED)).isEqualTo(status == IncidentStatus.RESOLVED);
        }
    }

    @Test
    void triggeredCannotBeReachedAgain() {
        for (IncidentStatus status : IncidentStatus.values()) {
            assertThat(Lifecycle.allows(status, IncidentStatus.TRIGGERED)).as(status.label()).isFalse();
        }
    }

    @Test
    void mergingEndsTheSourceAndGrowsTheTarget() {
        Incident target = Incident.openFor(UUID.randomUUID(), new AlertSignal(UUID.randomUUID(), "generic", "checkout",
                "v1:def", true, "errors", "error", OPENED), OPENED);

        Incident.Merge merge = triggered.mergeInto(target, ALICE, "same outage", OPENED.plusSeconds(5));

        assertThat(merge.source().incident().status()).isEqualTo(IncidentStatus.MERGED);
        assertThat(merge.source().incident().isOpen()).isFalse();
        assertThat(merge.target().incident().alertCount()).isEqualTo(2);
        assertThat(merge.target().changes()).singleElement().isInstanceOf(IncidentChange.Absorbed.class);
        assertThatThrownBy(() -> merge.source().incident().mergeInto(target, ALICE, null, OPENED))
                .isInstanceOf(IllegalTransition.class);
        Incident resolvedTarget = target.moveTo(IncidentStatus.RESOLVED, ALICE, null, OPENED).incident();
        assertThatThrownBy(() -> triggered.mergeInto(resolvedTarget, ALICE, null, OPENED))
                .isInstanceOf(IllegalTransition.class).hasMessageContaining("only an open incident");
    }

    @Test
    void onlyTheIncidentsOwnAlertsOtherThanTheFirstSplitOff() {
        List<String> own = List.of("v1:abc", "v1:second", "v1:third");

        Incident split = triggered.splitOff(UUID.randomUUID(), List.of("v1:third"), own, null, OPENED);

        assertThat(split.fingerprint()).isEqualTo("v1:third");
        assertThat(split.title()).isEqualTo(triggered.title());
        assertThat(split.severity()).isEqualTo(triggered.severity());
        assertThatThrownBy(() -> triggered.splitOff(UUID.randomUUID(), List.of("v1:abc"), own, null,
                OPENED)).isInstanceOf(InvalidSplit.class).hasMessageContaining("stays with it");
        assertThatThrownBy(() -> triggered.splitOff(UUID.randomUUID(), List.of("v1:other"), own, null,
                OPENED)).isInstanceOf(InvalidSplit.class).hasMessageContaining("v1:other");
        Incident resolved = triggered.moveTo(IncidentStatus.RESOLVED, ALICE, null, OPENED).incident();
        assertThatThrownBy(() -> resolved.splitOff(UUID.randomUUID(), List.of("v1:third"), own, null,
                OPENED)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void aCommanderIsReplacedWhileRespondersAddUp() {
        Outcome commander = triggered.assign(IncidentRole.INCIDENT_COMMANDER, "erin", List.of("alice"),
                ALICE, OPENED);
        assertThat(commander.changes()).containsExactly(
                new IncidentChange.RoleReleased(IncidentRole.INCIDENT_COMMANDER, "alice", ALICE, OPENED),
                new IncidentChange.RoleAssigned(IncidentRole.INCIDENT_COMMANDER, "erin", ALICE, OPENED));
        assertThat(triggered.assign(IncidentRole.RESPONDER, "erin", List.of("alice"), ALICE, OPENED)
                .changes()).containsExactly(
                new IncidentChange.RoleAssigned(IncidentRole.RESPONDER, "erin", ALICE, OPENED));
        assertThat(triggered.assign(IncidentRole.SCRIBE, "alice", List.of("alice"), ALICE, OPENED)
                .changes()).isEmpty();
    }

    @Test
    void severityChangeWithTheSameValuesChangesNothing() {
        assertThat(triggered.classify(Severity.SEV2, Urgency.HIGH, ALICE, OPENED).changes()).isEmpty();

        Outcome raised = triggered.classify(Severity.SEV1, null, ALICE, OPENED);
        assertThat(raised.incident().severity()).isEqualTo(Severity.SEV1);
        assertThat(raised.changes()).containsExactly(new IncidentChange.SeverityChanged(Severity.SEV2, Urgency.HIGH,
                Severity.SEV1, Urgency.HIGH, ALICE, OPENED));
    }
}
