package io.vigil.ingestion.pagerduty.adapter.web;

import io.vigil.contracts.AlertSeverity;
import io.vigil.contracts.Image;
import io.vigil.contracts.Link;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A valid PagerDuty Events API v2 request, as {@link PagerDutyEventParser} read it. */
sealed interface PagerDutyEvent {

    String routingKey();

    /** {@code event_action: trigger}; {@code dedupKey} is {@code null} when the client sent none. */
    record Trigger(String routingKey, String dedupKey, String summary, String source, AlertSeverity severity,
            Instant timestamp, String component, String group, String eventClass, Map<String, Object> customDetails,
            List<Image> images, List<Link> links, String client, String clientUrl) implements PagerDutyEvent {
    }

    /** {@code event_action: acknowledge}. */
    record Acknowledge(String routingKey, String dedupKey) implements PagerDutyEvent {
    }

    /** {@code event_action: resolve}. */
    record Resolve(String routingKey, String dedupKey) implements PagerDutyEvent {
    }

    /** A change event, {@code POST /v2/change/enqueue}. */
    record Change(String routingKey, String summary, String source, Instant timestamp,
            Map<String, Object> customDetails, List<Link> links) implements PagerDutyEvent {
    }
}
