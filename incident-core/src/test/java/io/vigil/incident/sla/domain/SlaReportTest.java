package io.vigil.incident.sla.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.incident.incident.domain.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SlaReportTest {

    private static final Period NOVEMBER = Period.month(YearMonth.of(2026, 11), ZoneOffset.UTC);
    private static final Instant DECEMBER = Instant.parse("2026-12-05T00:00:00Z");
    private static final SlaPolicy POLICY = policy(99.9);

    private static SlaPolicy policy(double target) {
        Map<Severity, Duration> response = new EnumMap<>(Severity.class);
        Map<Severity, Duration> resolution = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            response.put(severity, Duration.ofMinutes(5L * (severity.ordinal() + 1)));
            resolution.put(severity, Duration.ofHours(1L + severity.ordinal()));
        }
        return new SlaPolicy("checkout", "standard", target, response, resolution);
    }

    private static Downtime down(String start, long minutes) {
        Instant from = Instant.parse(start);
        return new Downtime(UUID.randomUUID(), 1, from, from.plus(Duration.ofMinutes(minutes)));
    }

    private static SlaReport november(List<Downtime> downtime, List<IncidentTimes> incidents, Instant now) {
        return SlaReport.compute(POLICY, CreditTable.defaults(), NOVEMBER, now, downtime, incidents);
    }

    @Test
    void aMonthWithoutDowntimeIsFullyAvailableAndOwesNothing() {
        SlaReport report = november(List.of(), List.of(), DECEMBER);

        assertThat(report.availabilityPercent()).isEqualTo(100.0);
        assertThat(report.budget().leftPercent()).isEqualTo(100.0);
        assertThat(report.burnRate()).isZero();
        assertThat(report.creditPercent()).isZero();
        assertThat(report.inProgress()).isFalse();
    }

    @Test
    void availabilityBudgetAndBurnRateOfAFinishedMonth() {
        // November: 30 × 1440 = 43 200 min; 99.9 % allows 0.1 % = 43.2 min.
        // Down 21.6 min: availability 1 − 21.6 / 43 200 = 99.95 %; half the budget spent; burn rate 0.5.
        SlaReport report = november(List.of(down("2026-11-03T10:00:00Z", 20),
                new Downtime(UUID.randomUUID(), 2, Instant.parse("2026-11-20T10:00:00Z"),
                        Instant.parse("2026-11-20T10:01:36Z"))), List.of(), DECEMBER);

        assertThat(report.downtimeMinutes()).isCloseTo(21.6, within(1e-9));
        assertThat(report.availabilityPercent()).isCloseTo(99.95, within(1e-9));
        assertThat(report.budget().totalMinutes()).isCloseTo(43.2, within(1e-9));
        assertThat(report.budget().spentMinutes()).isCloseTo(21.6, within(1e-9));
        assertThat(report.budget().leftMinutes()).isCloseTo(21.6, within(1e-9));
        assertThat(report.budget().spentPercent()).isCloseTo(50.0, within(1e-9));
        assertThat(report.budgetRemainingRatio()).isCloseTo(0.5, within(1e-9));
        assertThat(report.burnRate()).isCloseTo(0.5, within(1e-9));
        assertThat(report.creditPercent()).isZero();
    }

    @Test
    void overlappingImpactsCountOnce() {
        // 10:00–10:40 and 10:30–11:00 cover 60 min, not 70.
        SlaReport report = november(List.of(down("2026-11-03T10:00:00Z", 40), down("2026-11-03T10:30:00Z", 30)),
                List.of(), DECEMBER);

        assertThat(report.downtimeMinutes()).isCloseTo(60, within(1e-9));
        assertThat(report.impacts()).extracting(SlaReport.Impact::minutesInPeriod).containsExactly(40.0, 30.0);
    }

    @Test
    void impactCrossingTheMonthsEdgeCountsOnlyItsPartInside() {
        // 23:30 on 31 Oct to 00:45 on 1 Nov: 45 min in November.
        SlaReport report = november(List.of(down("2026-10-31T23:30:00Z", 75)), List.of(), DECEMBER);

        assertThat(report.downtimeMinutes()).isCloseTo(45, within(1e-9));
    }

    @Test
    void anOngoingImpactCountsUntilNowAndAMonthInProgressIsMeasuredUpToNow() {
        // Now is 11 Nov 00:00: 10 days = 14 400 min elapsed. The impact started at 23:00 on 10 Nov, still going:
        // 60 min down. Availability 1 − 60 / 14 400 = 99.5833 %; budget is the whole month's 43.2 min,
        // 60 spent, −16.8 left. Burn rate (60 / 14 400) / 0.001 = 4.1667. Credit: 99.58 < 99.9 → 10 %.
        Instant now = Instant.parse("2026-11-11T00:00:00Z");
        Downtime ongoing = new Downtime(UUID.randomUUID(), 7, Instant.parse("2026-11-10T23:00:00Z"), null);

        SlaReport report = november(List.of(ongoing), List.of(), now);

        assertThat(report.inProgress()).isTrue();
        assertThat(report.measuredUntil()).isEqualTo(now);
        assertThat(report.downtimeMinutes()).isCloseTo(60, within(1e-9));
        assertThat(report.availabilityPercent()).isCloseTo(100 * (1 - 60 / 14_400.0), within(1e-9));
        assertThat(report.budget().leftMinutes()).isCloseTo(-16.8, within(1e-9));
        assertThat(report.burnRate()).isCloseTo(60 / 14_400.0 / 0.001, within(1e-9));
        assertThat(report.impacts().getFirst().ongoing()).isTrue();
        assertThat(report.creditPercent()).isEqualTo(10);
    }

    @Test
    void burnRateOfARollingWindowIsTheErrorRateOverTheAllowedRate() {
        // 30 days at 99.9 %: 43.2 min allowed. 4.32 min down is a tenth of it over the full window: burn rate 0.1.
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        Period window = Period.rolling(Duration.ofDays(30), now);
        Downtime down = new Downtime(UUID.randomUUID(), 3, now.minus(Duration.ofHours(1)),
                now.minus(Duration.ofHours(1)).plusMillis(259_200));

        SlaReport report = SlaReport.compute(POLICY, CreditTable.defaults(), window, now, List.of(down), List.of());

        assertThat(window.label()).isEqualTo("30d");
        assertThat(report.inProgress()).isFalse();
        assertThat(report.burnRate()).isCloseTo(0.1, within(1e-9));
        assertThat(report.budgetRemainingRatio()).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void creditFollowsTheTableForTheAvailability() {
        // 43 200 min at 98.5 % available is 648 min down: below 99.0 → 25 %.
        SlaReport report = november(List.of(down("2026-11-03T00:00:00Z", 648)), List.of(), DECEMBER);

        assertThat(report.availabilityPercent()).isCloseTo(98.5, within(1e-9));
        assertThat(report.creditPercent()).isEqualTo(25);
    }

    @Test
    void slowAcknowledgementAndResolutionAreBreachesOfTheirSeverity() {
        // SEV1 targets here: respond in 5 min, resolve in 60. SEV2: 10 min and 120.
        Instant opened = Instant.parse("2026-11-05T08:00:00Z");
        IncidentTimes slow = new IncidentTimes(UUID.randomUUID(), 11, "checkout", Severity.SEV1, opened,
                opened.plus(Duration.ofMinutes(12)), opened.plus(Duration.ofMinutes(70)));
        IncidentTimes fine = new IncidentTimes(UUID.randomUUID(), 12, "checkout", Severity.SEV1, opened,
                opened.plus(Duration.ofMinutes(5)), opened.plus(Duration.ofMinutes(60)));
        IncidentTimes octoberOne = new IncidentTimes(UUID.randomUUID(), 10, "checkout", Severity.SEV1,
                Instant.parse("2026-10-30T08:00:00Z"), Instant.parse("2026-10-30T09:00:00Z"), null);

        SlaReport report = november(List.of(), List.of(slow, fine, octoberOne), DECEMBER);

        SlaReport.SeverityBreaches sev1 = report.breaches().getFirst();
        assertThat(sev1.severity()).isEqualTo(Severity.SEV1);
        assertThat(sev1.incidents()).isEqualTo(2);
        assertThat(sev1.response()).containsExactly(new SlaReport.Breach(slow.id(), 11, 5, 12, false));
        assertThat(sev1.resolution()).containsExactly(new SlaReport.Breach(slow.id(), 11, 60, 70, false));
        assertThat(report.breaches().get(1).response()).isEmpty();
    }

    @Test
    void anIncidentStillWaitingPastItsTargetIsAnOngoingBreach() {
        // SEV2: respond in 10 min, resolve in 120. Opened 30 min ago, nobody acknowledged yet.
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        IncidentTimes waiting = new IncidentTimes(UUID.randomUUID(), 21, "checkout", Severity.SEV2,
                now.minus(Duration.ofMinutes(30)), null, null);

        SlaReport report = november(List.of(), List.of(waiting), now);

        SlaReport.SeverityBreaches sev2 = report.breaches().get(1);
        assertThat(sev2.response()).containsExactly(new SlaReport.Breach(waiting.id(), 21, 10, 30, true));
        assertThat(sev2.resolution()).isEmpty();
    }
}
