package io.vigil.remediation.runbook.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.contracts.IncidentSeverity;
import io.vigil.remediation.runbook.domain.Runbook;
import io.vigil.remediation.runbook.domain.Step;
import io.vigil.remediation.runbook.domain.StepType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class RunbookParserTest {

    private static Object yaml(String text) {
        return new Yaml().load(text);
    }

    @Test
    void aCompleteRunbookReadsWithItsDefaults() {
        Runbook runbook = RunbookParser.parse(yaml("""
                name: restart-checkout
                trigger: {service: checkout, minSeverity: SEV3, labels: {env: prod}}
                parameters: {ns: "{{labels.namespace}}"}
                steps:
                  - {name: probe, type: check, http: {url: "http://checkout.shop.svc/health"}}
                  - {name: kick, type: action, http: {url: "http://checkout.shop.svc/restart?ns={{params.ns}}"},
                     retries: 2, onFailure: rollback}
                  - {name: settle, type: wait, duration: 2m}
                rollback:
                  - {name: undo, type: action, undoes: kick, http: {url: "http://checkout.shop.svc/undo"}}
                guardrails: {allowedHosts: ["*.shop.svc"], approvalAtOrAbove: SEV2, cooldown: 15m}
                """), null);

        assertThat(runbook.name()).isEqualTo("restart-checkout");
        assertThat(runbook.mode()).isEqualTo(Runbook.Mode.AUTO);
        assertThat(runbook.trigger().minSeverity()).isEqualTo(IncidentSeverity.SEV3);
        assertThat(runbook.steps()).extracting(Step::type)
                .containsExactly(StepType.CHECK, StepType.ACTION, StepType.WAIT);
        Step probe = runbook.steps().get(0);
        assertThat(probe.http().method()).isEqualTo("GET");
        assertThat(probe.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(probe.onFailure()).isEqualTo(Step.OnFailure.STOP);
        assertThat(runbook.steps().get(1).http().method()).isEqualTo("POST");
        assertThat(runbook.steps().get(2).duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(runbook.rollback().get(0).undoes()).isEqualTo("kick");
        assertThat(runbook.rollback().get(0).onFailure()).isEqualTo(Step.OnFailure.CONTINUE);
        assertThat(runbook.guardrails().maxAttemptsPerIncident()).isEqualTo(1);
        assertThat(runbook.guardrails().cooldown()).isEqualTo(Duration.ofMinutes(15));
        assertThat(runbook.needsApproval(IncidentSeverity.SEV1)).isTrue();
        assertThat(runbook.needsApproval(IncidentSeverity.SEV3)).isFalse();
    }

    @Test
    void everyProblemIsListedWithItsPath() {
        assertThatThrownBy(() -> RunbookParser.parse(yaml("""
                name: bad
                trigger: {service: checkout, minSeverity: SEV9}
                parameters: {ns: "{{labels.namespace}}"}
                steps:
                  - {name: reboot, type: reboot-node}
                  - {name: probe, type: check}
                  - {name: call, type: action, http: {url: "http://evil.example.com/x?ns={{params.nope}}"}}
                  - {name: note, type: notify, message: "hello {{whoever}}"}
                  - {name: pause, type: wait}
                  - {name: call, type: action, http: {url: "https://checkout.shop.svc/x"}, onFailure: explode}
                rollback:
                  - {name: undo, type: action, undoes: ghost, http: {url: "http://checkout.shop.svc/undo"}}
                guardrails: {allowedHosts: [checkout.shop.svc]}
                surprise: true
                """), "bad"))
                .isInstanceOfSatisfying(InvalidRunbook.class, e -> assertThat(e.problems())
                        .extracting(RunbookProblem::field).containsExactlyInAnyOrder(
                                "surprise",
                                "trigger.minSeverity",
                                "steps[0].type",
                                "steps[1]",
                                "steps[2].http.url",
                                "steps[2].http.url",
                                "steps[3].message",
                                "steps[4].duration",
                                "steps[5].onFailure",
                                "rollback[0].undoes"));
    }

    @Test
    void problemsSayWhatIsWrong() {
        assertThatThrownBy(() -> RunbookParser.parse(yaml("""
                name: bad
                trigger: {service: checkout}
                steps:
                  - {name: call, type: action, http: {url: "http://evil.example.com/x?ns={{params.nope}}"}}
                """), null))
                .isInstanceOfSatisfying(InvalidRunbook.class, e -> assertThat(e.problems())
                        .extracting(RunbookProblem::message).containsExactlyInAnyOrder(
                                "refers to {{params.nope}}, but the runbook declares no parameter 'nope'",
                                "calls host 'evil.example.com', which is not in guardrails.allowedHosts []"));
    }

    @Test
    void aHostTakenFromATemplateIsRefusedBecauseTheAllowListCouldNotBeChecked() {
        assertThatThrownBy(() -> RunbookParser.parse(yaml("""
                name: sneaky
                trigger: {}
                parameters: {host: "{{labels.host}}"}
                steps:
                  - {name: call, type: action, http: {url: "http://{{params.host}}/x"}}
                guardrails: {allowedHosts: ["*"]}
                """), null))
                .isInstanceOfSatisfying(InvalidRunbook.class, e -> assertThat(e.problems())
                        .extracting(RunbookProblem::field).containsExactly("steps[0].http.url"));
    }

    @Test
    void aNameOtherThanTheOneItIsStoredUnderIsRefused() {
        assertThatThrownBy(() -> RunbookParser.parse(yaml("""
                name: one
                trigger: {}
                steps: [{name: w, type: wait, duration: 1s}]
                """), "other"))
                .isInstanceOfSatisfying(InvalidRunbook.class, e -> assertThat(e.problems())
                        .containsExactly(new RunbookProblem("name", "is 'one' but the runbook is stored as 'other'")));
    }

    @Test
    void aPrometheusCheckReadsItsCondition() {
        Runbook runbook = RunbookParser.parse(yaml("""
                name: prom
                trigger: {}
                steps:
                  - name: errors-low
                    type: check
                    prometheus: {url: "http://prometheus.monitoring:9090", query: "rate(errors[5m])", condition: "< 0.5"}
                guardrails: {allowedHosts: [prometheus.monitoring]}
                """), null);
        var condition = runbook.steps().get(0).prometheus().condition();
        assertThat(condition.holds(0.2)).isTrue();
        assertThat(condition.holds(0.5)).isFalse();
    }

    @Test
    void triggersMatchServiceSeverityAndLabels() {
        Runbook runbook = RunbookParser.parse(yaml("""
                name: t
                trigger: {service: checkout, minSeverity: SEV3, alertName: HighLatency, labels: {env: prod}}
                steps: [{name: w, type: wait, duration: 1s}]
                """), null);
        Map<String, String> labels = Map.of("alertname", "HighLatency", "env", "prod");
        assertThat(runbook.trigger().matches("checkout", IncidentSeverity.SEV2, labels)).isTrue();
        assertThat(runbook.trigger().matches("checkout", IncidentSeverity.SEV4, labels)).isFalse();
        assertThat(runbook.trigger().matches("payments", IncidentSeverity.SEV2, labels)).isFalse();
        assertThat(runbook.trigger().matches("checkout", IncidentSeverity.SEV2, Map.of("env", "prod"))).isFalse();
        assertThat(List.of(runbook.trigger().labels())).hasSize(1);
    }

    @Test
    void kubernetesActionsAreLimitedToAllowListedNamespacesAndMayUseAnEarlierStepsResult() {
        Runbook runbook = RunbookParser.parse(yaml("""
                name: scale
                trigger: {}
                steps:
                  - {name: up, type: action, kubernetes: {action: scale, namespace: shop, deployment: "{{service}}", replicas: 5}}
                rollback:
                  - {name: down, type: action, undoes: up,
                     kubernetes: {action: scale, namespace: shop, deployment: "{{service}}", replicas: "{{steps.up.previousReplicas}}"}}
                guardrails: {allowedNamespaces: [shop]}
                """), null);
        assertThat(runbook.steps().get(0).kubernetes().replicas()).isEqualTo("5");

        assertThatThrownBy(() -> RunbookParser.parse(yaml("""
                name: scale
                trigger: {}
                steps:
                  - {name: up, type: action, kubernetes: {action: scale, namespace: kube-system, deployment: dns, replicas: "{{steps.later.x}}"}}
                  - {name: later, type: action, kubernetes: {action: drain, namespace: "{{labels.ns}}", deployment: x}}
                guardrails: {allowedNamespaces: [shop]}
                """), null))
                .isInstanceOfSatisfying(InvalidRunbook.class, e -> assertThat(e.problems())
                        .extracting(RunbookProblem::field).containsExactlyInAnyOrder(
                                "steps[0].kubernetes.namespace", "steps[0].kubernetes.replicas",
                                "steps[1].kubernetes.action", "steps[1].kubernetes.namespace"));
    }

    @Test
    void theDemoRunbookIsValid() throws java.io.IOException {
        try (var in = getClass().getResourceAsStream("/runbooks/remediation-service/checkout-demo.yaml")) {
            Runbook demo = RunbookParser.parse(new Yaml().load(in), null);
            assertThat(demo.name()).isEqualTo("checkout-demo");
            assertThat(demo.dryRun()).isTrue();
            assertThat(demo.trigger().service()).isEqualTo("checkout");
        }
    }

    @Test
    void theExamplesOfTheDocumentationAreValid() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/remediation.md"));
        List<String> examples = java.util.Arrays.stream(doc.split("```yaml\n")).skip(1)
                .map(block -> block.substring(0, block.indexOf("```")))
                .filter(block -> block.startsWith("name:") && !block.contains("[...]")).toList();
        assertThat(examples).hasSize(2);
        assertThat(examples).allSatisfy(example -> assertThat(RunbookParser.parse(yaml(example), null).steps())
                .isNotEmpty());
    }
}
