package io.vigil.incident.sla;

import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.sla.domain.CreditTable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * SLA targets and error budgets, under {@code vigil.incident.sla}. A policy stored through
 * {@code PUT /v1/services/{id}/sla-policy} overrides what is configured here for its service.
 *
 * @param defaultTier       tier of services not listed under {@code services}
 * @param tiers             named promises; when empty: {@code premium} 99.99 %, {@code standard} 99.9 %,
 *                          {@code basic} 99.5 %
 * @param responseTargets   longest time to acknowledge per severity, for tiers that do not set their own; anything
 *                          left out keeps the default 5m / 15m / 30m / 60m / 480m for SEV1–SEV5
 * @param resolutionTargets longest time to resolve per severity, likewise; defaults 4h / 8h / 24h / 72h / 168h
 * @param services          per-service settings, by the service name incidents carry
 * @param credits           the credit table; when empty: &lt; 99.9 % → 10 %, &lt; 99.0 % → 25 %, &lt; 95.0 % → 50 %,
 *                          &lt; 90.0 % → 100 %
 * @param window            the rolling window of reports without {@code month} and of the metrics
 * @param zone              time zone in which calendar months start and end
 * @param metricsRefresh    how often the budget and burn-rate gauges are recomputed
 */
@ConfigurationProperties("vigil.incident.sla")
@Validated
public record SlaProperties(
        @NotBlank @DefaultValue("standard") String defaultTier,
        Map<String, @Valid Tier> tiers,
        Map<Severity, Duration> responseTargets,
        Map<Severity, Duration> resolutionTargets,
        Map<String, @Valid ServiceSla> services,
        List<@Valid Credit> credits,
        @NotNull @DefaultValue("30d") Duration window,
        @NotNull @DefaultValue("UTC") ZoneId zone,
        @NotNull @DefaultValue("1m") Duration metricsRefresh) {

    public SlaProperties {
        tiers = tiers == null || tiers.isEmpty() ? defaultTiers() : Map.copyOf(tiers);
        responseTargets = withDefaults(responseTargets, List.of(Duration.ofMinutes(5), Duration.ofMinutes(15),
                Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofMinutes(480)));
        resolutionTargets = withDefaults(resolutionTargets, List.of(Duration.ofHours(4), Duration.ofHours(8),
                Duration.ofHours(24), Duration.ofHours(72), Duration.ofHours(168)));
        services = services == null ? Map.of() : Map.copyOf(services);
        credits = credits == null ? List.of() : List.copyOf(credits);
        if (!tiers.containsKey(defaultTier)) {
            throw new IllegalArgumentException("vigil.incident.sla.default-tier '" + defaultTier
                    + "' is not one of the tiers " + tiers.keySet());
        }
        for (Map.Entry<String, ServiceSla> service : services.entrySet()) {
            String tier = service.getValue().tier();
            if (tier != null && !tiers.containsKey(tier)) {
                throw new IllegalArgumentException("vigil.incident.sla.services." + service.getKey() + ".tier '"
                        + tier + "' is not one of the tiers " + tiers.keySet());
            }
        }
    }

    /**
     * A named promise.
     *
     * @param availability      promised availability in percent (99.9)
     * @param responseTargets   per-severity response targets of this tier, over the global ones
     * @param resolutionTargets per-severity resolution targets of this tier, over the global ones
     */
    public record Tier(@DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "100", inclusive = false)
            double availability, Map<Severity, Duration> responseTargets, Map<Severity, Duration> resolutionTargets) {

        public Tier {
            responseTargets = responseTargets == null ? Map.of() : Map.copyOf(responseTargets);
            resolutionTargets = resolutionTargets == null ? Map.of() : Map.copyOf(resolutionTargets);
        }
    }

    /**
     * One service's settings; a service listed here also gets the SLA gauges.
     *
     * @param tier              its tier, or {@code null} for the default tier
     * @param availability      its own availability target in percent, over the tier's, or {@code null}
     * @param responseTargets   its own response targets, over the tier's
     * @param resolutionTargets its own resolution targets, over the tier's
     */
    public record ServiceSla(String tier,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "100", inclusive = false)
            Double availability, Map<Severity, Duration> responseTargets, Map<Severity, Duration> resolutionTargets) {

        public ServiceSla {
            responseTargets = responseTargets == null ? Map.of() : Map.copyOf(responseTargets);
            resolutionTargets = resolutionTargets == null ? Map.of() : Map.copyOf(resolutionTargets);
        }
    }

    /**
     * A step of the credit table.
     *
     * @param below  availability in percent under which the credit is owed
     * @param credit credit owed, in percent
     */
    public record Credit(@DecimalMin(value = "0", inclusive = false) @DecimalMax("100") double below,
            @DecimalMin("0") @DecimalMax("100") double credit) {
    }

    public CreditTable creditTable() {
        return credits.isEmpty() ? CreditTable.defaults()
                : new CreditTable(credits.stream().map(c -> new CreditTable.Step(c.below(), c.credit())).toList());
    }

    private static Map<String, Tier> defaultTiers() {
        Map<String, Tier> tiers = new LinkedHashMap<>();
        tiers.put("premium", new Tier(99.99, null, null));
        tiers.put("standard", new Tier(99.9, null, null));
        tiers.put("basic", new Tier(99.5, null, null));
        return Map.copyOf(tiers);
    }

    private static Map<Severity, Duration> withDefaults(Map<Severity, Duration> given, List<Duration> defaults) {
        EnumMap<Severity, Duration> targets = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            targets.put(severity, defaults.get(severity.ordinal()));
        }
        if (given != null) {
            targets.putAll(given);
        }
        return Map.copyOf(targets);
    }
}
