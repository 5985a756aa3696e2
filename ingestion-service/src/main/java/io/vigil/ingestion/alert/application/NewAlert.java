package io.vigil.ingestion.alert.application;

import io.vigil.contracts.AlertSeverity;
import io.vigil.contracts.AlertStatus;
import java.time.Instant;
import java.util.Map;

/**
 * An alert as a door understood it, before Vigil gives it its identity.
 *
 * @param integration the kind of door: {@code generic}, {@code alertmanager}, {@code pagerduty}...
 * @param context     what else the source attached; {@link AlertContext#NONE} when nothing
 * @param sourceEventId the source's own unique id of this event (a CloudEvent's source and id), or {@code null};
 *                    when given, the alert id derives from it, so a resent event is recognised
 */
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
        Instant endsAt,
        AlertContext context,
        String sourceEventId) {

    /** An alert whose source gives its events no id of their own. */
    public NewAlert(String integration, String service, String dedupKey, AlertStatus status, String summary,
            AlertSeverity severity, String source, Map<String, String> labels, Map<String, String> annotations,
            String groupKey, String generatorUrl, Instant startsAt, Instant endsAt, AlertContext context) {
        this(integration, service, dedupKey, status, summary, severity, source, labels, annotations, groupKey,
                generatorUrl, startsAt, endsAt, context, null);
    }

    public NewAlert {
        labels = labels == null ? Map.of() : labels;
        annotations = annotations == null ? Map.of() : annotations;
        context = context == null ? AlertContext.NONE : context;
    }
}
