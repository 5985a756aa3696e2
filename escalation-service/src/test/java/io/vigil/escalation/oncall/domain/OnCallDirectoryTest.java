package io.vigil.escalation.oncall.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnCallDirectoryTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant NOON = Instant.parse("2026-06-01T12:00:00Z");

    private final Map<String, User> users = OnCallDirectory.byId(List.of(
            new User("alice", "Alice", "alice@example.com", UTC, "U1"),
            new User("bob", "Bob", "bob@example.com", UTC, "U2"),
            new User("carol", "Carol", "carol@example.com", UTC, null)), User::id);
    private final Team team = new Team("ops", "Ops", List.of(new Team.Member("alice", "lead"),
            new Team.Member("bob", "responder"), new Team.Member("carol", "responder")));
    private final Schedule day = new Schedule("day", "Day", UTC, List.of(new Layer("l", Rotation.daily(),
            LocalDate.parse("2026-06-01"), LocalTime.of(9, 0), List.of("bob"), List.of())), List.of());
    private final Schedule empty = new Schedule("empty", "Empty", UTC, List.of(), List.of());
    private final OnCallDirectory directory = new OnCallDirectory(users, Map.of("ops", team),
            Map.of("day", day, "empty", empty), Map.of(), Map.of(), OnCallDirectory.LowUrgency.FIRST_LEVEL);

    private static EscalationPolicy.Level level(Target... targets) {
        return new EscalationPolicy.Level(Duration.ofMinutes(5), List.of(targets));
    }

    @Test
    void aLevelPagesEachPersonOnceInTheOrderOfItsTargets() {
        List<Page> pages = directory.pages(level(new Target.ScheduleTarget("day"), new Target.UserTarget("alice"),
                new Target.TeamTarget("ops", Target.TeamMode.ALL)), NOON, 0);
        assertThat(pages).extracting(p -> p.user().id() + "/" + p.reason())
                .containsExactly("bob/schedule:day", "alice/user", "carol/team:ops");
    }

    @Test
    void roundRobinPagesOneMemberMovingOnWithTheTurn() {
        Target target = new Target.TeamTarget("ops", Target.TeamMode.ROUND_ROBIN);
        assertThat(List.of(0, 1, 2, 3)).extracting(turn -> directory.pages(level(target), NOON, turn).getFirst().user().id())
                .containsExactly("alice", "bob", "carol", "alice");
    }

    @Test
    void aScheduleWithNobodyOnCallPagesNobody() {
        assertThat(directory.pages(level(new Target.ScheduleTarget("empty")), NOON, 0)).isEmpty();
        assertThat(directory.pages(level(new Target.ScheduleTarget("day")), Instant.parse("2026-06-01T08:00:00Z"), 0))
                .isEmpty();
    }
}
