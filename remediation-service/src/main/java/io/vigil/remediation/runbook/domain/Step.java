package io.vigil.remediation.runbook.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a runbook. Which of the optional parts is set follows from the type: {@code check} has an
 * {@link HttpCall} or a {@link PrometheusQuery}, {@code action} an {@link HttpCall} or a {@link KubernetesCall},
 * {@code wait} a duration, or a check ({@link HttpCall} or {@link PrometheusQuery}) to wait for with a
 * timeout, {@code notify} a message, {@code approval} an optional message.
 *
 * @param name       unique within the runbook
 * @param type       what kind of step
 * @param timeout    how long one attempt may take; for an approval, how long it waits for a human ({@code null}:
 *                   as long as it takes); for a wait until a check passes, how long it waits in all
 * @param retries    attempts after the first failed one
 * @param retryDelay pause between attempts
 * @param onFailure  what a failure after the last attempt does to the run
 * @param http       the HTTP call of a check or action, or {@code null}
 * @param prometheus the query of a check, or {@code null}
 * @param kubernetes the Kubernetes change of an action, or {@code null}
 * @param duration   how long a wait waits, or {@code null}
 * @param message    what a notify writes, or what an approval asks, or {@code null}
 * @param undoes     for a rollback step, the step it undoes: it runs only if that step succeeded; {@code null}
 *                   runs always
 * @param when       the condition the step runs under, or {@code null} to run always; a step whose condition
 *                   does not hold is skipped and the run goes on
 * @param every      for a wait until a check passes, how long between two looks
 */
public record Step(String name, StepType type, Duration timeout, int retries, Duration retryDelay,
        OnFailure onFailure, HttpCall http, PrometheusQuery prometheus, KubernetesCall kubernetes, Duration duration,
        String message, String undoes, StepCondition when, Duration every) {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    public Step {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(onFailure, "onFailure");
    }

    /** Whether this wait waits for a check to pass rather than for a fixed time. */
    public boolean waitsForCheck() {
        return type == StepType.WAIT && (http != null || prometheus != null);
    }

    /** For a wait until a check passes, the check it makes at each look: one attempt with the usual timeout. */
    public Step probe() {
        return new Step(name, StepType.CHECK, PROBE_TIMEOUT, 0, retryDelay, onFailure, http, prometheus, null, null,
                null, null, null, null);
    }

    /** What a step's failure does to its run. */
    public enum OnFailure {
        /** The run ends failed. */
        STOP,
        /** The run goes on with the next step. */
        CONTINUE,
        /** The rollback steps run, then the run ends rolled back. */
        ROLLBACK
    }
}
