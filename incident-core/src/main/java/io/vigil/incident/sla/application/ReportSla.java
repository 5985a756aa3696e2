package io.vigil.incident.sla.application;

import io.vigil.incident.sla.SlaProperties;
import io.vigil.incident.sla.domain.CreditTable;
import io.vigil.incident.sla.domain.Period;
import io.vigil.incident.sla.domain.SlaReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A service's SLA report for a calendar month or a rolling window ending now. */
@Service
public class ReportSla {

    private final SlaPolicies policies;
    private final Impacts impacts;
    private final ServiceIncidents incidents;
    private final SlaProperties properties;
    private final CreditTable credits;
    private final Clock clock;

    public ReportSla(SlaPolicies policies, Impacts impacts, ServiceIncidents incidents, SlaProperties properties,
            Clock clock) {
        this.policies = policies;
        this.impacts = impacts;
        this.incidents = incidents;
        this.properties = properties;
        this.credits = properties.creditTable();
        this.clock = clock;
    }

    /** The month, in the configured zone; a month in progress is computed up to now. */
    @Transactional(readOnly = true)
    public SlaReport forMonth(String service, YearMonth month) {
        return over(service, Period.month(month, properties.zone()), clock.instant());
    }

    /** The {@code window} ending now; the configured window when {@code null}. */
    @Transactional(readOnly = true)
    public SlaReport forWindow(String service, Duration window) {
        Instant now = clock.instant();
        return over(service, Period.rolling(window == null ? properties.window() : window, now), now);
    }

    /** Whether the month has started, so a report can say something about it. */
    public boolean hasStarted(YearMonth month) {
        return Period.month(month, properties.zone()).from().isBefore(clock.instant());
    }

    private SlaReport over(String service, Period period, Instant now) {
        Instant until = now.isBefore(period.to()) ? now : period.to();
        return SlaReport.compute(policies.of(service).policy(), credits, period, now,
                impacts.customerImpactOf(service, period.from(), until),
                incidents.openedIn(service, period.from(), until));
    }
}
