package io.vigil.remediation.run.adapter.steps;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.vigil.remediation.run.application.Secrets;
import io.vigil.remediation.runbook.domain.SecretReference;
import io.vigil.remediation.runbook.domain.Templates;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Secrets from the service's environment (environment variables, or any Spring property source such as a mounted
 * secrets file) and from Kubernetes secrets read through the same client the Kubernetes actions use.
 */
@Component
class EnvironmentAndKubernetesSecrets implements Secrets {

    private final Environment environment;
    private final KubernetesClients clients;

    EnvironmentAndKubernetesSecrets(Environment environment, KubernetesClients clients) {
        this.environment = environment;
        this.clients = clients;
    }

    @Override
    public Map<String, String> read(Map<String, SecretReference> references) {
        Map<String, String> values = new LinkedHashMap<>();
        references.forEach((name, reference) -> values.put(Templates.SECRETS + name, read(name, reference)));
        return values;
    }

    private String read(String name, SecretReference reference) {
        if (!reference.inKubernetes()) {
            String value = environment.getProperty(reference.environment());
            if (value == null || value.isEmpty()) {
                throw new Unavailable("secret %s: %s is not set".formatted(name, reference));
            }
            return value;
        }
        Secret secret;
        try {
            secret = clients.client().secrets().inNamespace(reference.namespace()).withName(reference.secret()).get();
        } catch (KubernetesClientException e) {
            throw new Unavailable("secret %s: %s could not be read (%s)".formatted(name, reference,
                    e.getCode() == 0 ? e.getClass().getSimpleName() : "HTTP " + e.getCode()));
        }
        if (secret == null) {
            throw new Unavailable("secret %s: %s does not exist".formatted(name, reference));
        }
        if (secret.getStringData() != null && secret.getStringData().containsKey(reference.key())) {
            return secret.getStringData().get(reference.key());
        }
        String encoded = secret.getData() == null ? null : secret.getData().get(reference.key());
        if (encoded == null) {
            throw new Unavailable("secret %s: %s has no such key".formatted(name, reference));
        }
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }
}
