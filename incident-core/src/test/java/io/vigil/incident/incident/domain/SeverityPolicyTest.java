package io.vigil.incident.incident.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeverityPolicyTest {

    private final SeverityPolicy policy = new SeverityPolicy(
            Map.of("critical", 60, "error", 40, "warning", 20, "info", 0), Map.of("checkout", 1, "search", 2), 3,
            Map.of(1, 30, 2, 10), Map.of("customer_impact=true", 30, "env=staging", -60), List.of(100, 60, 40, 20),
            List.of(new SeverityPolicy.Rule("batch-is-never-urgent", "batch", Map.of(), Severity.SEV4, Urgency.LOW),
                    new SeverityPolicy.Rule("security", null, Map.of("team", "security"), Severity.SEV1, null)));

    @Test
    void theDefaultsFollowTheAlertsOwnSeverityAndNeverMakeASev1() {
        SeverityPolicy defaults = SeverityPolicy.defaults();
        assertThat(defaults.classify(alert("any", "critical", Map.of())).severity()).isEqualTo(Severity.SEV2);
        assertThat(defaults.classify(alert("any", "error", Map.of())).severity()).isEqualTo(Severity.SEV3);
        assertThat(defaults.classify(alert("any", "warning", Map.of())).severity()).isEqualTo(Severity.SEV4);
        assertThat(defaults.classify(alert("any", "info", Map.of())).severity()).isEqualTo(Severity.SEV5);
        assertThat(defaults.classify(alert("any", "critical", Map.of())).urgency()).isEqualTo(Urgency.HIGH);
        assertThat(defaults.classify(alert("any", "warning", Map.of())).urgency()).isEqualTo(Urgency.LOW);
    }

    @Test
    void tierAndLabelsAddUpToTheScore() {
        SeverityPolicy.Classification checkout = policy.classify(
                alert("checkout", "error", Map.of("customer_impact", "true")));

        assertThat(checkout.score()).isEqualTo(100);
        assertThat(checkout.severity()).isEqualTo(Severity.SEV1);
        assertThat(checkout.reasons()).containsExactly("severity error +40", "tier 1 +30", "customer_impact=true +30");
        assertThat(policy.classify(alert("search", "warning", Map.of())).severity()).isEqualTo(Severity.SEV4);
        assertThat(policy.classify(alert("checkout", "critical", Map.of("env", "staging"))).severity())
                .isEqualTo(Severity.SEV4);
    }

    @Test
    void theFirstMatchingRuleDecidesBeforeAnyScore() {
        SeverityPolicy.Classification batch = policy.classify(alert("batch", "critical", Map.of()));
        assertThat(batch.severity()).isEqualTo(Severity.SEV4);
        assertThat(batch.urgency()).isEqualTo(Urgency.LOW);
        assertThat(batch.reasons()).containsExactly("rule batch-is-never-urgent");

        SeverityPolicy.Classification security = policy.classify(alert("search", "info", Map.of("team", "security")));
        assertThat(security.severity()).isEqualTo(Severity.SEV1);
        assertThat(security.urgency()).isEqualTo(Urgency.HIGH);
    }

    private static AlertSignal alert(String service, String severity, Map<String, String> labels) {
        return new AlertSignal(UUID.randomUUID(), "generic", service, "v1:x", true, "s", severity, Instant.now(), null,
                labels);
    }
}
