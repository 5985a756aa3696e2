package io.vigil.remediation.run.adapter.steps;

import io.vigil.remediation.run.application.StepRunner;
import io.vigil.remediation.runbook.domain.Guardrails;
import io.vigil.remediation.runbook.domain.Step;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Sends each step to what carries it out: Kubernetes changes to the Kubernetes API, the rest over HTTP. */
@Component
class RoutingStepRunner implements StepRunner {

    private final HttpSteps http;
    private final KubernetesSteps kubernetes;

    RoutingStepRunner(HttpSteps http, KubernetesSteps kubernetes) {
        this.http = http;
        this.kubernetes = kubernetes;
    }

    @Override
    public String describe(Step step, Map<String, String> values) {
        return step.kubernetes() != null ? kubernetes.describe(step, values) : http.describe(step, values);
    }

    /**
     * A step that throws (a header the HTTP client refuses, a client that cannot be built...) is a failed attempt,
     * not a poller failure: thrown, it would be claimed again on every pass and hold up every other run.
     */
    @Override
    public Result run(Step step, Map<String, String> values, Guardrails guardrails) {
        try {
            return step.kubernetes() != null ? kubernetes.run(step, values, guardrails)
                    : http.run(step, values, guardrails);
        } catch (RuntimeException e) {
            return new Result(false, "could not run: " + e);
        }
    }
}
