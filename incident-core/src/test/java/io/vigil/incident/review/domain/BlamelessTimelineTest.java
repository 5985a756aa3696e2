package io.vigil.incident.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.incident.incident.domain.IncidentRole;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlamelessTimelineTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private final Map<String, Set<IncidentRole>> roles = Map.of(
            "alice", EnumSet.of(IncidentRole.INCIDENT_COMMANDER, IncidentRole.RESPONDER),
            "carol", EnumSet.of(IncidentRole.SUBJECT_MATTER_EXPERT));

    @Test
    void peopleAppearByTheirRoleAndEveryoneElseAsAResponder() {
        List<TimelineLine> told = BlamelessTimeline.of(List.of(
                line("acknowledged", "Acknowledged by alice (user via rest): on it", "user", "alice"),
                line("status", "investigating → identified by bob (user via slack): carol found the bad deploy",
                        "user", "bob"),
                line("note", "alice asked carol to roll back; bobby watched", "user", "alice")), roles);

        assertThat(told).extracting(TimelineLine::summary).containsExactly(
                "Acknowledged by the incident commander: on it",
                "investigating → identified by a responder: a subject matter expert found the bad deploy",
                "the incident commander asked a subject matter expert to roll back; bobby watched");
        assertThat(told).extracting(TimelineLine::actor)
                .containsExactly("incident commander", "responder", "incident commander");
        assertThat(told).extracting(TimelineLine::summary).noneMatch(text -> text.contains("alice")
                || text.contains("carol") || text.contains("bob "));
    }

    @Test
    void roleChangesPagesAndDeliveriesAreToldWithoutNames() {
        List<TimelineLine> told = BlamelessTimeline.of(List.of(
                line("role", "alice is incident-commander (by bob (user via rest))", "user", "bob"),
                line("role", "carol is no longer subject-matter-expert (by alice (user via rest))", "user", "alice"),
                line("paged", "Paged dave (level 1, round 1)", "system", "escalation-service"),
                line("notification-sent", "sms to dave delivered", "system", "notification-service")), roles);

        assertThat(told).extracting(TimelineLine::summary).containsExactly(
                "Someone took the role of incident commander",
                "Someone handed back the role of subject matter expert",
                "Paged the on-call responder (level 1, round 1)",
                "Notification to the on-call responder: sent");
        assertThat(told.get(2).actor()).isEqualTo("escalation-service");
    }

    @Test
    void theAlertSourceAndComponentsStayAsTheyAre() {
        List<TimelineLine> told = BlamelessTimeline.of(List.of(
                line("opened", "Opened by alert HighLatency", null, null),
                line("resolved", "Resolved by incident-core (system via internal)", "system", "incident-core")),
                roles);

        assertThat(told).extracting(TimelineLine::actor).containsExactly("alert source", "incident-core");
        assertThat(told.get(1).summary()).isEqualTo("Resolved by incident-core (system via internal)");
        assertThat(told.getFirst().at()).isEqualTo(AT);
    }

    private static BlamelessTimeline.Line line(String kind, String summary, String actorKind, String actorId) {
        return new BlamelessTimeline.Line(AT, kind, summary, actorKind, actorId);
    }
}
