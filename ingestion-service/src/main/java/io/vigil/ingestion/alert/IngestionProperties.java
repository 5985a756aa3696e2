package io.vigil.ingestion.alert;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * ingestion-service settings, under {@code vigil.ingestion}.
 *
 * @param publishTimeout longest wait for Kafka to acknowledge an event before answering 503
 * @param retryAfter     what the 503 answer tells the client to wait before sending again
 * @param maxBodySize    largest request body a door takes (PagerDuty's limit: 512 KB); larger ones get 413
 */
@ConfigurationProperties("vigil.ingestion")
@Validated
public record IngestionProperties(
        @NotNull @DefaultValue("4s") Duration publishTimeout,
        @NotNull @DefaultValue("5s") Duration retryAfter,
        @NotNull @DefaultValue("512KB") DataSize maxBodySize) {
}
