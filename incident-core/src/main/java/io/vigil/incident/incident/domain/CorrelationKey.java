package io.vigil.incident.incident.domain;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which alerts belong together although their fingerprints differ: those of one service whose
 * correlating labels (say {@code cluster} and {@code alertname}) all have the same values.
 */
public final class CorrelationKey {

    private CorrelationKey() {
    }

    /**
     * @param labels the correlating label names; empty turns label correlation off
     * @return {@code labels:<name>=<value>,…} in the given order, or empty when the alert lacks one of them
     */
    public static Optional<String> of(AlertSignal alert, List<String> labels) {
        if (labels.isEmpty() || !labels.stream().allMatch(alert.labels()::containsKey)) {
            return Optional.empty();
        }
        return Optional.of(labels.stream().map(label -> label + "=" + alert.labels().get(label))
                .collect(Collectors.joining(",", "labels:", "")));
    }
}
