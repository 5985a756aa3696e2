package io.vigil.ingestion.alert.application;

import io.vigil.contracts.AlertSeverity;
import io.vigil.contracts.AlertStatus;
import java.time.Instant;
import java.util.Map;

/** An alert as a door understood it, before Vigil gives it its identity. */
public record NewAlert(
        String integration,
        String service,
        String dedupKey,
        AlertStatus status,
        String summary,
        AlertSeverity severity,
        String source,
        Map<String, String> labels,
        Map<String, String> annotations,
        String groupKey,
        String generatorUrl,
        Instant startsAt,
        Instant endsAt) {
}
