package io.vigil.incident.incident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * incident-core's incident settings, under {@code vigil.incident}.
 *
 * @param dedupWindow    how long Redis remembers the open incident of a fingerprint
 * @param dedupKeyPrefix prefix of those Redis keys, so several installations can share one Redis
 */
@ConfigurationProperties("vigil.incident")
@Validated
public record IncidentProperties(
        @NotNull @DefaultValue("10m") Duration dedupWindow,
        @NotBlank @DefaultValue("vigil:dedup:") String dedupKeyPrefix) {
}
