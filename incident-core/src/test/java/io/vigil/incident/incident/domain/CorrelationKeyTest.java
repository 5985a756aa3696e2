package io.vigil.incident.incident.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CorrelationKeyTest {

    @Test
    void alertsWithAllCorrelatingLabelsGetAKeyFromTheirValues() {
        assertThat(CorrelationKey.of(alert(Map.of("cluster", "eu-1", "alertname", "NodeDown", "pod", "a")),
                List.of("cluster", "alertname"))).contains("labels:cluster=eu-1,alertname=NodeDown");
    }

    @Test
    void anAlertMissingALabelOrNoLabelsConfiguredIsNotCorrelated() {
        assertThat(CorrelationKey.of(alert(Map.of("cluster", "eu-1")), List.of("cluster", "alertname"))).isEmpty();
        assertThat(CorrelationKey.of(alert(Map.of("cluster", "eu-1")), List.of())).isEmpty();
    }

    private static AlertSignal alert(Map<String, String> labels) {
        return new AlertSignal(UUID.randomUUID(), "alertmanager", "k8s", "v1:x", true, "s", "error", Instant.now(),
                null, labels);
    }
}
