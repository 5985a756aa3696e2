package io.vigil.remediation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of remediation-service, under {@code vigil.remediation}.
 *
 * @param runbooks  where runbook files are read at start: Spring resource locations or patterns such as
 *                  {@code file:/etc/vigil/runbooks/*.yaml} or {@code classpath:runbooks/checkout-demo.yaml}. Each
 *                  file holds one runbook; one that differs from the stored latest version becomes a new version.
 *                  An invalid file stops the start with every problem listed. Empty keeps what is stored.
 * @param tick      how often the run poller looks for due steps
 * @param batchSize most due steps one poller pass advances, each in its own transaction
 * @param kubernetes how Kubernetes actions reach the cluster
 */
@ConfigurationProperties("vigil.remediation")
@Validated
public record RemediationProperties(
        @DefaultValue List<String> runbooks,
        @NotNull @DefaultValue("200ms") Duration tick,
        @Min(1) @DefaultValue("20") int batchSize,
        @Valid @DefaultValue Kubernetes kubernetes) {

    /**
     * @param masterUrl      the Kubernetes API server; empty to find it as kubectl does (in-cluster service account,
     *                       else the kubeconfig)
     * @param trustCerts     accept the API server's certificate without checking it (test clusters only)
     * @param requestTimeout how long one Kubernetes request may take
     */
    public record Kubernetes(
            @DefaultValue("") String masterUrl,
            @DefaultValue("false") boolean trustCerts,
            @NotNull @DefaultValue("10s") Duration requestTimeout) {
    }
}
