package io.vigil.ingestion.heartbeat;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Heartbeat monitors, under {@code vigil.ingestion.heartbeats}.
 *
 * @param defaultInterval how often a monitor expects a beat when its beats do not say ({@code ?interval=})
 * @param defaultGrace    how late a beat may be before the monitor alerts, when beats do not say ({@code ?grace=})
 * @param checkInterval   how often overdue monitors are looked for
 * @param severity        severity of the alert a missed heartbeat raises: critical, error, warning or info
 */
@ConfigurationProperties("vigil.ingestion.heartbeats")
@Validated
public record HeartbeatProperties(
        @NotNull @DefaultValue("5m") Duration defaultInterval,
        @NotNull @DefaultValue("1m") Duration defaultGrace,
        @NotNull @DefaultValue("10s") Duration checkInterval,
        @NotNull @DefaultValue("critical") String severity) {
}
