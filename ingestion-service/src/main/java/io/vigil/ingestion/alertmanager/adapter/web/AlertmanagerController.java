package io.vigil.ingestion.alertmanager.adapter.web;

import io.vigil.contracts.AlertSeverity;
import io.vigil.contracts.AlertStatus;
import io.vigil.ingestion.alert.IngestionProperties;
import io.vigil.ingestion.alert.adapter.web.IntakeAuthentication;
import io.vigil.ingestion.alert.adapter.web.IntakeBodyFilter;
import io.vigil.ingestion.alert.adapter.web.IntakeMetrics;
import io.vigil.ingestion.alert.application.AcceptAlert;
import io.vigil.ingestion.alert.application.AlertContext;
import io.vigil.ingestion.alert.application.IntakeUnavailable;
import io.vigil.ingestion.alert.application.NewAlert;
import io.vigil.ingestion.integration.domain.Integration;
import io.vigil.ingestion.integration.domain.SourceType;
import io.vigil.starter.web.ServiceUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/integrations/alertmanager}: Alertmanager's webhook receiver. Every alert of the group
 * becomes its own alert with its own status (a {@code firing} group can carry resolved alerts), identified by
 * Alertmanager's fingerprint of its labels and carrying the group key. Alertmanager resends the identical
 * request after a timeout or a 5xx; since each alert's id derives from its fingerprint, status and start, the
 * resend repeats the same ids and incident-core takes them once.
 */
@RestController
class AlertmanagerController {

    static final String INTEGRATION = "alertmanager";
    private static final int MAX_SUMMARY = 1024;

    private final AcceptAlert acceptAlert;
    private final IntakeAuthentication authentication;
    private final IntakeMetrics metrics;
    private final IngestionProperties properties;

    AlertmanagerController(AcceptAlert acceptAlert, IntakeAuthentication authentication, IntakeMetrics metrics,
            IngestionProperties properties) {
        this.acceptAlert = acceptAlert;
        this.authentication = authentication;
        this.metrics = metrics;
        this.properties = properties;
    }

    /** The answer: what each alert of the group became, in the order they came. */
    record AcceptedGroup(String status, List<AcceptedAlert> alerts) {
    }

    record AcceptedAlert(UUID alertId, String fingerprint, String status) {
    }

    @PostMapping("/api/v1/integrations/alertmanager")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedGroup receive(@Valid @RequestBody AlertmanagerWebhook webhook, HttpServletRequest http,
            @RequestHeader(name = "traceparent", required = false) String traceparent) {
        Integration integration = authentication.admit(http, SourceType.ALERTMANAGER, webhook.alerts().size());
        int truncated = webhook.truncatedAlerts() == null ? 0 : webhook.truncatedAlerts();
        List<NewAlert> alerts = webhook.alerts().stream()
                .map(alert -> toNewAlert(alert, webhook, integration.service(), truncated))
                .toList();
        http.setAttribute(IntakeBodyFilter.EVENT_COUNT, alerts.size());
        try {
            List<AcceptAlert.Accepted> accepted = acceptAlert.acceptAll(alerts, traceparent);
            if (truncated > 0) {
                metrics.truncatedAlerts(truncated);
            }
            return new AcceptedGroup("accepted", java.util.stream.IntStream.range(0, accepted.size())
                    .mapToObj(i -> new AcceptedAlert(accepted.get(i).alertId(), accepted.get(i).fingerprint(),
                            alerts.get(i).status().name().toLowerCase(Locale.ROOT)))
                    .toList());
        } catch (IntakeUnavailable e) {
            throw new ServiceUnavailable("Vigil cannot store alerts right now; send this group again.",
                    properties.retryAfter(), e);
        }
    }

    private static NewAlert toNewAlert(AlertmanagerWebhook.Alert alert, AlertmanagerWebhook webhook, String service,
            int truncated) {
        Map<String, String> labels = alert.labels();
        Map<String, String> annotations = alert.annotations() == null ? Map.of() : alert.annotations();
        String dedupKey = alert.fingerprint() == null || alert.fingerprint().isBlank() ? null : alert.fingerprint();
        return new NewAlert(INTEGRATION, service, dedupKey,
                AlertStatus.valueOf(alert.status().toUpperCase(Locale.ROOT)),
                summaryOf(labels, annotations), severityOf(labels.get("severity")), labels.get("instance"),
                labels, annotations, webhook.groupKey(), alert.generatorUrl(), alert.startsAt(),
                endOf(alert.endsAt()), AlertContext.truncated(truncated));
    }

    static String summaryOf(Map<String, String> labels, Map<String, String> annotations) {
        String summary = firstPresent(annotations.get("summary"), annotations.get("description"),
                labels.get("alertname"), "Alertmanager alert");
        return summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY - 1) + "…";
    }

    /** Prometheus rules use their own words for severity; unknown ones count as errors, like Alertmanager's PagerDuty default. */
    static AlertSeverity severityOf(String label) {
        if (label == null) {
            return AlertSeverity.ERROR;
        }
        return switch (label.trim().toLowerCase(Locale.ROOT)) {
            case "critical", "page", "fatal", "emergency", "alert" -> AlertSeverity.CRITICAL;
            case "warning", "warn" -> AlertSeverity.WARNING;
            case "info", "informational", "notice", "low", "none" -> AlertSeverity.INFO;
            default -> AlertSeverity.ERROR;
        };
    }

    /** Alertmanager writes {@code 0001-01-01T00:00:00Z} for "not ended yet". */
    private static Instant endOf(Instant endsAt) {
        return endsAt == null || endsAt.isBefore(Instant.EPOCH) ? null : endsAt;
    }

    private static String firstPresent(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.trim();
            }
        }
        return null;
    }
}
