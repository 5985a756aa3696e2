package io.vigil.escalation.escalation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.escalation.escalation.domain.EscalationPath.Next;
import io.vigil.escalation.oncall.domain.EscalationPolicy;
import io.vigil.escalation.oncall.domain.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationPathTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    private final EscalationPolicy policy = new EscalationPolicy("p", "p", List.of(
            level(5), level(5), level(5)), 2);

    private static EscalationPolicy.Level level(int minutes) {
        return new EscalationPolicy.Level(Duration.ofMinutes(minutes), List.of(new Target.UserTarget("alice")));
    }

    @Test
    void threeLevelsWithTwoRepeatsPageNineTimesFiveMinutesApartThenExhaust() {
        List<Next> path = new ArrayList<>();
        Next next = EscalationPath.start(T0);
        while (next instanceof Next.Page page) {
            path.add(page);
            next = EscalationPath.after(policy, page.level(), page.round(), page.dueAt(), true);
        }
        path.add(next);
        assertThat(path).containsExactly(
                new Next.Page(1, 1, T0), new Next.Page(2, 1, T0.plusSeconds(300)), new Next.Page(3, 1, T0.plusSeconds(600)),
                new Next.Page(1, 2, T0.plusSeconds(900)), new Next.Page(2, 2, T0.plusSeconds(1200)),
                new Next.Page(3, 2, T0.plusSeconds(1500)), new Next.Page(1, 3, T0.plusSeconds(1800)),
                new Next.Page(2, 3, T0.plusSeconds(2100)), new Next.Page(3, 3, T0.plusSeconds(2400)),
                new Next.Exhaust(T0.plusSeconds(2700)));
    }

    @Test
    void aSkippedLevelHandsOnAtOnce() {
        assertThat(EscalationPath.after(policy, 1, 1, T0, false)).isEqualTo(new Next.Page(2, 1, T0));
        assertThat(EscalationPath.after(policy, 3, 3, T0, false)).isEqualTo(new Next.Exhaust(T0));
    }

    @Test
    void aManualEscalationGoesToTheNextLevelNowEvenPastTheRepeats() {
        assertThat(EscalationPath.escalateNow(policy, 0, 0, T0)).isEqualTo(new Next.Page(1, 1, T0));
        assertThat(EscalationPath.escalateNow(policy, 1, 1, T0)).isEqualTo(new Next.Page(2, 1, T0));
        assertThat(EscalationPath.escalateNow(policy, 3, 3, T0)).isEqualTo(new Next.Page(1, 4, T0));
    }
}
