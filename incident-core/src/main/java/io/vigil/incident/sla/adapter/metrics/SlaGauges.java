package io.vigil.incident.sla.adapter.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.incident.sla.SlaProperties;
import io.vigil.incident.sla.application.ReportSla;
import io.vigil.incident.sla.application.SlaPolicies;
import io.vigil.incident.sla.domain.Period;
import io.vigil.incident.sla.domain.SlaReport;
import io.vigil.starter.poll.PollingWorker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The SLA gauges, per service configured under {@code vigil.incident.sla.services} or given a policy through
 * the API, over the configured rolling window: {@code vigil_sla_error_budget_remaining_ratio{service}} (1 untouched,
 * 0 spent, negative overspent) and {@code vigil_sla_burn_rate{service,window}}. They are recomputed every
 * {@code metrics-refresh} rather than on scrape, so a scrape never waits for the database.
 */
@Component
class SlaGauges extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(SlaGauges.class);

    static final String BUDGET_REMAINING = "vigil_sla_error_budget_remaining_ratio";
    static final String BURN_RATE = "vigil_sla_burn_rate";

    private record Latest(double remaining, double burnRate) {
    }

    private final MeterRegistry registry;
    private final SlaPolicies policies;
    private final ReportSla reports;
    private final String window;
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();

    SlaGauges(MeterRegistry registry, SlaPolicies policies, ReportSla reports, SlaProperties properties) {
        super("sla-gauges", properties.metricsRefresh());
        this.registry = registry;
        this.policies = policies;
        this.reports = reports;
        this.window = Period.label(properties.window());
    }

    @Override
    protected int processDue() {
        for (String service : policies.services()) {
            SlaReport report;
            try {
                report = reports.forWindow(service, null);
            } catch (RuntimeException e) {
                // One service's failure (the database gone, say) keeps the others' gauges fresh and its last value.
                log.warn("SLA gauges of {} not refreshed; keeping the last values", service, e);
                continue;
            }
            boolean first = latest.put(service, new Latest(report.budgetRemainingRatio(), report.burnRate())) == null;
            if (first) {
                Gauge.builder(BUDGET_REMAINING, latest, values -> values.get(service).remaining())
                        .description("Error budget left over the rolling window, as a fraction of the budget")
                        .tag("service", service).register(registry);
                Gauge.builder(BURN_RATE, latest, values -> values.get(service).burnRate())
                        .description("Error budget burn rate over the rolling window: 1 spends it exactly")
                        .tag("service", service).tag("window", window).register(registry);
            }
        }
        // Nothing is claimed: one pass per tick is all the work there is.
        return 0;
    }
}
