package io.vigil.ingestion.alertmanager.adapter.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager's webhook payload, version 4
 * (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config).
 *
 * @param truncatedAlerts how many alerts Alertmanager left out because of {@code max_alerts}
 */
record AlertmanagerWebhook(
        @NotBlank @Pattern(regexp = "4", message = "must be 4 (the webhook payload version Vigil understands)")
        String version,
        @Size(max = 1024) String groupKey,
        @Min(0) Integer truncatedAlerts,
        @Pattern(regexp = "firing|resolved", message = "must be firing or resolved") String status,
        @Size(max = 255) String receiver,
        Map<String, String> groupLabels,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        @JsonProperty("externalURL") @Size(max = 2048) String externalUrl,
        @NotEmpty @Size(max = 1000) List<@NotNull @Valid Alert> alerts) {

    /** One alert of the group, with its own status. */
    record Alert(
            @NotBlank @Pattern(regexp = "firing|resolved", message = "must be firing or resolved") String status,
            @NotEmpty @Size(max = 64) Map<@NotBlank @Size(max = 255) String, @Size(max = 2048) String> labels,
            @Size(max = 64) Map<@NotBlank @Size(max = 255) String, @Size(max = 16384) String> annotations,
            Instant startsAt,
            Instant endsAt,
            @JsonProperty("generatorURL") @Size(max = 2048) String generatorUrl,
            @Size(max = 255) String fingerprint) {
    }
}
