package io.vigil.ingestion.integration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Integrations declared as configuration, under {@code vigil.ingestion.integrations}: created or brought up to
 * date at every start, so a deployment (or the devstack) has its sources wired with keys it already knows.
 *
 * @param integrations the declared integrations; none by default
 * @param keyCacheTtl  how long a replica trusts a key it has looked up; a key rotated or disabled through another
 *                     replica stops working here at most this much later (at once through this one)
 */
@ConfigurationProperties("vigil.ingestion")
@Validated
public record IntegrationProperties(@Valid @DefaultValue List<Declared> integrations,
        @jakarta.validation.constraints.NotNull @DefaultValue("5s") java.time.Duration keyCacheTtl) {

    /**
     * @param name    unique name of the integration
     * @param type    {@code pagerduty}, {@code alertmanager}, {@code generic}, {@code cloudevents} or {@code heartbeat}
     * @param service the service its events belong to
     * @param key     its secret key, at least 16 characters (keep it in a secret store, not in git)
     */
    public record Declared(
            @NotBlank @Size(max = 255) String name,
            @NotBlank @Pattern(regexp = "pagerduty|alertmanager|generic|cloudevents|heartbeat") String type,
            @NotBlank @Size(max = 255) String service,
            @NotBlank @Size(min = 16, max = 255) String key) {
    }
}
