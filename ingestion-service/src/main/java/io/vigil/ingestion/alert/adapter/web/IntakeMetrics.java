package io.vigil.ingestion.alert.adapter.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * What the doors report to Prometheus: {@code vigil_ingest_events_total{source,outcome}} (one per event, an
 * Alertmanager group counts each of its alerts), {@code vigil_ingest_latency_seconds{source}} (request in to
 * answer out), {@code vigil_ingest_payload_bytes{source}} and
 * {@code vigil_ingest_alertmanager_truncated_alerts_total} (alerts Alertmanager said it left out).
 */
@Component
public class IntakeMetrics {

    /** What became of an event. */
    public enum Outcome {
        ACCEPTED, INVALID, UNAUTHORIZED, RATE_LIMITED, UNAVAILABLE;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Counter truncatedAlerts;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.truncatedAlerts = Counter.builder("vigil.ingest.alertmanager.truncated.alerts")
                .description("Alerts Alertmanager left out of webhook payloads (truncatedAlerts, max_alerts)")
                .register(registry);
    }

    public void events(String source, Outcome outcome, int count) {
        Counter.builder("vigil.ingest.events")
                .description("Events taken in (or refused) by the intake doors")
                .tag("source", source).tag("outcome", outcome.tag())
                .register(registry).increment(count);
    }

    public void latency(String source, Duration duration) {
        Timer.builder("vigil.ingest.latency")
                .description("Time from request to answer at an intake door")
                .tag("source", source)
                .publishPercentileHistogram()
                .register(registry).record(duration);
    }

    public void payload(String source, int bytes) {
        DistributionSummary.builder("vigil.ingest.payload")
                .baseUnit("bytes")
                .description("Size of request bodies at the intake doors")
                .tag("source", source)
                .register(registry).record(bytes);
    }

    public void truncatedAlerts(int count) {
        truncatedAlerts.increment(count);
    }
}
