package io.vigil.starter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings every Vigil service shares, under {@code vigil.platform}.
 *
 * @param outbox how the outbox relay publishes to Kafka
 * @param kafka  topics and consumer error handling
 */
@ConfigurationProperties("vigil.platform")
@Validated
public record VigilPlatformProperties(@Valid @DefaultValue Outbox outbox, @Valid @DefaultValue Kafka kafka) {

    /**
     * @param pollInterval how often the relay looks for unpublished events when nothing woke it
     * @param batchSize    most events published in one relay transaction
     * @param sendTimeout  how long the relay waits for Kafka to acknowledge a batch before trying again
     */
    public record Outbox(
            @NotNull @DefaultValue("200ms") Duration pollInterval,
            @Min(1) @DefaultValue("500") int batchSize,
            @NotNull @DefaultValue("30s") Duration sendTimeout) {
    }

    /**
     * @param partitions        partitions of each topic Vigil creates when it is missing
     * @param replicationFactor replicas of each topic Vigil creates when it is missing
     * @param retryAttempts     redeliveries of a failing record before it goes to the dead-letter topic
     * @param retryInterval     pause between those redeliveries
     * @param healthTimeout     how long the Kafka health check waits for the cluster to answer
     * @param databaseRetry     how often a consumer tries a record again while Postgres is unreachable; it holds
     *                          the record (and its partition) until the database answers, never dead-letters it
     */
    public record Kafka(
            @Min(1) @DefaultValue("3") int partitions,
            @Min(1) @DefaultValue("1") short replicationFactor,
            @Min(0) @DefaultValue("3") int retryAttempts,
            @NotNull @DefaultValue("500ms") Duration retryInterval,
            @NotNull @DefaultValue("2s") Duration healthTimeout,
            @NotNull @DefaultValue("1s") Duration databaseRetry) {
    }
}
