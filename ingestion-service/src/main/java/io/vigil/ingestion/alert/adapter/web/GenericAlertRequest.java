package io.vigil.ingestion.alert.adapter.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

/**
 * The generic JSON alert, {@code POST /v1/alerts}. See docs/alerts-api.md.
 *
 * @param service     overrides the service of the integration whose key the request carries (optional)
 * @param summary     one line a responder reads first (required)
 * @param severity    critical, error, warning or info (required)
 * @param status      firing (default) or resolved
 * @param dedupKey    the source's identity of the problem; alerts with equal keys are one incident
 * @param source      the host or system the alert is about
 * @param labels      identifying labels; they make the fingerprint when there is no dedup key
 * @param annotations descriptive text: description, runbook URL...
 */
record GenericAlertRequest(
        @Size(max = 255) String service,
        @NotBlank @Size(max = 1024) String summary,
        @NotBlank @Pattern(regexp = "critical|error|warning|info", message = "must be one of critical, error, warning, info")
        String severity,
        @Pattern(regexp = "firing|resolved", message = "must be firing or resolved") String status,
        @Size(max = 255) String dedupKey,
        @Size(max = 255) String source,
        @Size(max = 64) Map<@NotBlank @Size(max = 255) String, @Size(max = 2048) String> labels,
        @Size(max = 64) Map<@NotBlank @Size(max = 255) String, @Size(max = 16384) String> annotations,
        Instant startsAt,
        Instant endsAt,
        @Size(max = 2048) String generatorUrl) {
}
