package io.vigil.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An alert taken in by ingestion-service, one per alert even when the source sent a group.
 * Published on {@link Topics#ALERTS} keyed by {@link #fingerprint()}.
 *
 * @param alertId      stable id of this alert event: the same request retried gives the same id
 * @param integration  the kind of door it came through: {@code generic}, {@code alertmanager}, {@code pagerduty}...
 * @param service      the service the alert belongs to
 * @param fingerprint  versioned identity of the problem ({@link Fingerprints}); equal fingerprints are one problem
 * @param dedupKey     the source's own dedup key, or {@code null}
 * @param status       firing or resolved
 * @param summary      one line a responder reads first
 * @param severity     the source's severity
 * @param source       the host or system the alert is about, or {@code null}
 * @param labels       identifying labels (never null)
 * @param annotations  descriptive annotations (never null)
 * @param groupKey     the source's grouping key (Alertmanager groupKey), or {@code null}
 * @param generatorUrl where the alert came from (a Prometheus graph...), or {@code null}
 * @param startsAt     when the condition started
 * @param endsAt       when it ended, or {@code null} while firing
 * @param receivedAt   when Vigil accepted it
 * @param customDetails free-form details the source attached (PagerDuty {@code custom_details}: any JSON), or {@code null}
 * @param links        links the source attached, or {@code null}
 * @param images       images the source attached, or {@code null}
 * @param component    the part of the source that is affected (PagerDuty {@code component}), or {@code null}
 * @param group        a logical grouping of components (PagerDuty {@code group}), or {@code null}
 * @param eventClass   the class or type of the event (PagerDuty {@code class}), or {@code null}
 * @param client       name of the monitoring client that sent it (PagerDuty {@code client}), or {@code null}
 * @param clientUrl    link to that client's view of the alert (PagerDuty {@code client_url}), or {@code null}
 * @param truncatedAlerts how many alerts the source dropped from the group this alert came in
 *                     (Alertmanager {@code truncatedAlerts}), or {@code null}
 */
public record AlertReceived(
        UUID alertId,
        String integration,
        String service,
        String fingerprint,
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
        Instant receivedAt,
        Map<String, Object> customDetails,
        List<Link> links,
        List<Image> images,
        String component,
        String group,
        String eventClass,
        String client,
        String clientUrl,
        Integer truncatedAlerts) implements Message {

    /** An alert without the optional context fields added after the first version. */
    public AlertReceived(UUID alertId, String integration, String service, String fingerprint, String dedupKey,
            AlertStatus status, String summary, AlertSeverity severity, String source, Map<String, String> labels,
            Map<String, String> annotations, String groupKey, String generatorUrl, Instant startsAt, Instant endsAt,
            Instant receivedAt) {
        this(alertId, integration, service, fingerprint, dedupKey, status, summary, severity, source, labels,
                annotations, groupKey, generatorUrl, startsAt, endsAt, receivedAt,
                null, null, null, null, null, null, null, null, null);
    }

    public AlertReceived {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        links = links == null ? null : List.copyOf(links);
        images = images == null ? null : List.copyOf(images);
    }
}
