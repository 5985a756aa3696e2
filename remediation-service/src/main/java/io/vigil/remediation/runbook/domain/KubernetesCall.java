package io.vigil.remediation.runbook.domain;

/**
 * A change an action makes to a Kubernetes deployment through the Kubernetes API.
 *
 * @param action     {@code scale} (set the replicas), {@code restart} (a rollout restart, as
 *                   {@code kubectl rollout restart} does) or {@code rollback} (back to the previous revision, as
 *                   {@code kubectl rollout undo} does)
 * @param namespace  the deployment's namespace, written out (never templated) and allow-listed
 * @param deployment the deployment's name, may hold templates
 * @param replicas   for {@code scale}, how many replicas: a number or a template such as
 *                   {@code {{steps.scale-up.previousReplicas}}}; {@code null} for the others
 */
public record KubernetesCall(Action action, String namespace, String deployment, String replicas) {

    /** What the action does to the deployment. */
    public enum Action {
        SCALE, RESTART, ROLLBACK
    }
}
