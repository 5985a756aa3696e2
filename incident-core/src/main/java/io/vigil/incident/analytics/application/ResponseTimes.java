package io.vigil.incident.analytics.application;

import java.time.Instant;

/** Long-range response-time figures, computed by the database over the {@code incident_response_times} view. */
public interface ResponseTimes {

    /**
     * Which incidents to summarise.
     *
     * @param from     opened at or after
     * @param to       opened before
     * @param service  only this service, or {@code null}
     * @param severity only this severity ({@code SEV1}…), or {@code null}
     */
    record Window(Instant from, Instant to, String service, String severity) {
    }

    /**
     * Figures over the incidents that reached the step (acknowledged or resolved); all in seconds,
     * {@code null} when none did.
     *
     * @param count how many incidents reached the step
     */
    record Figures(long count, Double mean, Double p50, Double p90, Double p95) {
    }

    /**
     * @param incidents incidents opened in the window
     * @param mtta      time to acknowledge
     * @param mttr      time to resolve
     */
    record Report(Instant from, Instant to, String service, String severity, long incidents, Figures mtta,
            Figures mttr) {
    }

    Report over(Window window);
}
