package io.vigil.incident.incident.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How an alert's incident is classified: explicit rules first (the first that matches decides),
 * otherwise a weighted score of the alert's own severity, the service's tier and its labels, cut
 * into SEV1–SEV5 by thresholds. Urgency is high for SEV1–SEV3 unless a rule says otherwise.
 *
 * @param sourceSeverityWeights points for the alert's own severity ({@code critical}, {@code error}…)
 * @param serviceTiers          tier of each service (1 the most important); missing services are {@code defaultTier}
 * @param defaultTier           tier of a service not listed
 * @param tierWeights           points for each tier
 * @param labelWeights          points for a label, keyed {@code name=value}; a negative weight lowers the score
 * @param thresholds            lowest score of SEV1, SEV2, SEV3 and SEV4 (in this order); lower scores are SEV5
 * @param rules                 explicit classifications, tried in order before scoring
 */
public record SeverityPolicy(Map<String, Integer> sourceSeverityWeights, Map<String, Integer> serviceTiers,
        int defaultTier, Map<Integer, Integer> tierWeights, Map<String, Integer> labelWeights, List<Integer> thresholds,
        List<Rule> rules) {

    public SeverityPolicy {
        sourceSeverityWeights = Map.copyOf(sourceSeverityWeights);
        serviceTiers = Map.copyOf(serviceTiers);
        tierWeights = Map.copyOf(tierWeights);
        labelWeights = Map.copyOf(labelWeights);
        thresholds = List.copyOf(thresholds);
        rules = List.copyOf(rules);
        if (thresholds.size() != 4) {
            throw new IllegalArgumentException("thresholds names the lowest score of SEV1, SEV2, SEV3 and SEV4");
        }
    }

    /** critical SEV2, error SEV3, warning SEV4, info SEV5; no single alert is a SEV1 by itself. */
    public static SeverityPolicy defaults() {
        return new SeverityPolicy(Map.of("critical", 60, "error", 40, "warning", 20, "info", 0), Map.of(), 3,
                Map.of(1, 0, 2, 0, 3, 0), Map.of(), List.of(90, 60, 40, 20), List.of());
    }

    /**
     * An explicit classification.
     *
     * @param service  only alerts of this service, or {@code null} for any
     * @param labels   labels the alert must all carry with these values (empty: no condition)
     * @param severity the severity it gives
     * @param urgency  the urgency it gives, or {@code null} for the severity's default
     */
    public record Rule(String name, String service, Map<String, String> labels, Severity severity, Urgency urgency) {

        public Rule {
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }

        boolean matches(AlertSignal alert) {
            return (service == null || service.equals(alert.service()))
                    && labels.entrySet().stream()
                            .allMatch(label -> label.getValue().equals(alert.labels().get(label.getKey())));
        }
    }

    /**
     * The verdict, with the reasons for the timeline.
     *
     * @param score the weighted score, or {@code null} when a rule decided
     */
    public record Classification(Severity severity, Urgency urgency, Integer score, List<String> reasons) {
    }

    public Classification classify(AlertSignal alert) {
        for (Rule rule : rules) {
            if (rule.matches(alert)) {
                Urgency urgency = rule.urgency() == null ? rule.severity().defaultUrgency() : rule.urgency();
                return new Classification(rule.severity(), urgency, null, List.of("rule " + rule.name()));
            }
        }
        List<String> reasons = new ArrayList<>();
        String source = alert.sourceSeverity() == null ? "error" : alert.sourceSeverity().toLowerCase(Locale.ROOT);
        int score = add(reasons, "severity " + source, sourceSeverityWeights.getOrDefault(source, 0));
        int tier = serviceTiers.getOrDefault(alert.service(), defaultTier);
        score += add(reasons, "tier " + tier, tierWeights.getOrDefault(tier, 0));
        for (Map.Entry<String, String> label : alert.labels().entrySet()) {
            String key = label.getKey() + "=" + label.getValue();
            score += add(reasons, key, labelWeights.getOrDefault(key, 0));
        }
        Severity severity = Severity.SEV5;
        for (int i = 0; i < thresholds.size(); i++) {
            if (score >= thresholds.get(i)) {
                severity = Severity.values()[i];
                break;
            }
        }
        return new Classification(severity, severity.defaultUrgency(), score, reasons);
    }

    private static int add(List<String> reasons, String reason, int points) {
        if (points != 0) {
            reasons.add("%s %+d".formatted(reason, points));
        }
        return points;
    }
}
