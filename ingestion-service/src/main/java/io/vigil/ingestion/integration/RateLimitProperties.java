package io.vigil.ingestion.integration;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-integration intake rate limit, under {@code vigil.ingestion.rate-limit}. Counted in Redis per
 * integration and calendar minute, so every replica shares the budget. When Redis cannot be reached, events
 * are let through (an alert is worth more than the limit) and {@code vigil_ingest_ratelimit_unavailable_total}
 * counts how many.
 *
 * @param eventsPerMinute events one integration may send per minute (an Alertmanager group counts each alert)
 */
@ConfigurationProperties("vigil.ingestion.rate-limit")
@Validated
public record RateLimitProperties(@Min(1) @DefaultValue("10000") int eventsPerMinute) {
}
