package io.vigil.remediation.run.application;

import io.vigil.remediation.runbook.domain.Guardrails;
import io.vigil.remediation.runbook.domain.Step;
import java.util.Map;

/**
 * Carries out a check or an action against the outside world: an HTTP call, a Prometheus query or a change to a
 * Kubernetes deployment.
 */
public interface StepRunner {

    /**
     * What one attempt found.
     *
     * @param output what was observed, in a few words, for the run's record and events
     * @param facts  values later steps may use as {@code {{steps.<step>.<name>}}}, e.g. the replicas a scale found
     */
    record Result(boolean succeeded, String output, Map<String, String> facts) {

        public Result(boolean succeeded, String output) {
            this(succeeded, output, Map.of());
        }
    }

    /** What the step will do, with the values filled in, for the record and for a dry run. */
    String describe(Step step, Map<String, String> values);

    /**
     * Makes one attempt. A host or namespace outside the guardrails' allow-list (after templating) is refused,
     * never called.
     * Never throws for the outside world's failures; they are a failed result.
     */
    Result run(Step step, Map<String, String> values, Guardrails guardrails);
}
