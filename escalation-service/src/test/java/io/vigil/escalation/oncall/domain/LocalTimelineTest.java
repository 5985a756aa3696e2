package io.vigil.escalation.oncall.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocalTimelineTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aTimeInTheSkippedHourHappensWhenTheGapEnds() {
        assertThat(LocalTimeline.instant(LocalDateTime.parse("2026-03-08T02:30"), NEW_YORK))
                .isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
    }

    @Test
    void aTimeInTheRepeatedHourHappensAtItsFirstOccurrence() {
        assertThat(LocalTimeline.instant(LocalDateTime.parse("2026-11-01T01:30"), NEW_YORK))
                .isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
    }

    @Test
    void anOrdinaryTimeHasItsOnlyOffset() {
        assertThat(LocalTimeline.instant(LocalDateTime.parse("2026-07-01T09:00"), NEW_YORK))
                .isEqualTo(Instant.parse("2026-07-01T13:00:00Z"));
    }
}
