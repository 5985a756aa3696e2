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

    @Test
    void secretsAreReferencesUsedInHeadersAndBodiesOnly() {
        Runbook runbook = RunbookParser.parse(yaml("""
                name: with-secrets
                trigger: {service: checkout}
                secrets:
                  apiToken: {env: CHECKOUT_API_TOKEN}
                  dbPassword: {kubernetes: {namespace: shop, name: checkout-db, key: password}}
                steps:
                  - name: flush
                    type: action
                    http:
                      url: http://checkout.shop.svc/cache/flush
                      headers: {Authorization: "Bearer {{secrets.apiToken}}"}
                      body: '{"password": "{{secrets.dbPassword}}"}'
                guardrails: {allowedHosts: [checkout.shop.svc], allowedNamespaces: [shop]}
                """), null);

        assertThat(runbook.secrets().get("apiToken").environment()).isEqualTo("CHECKOUT_API_TOKEN");
        assertThat(runbook.secrets().get("dbPassword").inKubernetes()).isTrue();
        assertThat(runbook.secrets().get("dbPassword").key()).isEqualTo("password");
    }

    @Test
    void aSecretWrittenOutOrUsedWhereItCouldLeakIsRefused() {
        assertThatThrownBy(() -> RunbookParser.parse(yaml("""
                name: leaky
                trigger: {service: checkout}
                secrets:
                  inline: hunter2
                  both: {env: A, kubernetes: {namespace: shop, name: s, key: k}}
                  elsewhere: {kubernetes: {namespace: kube-system, name: s, key: k}}
                  token: {env: TOKEN}
                steps:
                  - name: call
                    type: action
                    http:
                      url: "http://checkout.shop.svc/x?token={{secrets.token}}"
                      headers: {Authorization: "Bearer hunter2", X-Api-Key: "{{secrets.missing}}"}
                guardrails: {allowedHosts: [checkout.shop.svc], allowedNamespaces: [shop]}
                """), null))
                .isInstanceOfSatisfying(InvalidRunbook.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + ": " + p.message()).containsExactlyInAnyOrder(
                                "secrets.inline: must be a reference, {env: VARIABLE} or {kubernetes: {namespace, "
                                        + "name, key}}, never the secret itself",
                                "secrets.both: needs exactly one of env or kubernetes",
                                "secrets.elsewhere.kubernetes.namespace: 'kube-system' is not in "
                                        + "guardrails.allowedNamespaces [shop]",
                                "steps[0].http.url: refers to {{secrets.token}}: a secret may be used only in "
                                        + "headers and bodies",
                                "steps[0].http.headers.Authorization: carries a credential written out: declare it "
                                        + "under secrets (env or kubernetes) and use {{secrets.<name>}}",
                                "steps[0].http.headers.X-Api-Key: refers to {{secrets.missing}}, but the runbook "
                                        + "declares no secret 'missing'"));
    }

    @Test
    void aWaitCanWaitForACheckWithATimeoutAndAStepCanHaveACondition() {
        Runbook runbook = RunbookParser.parse(yaml("""
                name: settle
                trigger: {service: checkout}
                steps:
                  - {name: probe, type: check, http: {url: "http://checkout.shop.svc/health"}, onFailure: continue}
                  - name: restart
                    type: action
                    when: {step: probe, outcome: failed, value: "{{labels.env}}", equals: prod}
                    http: {url: "http://checkout.shop.svc/restart"}
                  - name: healthy-again
                    type: wait
                    prometheus: {url: "http://prometheus.shop.svc:9090", query: "up{job='checkout'}", condition: "== 1"}
                    timeout: 3m
                guardrails: {allowedHosts: [checkout.shop.svc, prometheus.shop.svc]}
                """), null);

        Step restart = runbook.steps().get(1);
        assertThat(restart.when().toString()).isEqualTo("step probe failed and {{labels.env}} is 'prod'");
        assertThat(restart.when().holds(Map.of("probe", "failed"), Map.of("labels.env", "prod"))).isTrue();
        assertThat(restart.when().holds(Map.of("probe", "succeeded"), Map.of("labels.env", "prod"))).isFalse();
        assertThat(restart.when().holds(Map.of("probe", "failed"), Map.of("labels.env", "staging"))).isFalse();
        Step wait = runbook.steps().get(2);
        assertThat(wait.waitsForCheck()).isTrue();
        assertThat(wait.timeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(wait.every()).isEqualTo(Duration.ofSeconds(10));
        assertThat(wait.probe().timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void conditionsAndWaitsThatMakeNoSenseAreRefused() {
        assertThatThrownBy(() -> RunbookParser.parse(yaml("""
                name: muddled
                trigger: {service: checkout}
                steps:
                  - {name: early, type: notify, message: hi, when: {step: later, outcome: succeeded}}
                  - {name: later, type: notify, message: hi, when: {step: early}}
                  - {name: both, type: wait, duration: 1m, http: {url: "http://checkout.shop.svc/health"}}
                  - {name: fixed, type: wait, duration: 1m, every: 5s}
                  - {name: odd, type: notify, message: hi, when: {value: "{{nothing}}"}}
                guardrails: {allowedHosts: [checkout.shop.svc]}
                """), null))
                .isInstanceOfSatisfying(InvalidRunbook.class, e -> assertThat(e.problems())
                        .extracting(RunbookProblem::field).containsExactlyInAnyOrder(
                                "steps[0].when.step",
                                "steps[1].when.outcome",
                                "steps[2]",
                                "steps[3].every",
                                "steps[4].when.value",
                                "steps[4].when.equals"));
    }
}
