package io.vigil.incident.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.incident.domain.SeverityPolicy;
import io.vigil.incident.incident.domain.Urgency;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * incident-core's incident settings, under {@code vigil.incident}.
 *
 * @param dedupWindow    how long Redis remembers the open incident of a fingerprint
 * @param dedupKeyPrefix prefix of those Redis keys, so several installations can share one Redis
 * @param reopenWindow   a firing alert for a problem whose incident was resolved less than this long ago
 *                       reopens that incident instead of opening a new one
 * @param autoResolve    whether an incident resolves when the source says all its alerts have cleared
 * @param correlation    alerts of one service sharing correlating label values within a window join one incident
 * @param dependencies   each service and the services it depends on: a new incident of a service whose
 *                       upstream has an open incident is marked as probably caused by it
 * @param severity       how a new incident's severity and urgency are classified
 * @param groupByKey     alerts sharing the source's group key (Alertmanager groupKey) join one open incident
 * @param alertsPerTransaction most alerts (and paging records) of one poll written in one database transaction;
 *                       a consumer that is behind then pays one commit per this many instead of one per record,
 *                       and each transaction's incidents are announced as soon as it commits
 */
@ConfigurationProperties("vigil.incident")
@Validated
public record IncidentProperties(
        @NotNull @DefaultValue("10m") Duration dedupWindow,
        @NotBlank @DefaultValue("vigil:dedup:") String dedupKeyPrefix,
        @NotNull @DefaultValue("1h") Duration reopenWindow,
        @Valid @NotNull @DefaultValue AutoResolve autoResolve,
        @Min(1) @DefaultValue("100") int alertsPerTransaction,
        @DefaultValue("true") boolean groupByKey,
        @Valid @NotNull @DefaultValue SeverityScoring severity,
        @Valid @NotNull @DefaultValue Correlation correlation,
        Map<String, List<String>> dependencies) {

    public IncidentProperties {
        dependencies = dependencies == null ? Map.of() : Map.copyOf(dependencies);
    }

    /**
     * Correlation by labels.
     *
     * @param labels label names whose equal values make alerts of one service one incident; empty (the
     *               default) turns it off
     * @param window how recent the incident's last alert must be for a new alert to join it
     */
    public record Correlation(List<String> labels, @NotNull @DefaultValue("10m") Duration window) {

        public Correlation {
            labels = labels == null ? List.of() : List.copyOf(labels);
        }
    }

    /**
     * Severity classification: explicit rules first, otherwise a weighted score cut by thresholds.
     * Anything left out keeps the default: critical SEV2, error SEV3, warning SEV4, info SEV5.
     *
     * @param sourceWeights points for the alert's own severity ({@code critical}, {@code error}, {@code warning}, {@code info})
     * @param serviceTiers  tier of each service, 1 the most important
     * @param defaultTier   tier of services not listed
     * @param tierWeights   points for each tier
     * @param labelWeights  points for alerts carrying a label with a value
     * @param thresholds    lowest score of SEV1, SEV2, SEV3 and SEV4, in this order
     * @param rules         explicit classifications, tried in order before the score
     */
    public record SeverityScoring(Map<String, Integer> sourceWeights, Map<String, Integer> serviceTiers,
            @DefaultValue("3") int defaultTier, Map<Integer, Integer> tierWeights, List<@Valid LabelWeight> labelWeights,
            List<Integer> thresholds, List<@Valid Rule> rules) {

        /** Points for a label with a value ({@code customer_impact} = {@code true}: +30). */
        public record LabelWeight(@NotBlank String label, @NotBlank String value, int weight) {
        }

        /** An explicit classification: alerts of {@code service} (any, if empty) carrying all {@code labels}. */
        public record Rule(@NotBlank String name, String service, Map<String, String> labels,
                @NotNull Severity severity, Urgency urgency) {
        }

        public SeverityPolicy toPolicy() {
            SeverityPolicy defaults = SeverityPolicy.defaults();
            Map<String, Integer> labelPoints = new HashMap<>();
            if (labelWeights != null) {
                labelWeights.forEach(weight -> labelPoints.put(weight.label() + "=" + weight.value(), weight.weight()));
            }
            return new SeverityPolicy(
                    sourceWeights == null || sourceWeights.isEmpty() ? defaults.sourceSeverityWeights() : sourceWeights,
                    serviceTiers == null ? Map.of() : serviceTiers, defaultTier,
                    tierWeights == null || tierWeights.isEmpty() ? defaults.tierWeights() : tierWeights,
                    labelPoints,
                    thresholds == null || thresholds.isEmpty() ? defaults.thresholds() : thresholds,
                    rules == null ? List.of() : rules.stream().map(rule -> new SeverityPolicy.Rule(rule.name(),
                            rule.service(), rule.labels(), rule.severity(), rule.urgency())).toList());
        }
    }

    /**
     * Resolving from the source.
     *
     * @param enabled  the default for every service
     * @param services per-service exceptions: service name to on or off
     */
    public record AutoResolve(@DefaultValue("true") boolean enabled, Map<String, Boolean> services) {

        public AutoResolve {
            services = services == null ? Map.of() : Map.copyOf(services);
        }

        public boolean appliesTo(String service) {
            return services.getOrDefault(service, enabled);
        }
    }
}
