package io.vigil.incident.sla.domain;

import io.vigil.incident.incident.domain.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A service's SLA over a period, as far as the period has run.
 *
 * <p>Definitions (docs/sla-and-error-budgets.md has them with examples):
 * <ul>
 * <li>downtime: the time inside the period covered by at least one customer-impacting incident; overlapping
 * impacts count once, an ongoing one counts until now;</li>
 * <li>availability: 100 × (1 − downtime / elapsed), elapsed being the period up to now;</li>
 * <li>error budget total: the downtime the target allows over the whole period, (1 − target) × period length;
 * spent: the downtime; left: total − spent (negative once overspent);</li>
 * <li>burn rate: the budget's spent fraction divided by the period's elapsed fraction, which equals the
 * observed downtime rate divided by the allowed one: 1 spends the budget exactly by the period's end, 14.4
 * spends a 30-day budget in two days;</li>
 * <li>breaches: incidents opened in the period whose time to acknowledge (or to resolve) exceeds the target of
 * their severity; an incident still waiting past its target is a breach already, marked ongoing;</li>
 * <li>credit: from the credit table for the availability.</li>
 * </ul>
 *
 * @param measuredUntil   the end of the period, or now while the period is in progress
 * @param inProgress      the period has not ended: the figures are up to {@code measuredUntil}
 * @param downtimeMinutes minutes of downtime in the period, overlaps counted once
 * @param impacts         the customer-impacting incidents that fall into the period
 * @param breaches        per severity, the targets and the incidents that missed them
 * @param creditPercent   service credit owed, in percent
 */
public record SlaReport(String service, Period period, Instant measuredUntil, boolean inProgress, SlaPolicy policy,
        double availabilityPercent, double downtimeMinutes, ErrorBudget budget, double burnRate,
        List<Impact> impacts, List<SeverityBreaches> breaches, double creditPercent) {

    /** Minutes allowed, spent and left, and the same in percent of the total. */
    public record ErrorBudget(double totalMinutes, double spentMinutes, double leftMinutes, double spentPercent,
            double leftPercent) {
    }

    /**
     * One incident's customer impact.
     *
     * @param end             {@code null} while ongoing
     * @param minutesInPeriod its own minutes inside the period (before overlaps are removed)
     */
    public record Impact(UUID incidentId, long number, Instant start, Instant end, boolean ongoing,
            double minutesInPeriod) {
    }

    /**
     * One missed target.
     *
     * @param actualMinutes time to acknowledge (or resolve), or the time waited so far when ongoing
     */
    public record Breach(UUID incidentId, long number, double targetMinutes, double actualMinutes,
            boolean ongoing) {
    }

    /** A severity's targets, how many of the period's incidents had it, and which missed which target. */
    public record SeverityBreaches(Severity severity, int incidents, double responseTargetMinutes,
            double resolutionTargetMinutes, List<Breach> response, List<Breach> resolution) {
    }

    /**
     * Computes the report.
     *
     * @param downtime  customer impacts that may touch the period (others are ignored)
     * @param incidents the service's incidents; those opened in the period are checked against the targets
     */
    public static SlaReport compute(SlaPolicy policy, CreditTable credits, Period period, Instant now,
            List<Downtime> downtime, List<IncidentTimes> incidents) {
        Instant until = now.isBefore(period.to()) ? now : period.to();
        if (until.isBefore(period.from())) {
            until = period.from();
        }
        List<Impact> impacts = new ArrayList<>();
        List<Interval> inPeriod = new ArrayList<>();
        for (Downtime impact : downtime.stream().sorted(Comparator.comparing(Downtime::start)).toList()) {
            var clipped = impact.until(now).clip(period.from(), until);
            if (clipped.isPresent()) {
                inPeriod.add(clipped.get());
                impacts.add(new Impact(impact.incidentId(), impact.number(), impact.start(), impact.end(),
                        impact.end() == null || impact.end().isAfter(now), minutes(clipped.get().length())));
            }
        }
        double down = minutes(Interval.covered(inPeriod));
        double elapsed = minutes(Duration.between(period.from(), until));
        double availability = elapsed == 0 ? 100.0 : 100.0 * (1 - down / elapsed);
        double total = minutes(period.length()) * policy.allowedDowntimeFraction();
        double spentPercent = 100.0 * down / total;
        ErrorBudget budget = new ErrorBudget(total, down, total - down, spentPercent, 100.0 - spentPercent);
        double burnRate = elapsed == 0 ? 0 : (down / elapsed) / policy.allowedDowntimeFraction();
        Instant from = period.from();
        Instant to = until;
        List<IncidentTimes> opened = incidents.stream()
                .filter(incident -> !incident.openedAt().isBefore(from) && incident.openedAt().isBefore(to))
                .sorted(Comparator.comparing(IncidentTimes::openedAt)).toList();
        List<SeverityBreaches> breaches = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            Duration response = policy.responseTargets().get(severity);
            Duration resolution = policy.resolutionTargets().get(severity);
            List<IncidentTimes> ofSeverity = opened.stream().filter(i -> i.severity() == severity).toList();
            List<Breach> late = new ArrayList<>();
            List<Breach> unresolved = new ArrayList<>();
            for (IncidentTimes incident : ofSeverity) {
                Instant responded = incident.acknowledgedAt() != null ? incident.acknowledgedAt()
                        : incident.resolvedAt();
                breach(incident, response, responded, now).ifPresent(late::add);
                breach(incident, resolution, incident.resolvedAt(), now).ifPresent(unresolved::add);
            }
            breaches.add(new SeverityBreaches(severity, ofSeverity.size(), minutes(response), minutes(resolution),
                    List.copyOf(late), List.copyOf(unresolved)));
        }
        return new SlaReport(policy.service(), period, until, until.isBefore(period.to()), policy, availability,
                down, budget, burnRate, List.copyOf(impacts), List.copyOf(breaches),
                credits.creditFor(availability));
    }

    /** Breaches of response targets, all severities. */
    public List<Breach> responseBreaches() {
        return breaches.stream().flatMap(severity -> severity.response().stream()).toList();
    }

    /** Breaches of resolution targets, all severities. */
    public List<Breach> resolutionBreaches() {
        return breaches.stream().flatMap(severity -> severity.resolution().stream()).toList();
    }

    /** Remaining budget as a fraction of the total: 1 untouched, 0 spent, negative overspent. */
    public double budgetRemainingRatio() {
        return budget.leftPercent() / 100.0;
    }

    private static java.util.Optional<Breach> breach(IncidentTimes incident, Duration target, Instant reached,
            Instant now) {
        boolean ongoing = reached == null || reached.isAfter(now);
        Duration took = Duration.between(incident.openedAt(), ongoing ? now : reached);
        return took.compareTo(target) > 0
                ? java.util.Optional.of(new Breach(incident.id(), incident.number(), minutes(target), minutes(took),
                        ongoing))
                : java.util.Optional.empty();
    }

    static double minutes(Duration duration) {
        return duration.toMillis() / 60_000.0;
    }
}
