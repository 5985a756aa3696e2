package io.vigil.ingestion.heartbeat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    private final Heartbeat first = Heartbeat.first(UUID.randomUUID(), "backup", "db", Duration.ofMinutes(5),
            Duration.ofMinutes(1), T0);

    @Test
    void monitorIsDueOneIntervalPlusGraceAfterItsBeat() {
        assertThat(first.dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(6)));
        assertThat(first.isOverdueAt(T0.plus(Duration.ofMinutes(6)).minusMillis(1))).isFalse();
        assertThat(first.isOverdueAt(T0.plus(Duration.ofMinutes(6)))).isTrue();
    }

    @Test
    void missedMonitorIsNotOverdueAgainUntilItBeats() {
        Instant late = T0.plus(Duration.ofMinutes(7));
        Heartbeat missed = first.missed(late);

        assertThat(missed.isOverdueAt(late.plus(Duration.ofHours(1)))).isFalse();
        Heartbeat.Beat beat = missed.beat(late.plus(Duration.ofMinutes(1)), null, null);
        assertThat(beat.recovered()).isTrue();
        assertThat(beat.recoveredFrom()).isEqualTo(late);
        assertThat(beat.heartbeat().overdueSince()).isNull();
    }

    @Test
    void beatKeepsTheIntervalUnlessItGivesANewOne() {
        Heartbeat.Beat kept = first.beat(T0.plus(Duration.ofMinutes(5)), null, null);
        Heartbeat.Beat changed = first.beat(T0.plus(Duration.ofMinutes(5)), Duration.ofHours(1), Duration.ZERO);

        assertThat(kept.recovered()).isFalse();
        assertThat(kept.heartbeat().dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(11)));
        assertThat(changed.heartbeat().dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(65)));
    }
}
