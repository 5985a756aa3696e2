package io.vigil.remediation.runbook.domain;

/**
 * Where a secret a runbook uses comes from; the runbook names it, never holds it. Used in headers and bodies as
 * {@code {{secrets.<name>}}}, read when the step runs, and never written to a run's record, events or descriptions.
 *
 * @param environment the environment variable (or Spring property) that holds it, or {@code null}
 * @param namespace   the namespace of the Kubernetes secret that holds it (allow-listed), or {@code null}
 * @param secret      the Kubernetes secret's name
 * @param key         the key in the Kubernetes secret's data
 */
public record SecretReference(String environment, String namespace, String secret, String key) {

    public static SecretReference fromEnvironment(String variable) {
        return new SecretReference(variable, null, null, null);
    }

    public static SecretReference fromKubernetes(String namespace, String secret, String key) {
        return new SecretReference(null, namespace, secret, key);
    }

    public boolean inKubernetes() {
        return environment == null;
    }

    @Override
    public String toString() {
        return inKubernetes() ? "Kubernetes secret %s/%s key %s".formatted(namespace, secret, key)
                : "environment variable " + environment;
    }
}
