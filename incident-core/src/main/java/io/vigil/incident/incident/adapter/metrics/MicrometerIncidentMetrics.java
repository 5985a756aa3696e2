package io.vigil.incident.incident.adapter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vigil.incident.incident.application.IncidentMetrics;
import io.vigil.incident.incident.application.Incidents;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * incident-core's metrics in Micrometer, exported at {@code /actuator/prometheus}:
 * {@code vigil_incident_time_to_detect_seconds}, {@code vigil_incident_time_to_acknowledge_seconds} and
 * {@code vigil_incident_time_to_resolve_seconds} (histograms by affected {@code service} and {@code severity}), {@code vigil_incident_alerts_total}
 * by {@code outcome}, {@code vigil_incident_commands_total} by {@code command} and {@code outcome},
 * {@code vigil_incident_paging_entries_total} by timeline {@code kind} and whether the {@code incident} was known, and
 * the {@code vigil_incidents_open} gauge. Observations are made after the transaction commits, so a
 * rolled-back change counts nothing.
 */
@Component
class MicrometerIncidentMetrics implements IncidentMetrics {

    private static final Logger log = LoggerFactory.getLogger(MicrometerIncidentMetrics.class);
    private static final Duration SHORTEST = Duration.ofSeconds(1);
    private static final Duration LONGEST = Duration.ofDays(7);

    private final MeterRegistry registry;

    MicrometerIncidentMetrics(MeterRegistry registry, Incidents incidents) {
        this.registry = registry;
        Gauge.builder("vigil_incidents_open", () -> countOpen(incidents))
                .description("Incidents not yet resolved").register(registry);
    }

    @Override
    public void alert(String outcome) {
        afterCommit(() -> Counter.builder("vigil_incident_alerts").description("Alerts by what they did")
                .tag("outcome", outcome).register(registry).increment());
    }

    @Override
    public void detected(String service, String severity, Duration sinceStart) {
        afterCommit(() -> responseTime("vigil_incident_time_to_detect",
                "Time from the condition's start (as the source reports it) to the incident's opening", service,
                severity).record(sinceStart));
    }

    @Override
    public void acknowledged(String service, String severity, Duration sinceOpened) {
        afterCommit(() -> responseTime("vigil_incident_time_to_acknowledge",
                "Time from opening to the first acknowledgement", service, severity).record(sinceOpened));
    }

    @Override
    public void resolved(String service, String severity, Duration sinceOpened) {
        afterCommit(() -> responseTime("vigil_incident_time_to_resolve", "Time from opening to resolution",
                service, severity).record(sinceOpened));
    }

    @Override
    public void command(String type, String outcome) {
        afterCommit(() -> Counter.builder("vigil_incident_commands").description("Incident commands by outcome")
                .tag("command", type).tag("outcome", outcome).register(registry).increment());
    }

    @Override
    public void pagingEntry(String kind, boolean incidentKnown) {
        afterCommit(() -> Counter.builder("vigil_incident_paging_entries")
                .description("Pages, skipped levels, exhausted escalations and notification outcomes on timelines")
                .tag("kind", kind).tag("incident", incidentKnown ? "known" : "not-yet-known").register(registry)
                .increment());
    }

    private Timer responseTime(String name, String description, String service, String severity) {
        return Timer.builder(name).description(description)
                .tag("service", service).tag("severity", severity)
                .publishPercentileHistogram()
                .minimumExpectedValue(SHORTEST).maximumExpectedValue(LONGEST)
                .register(registry);
    }

    private static double countOpen(Incidents incidents) {
        try {
            return incidents.countOpen();
        } catch (RuntimeException e) {
            log.debug("Cannot count open incidents: {}", e.getMessage());
            return Double.NaN;
        }
    }

    private static void afterCommit(Runnable observation) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            observation.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                observation.run();
            }
        });
    }
}
