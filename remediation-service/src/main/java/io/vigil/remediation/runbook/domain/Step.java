package io.vigil.remediation.runbook.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a runbook. Which of the optional parts is set follows from the type: {@code check} has an
 * {@link HttpCall} or a {@link PrometheusQuery}, {@code action} an {@link HttpCall} or a {@link KubernetesCall},
 * {@code wait} a duration,
 * {@code notify} a message, {@code approval} an optional message.
 *
 * @param name       unique within the runbook
 * @param type       what kind of step
 * @param timeout    how long one attempt may take; for an approval, how long it waits for a human ({@code null}:
 *                   as long as it takes)
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
 */
public record Step(String name, StepType type, Duration timeout, int retries, Duration retryDelay,
        OnFailure onFailure, HttpCall http, PrometheusQuery prometheus, KubernetesCall kubernetes, Duration duration,
        String message, String undoes) {

    public Step {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(onFailure, "onFailure");
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
