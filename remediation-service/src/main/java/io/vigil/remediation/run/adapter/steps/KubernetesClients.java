package io.vigil.remediation.run.adapter.steps;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vigil.remediation.RemediationProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The Kubernetes client, made on first use so that a service whose runbooks never touch Kubernetes never looks for
 * a cluster: with {@code vigil.remediation.kubernetes.master-url} empty it finds the cluster as kubectl does (in-cluster
 * service account, else the kubeconfig).
 */
@Component
class KubernetesClients implements DisposableBean {

    private final RemediationProperties.Kubernetes settings;
    private volatile KubernetesClient client;

    KubernetesClients(RemediationProperties properties) {
        this.settings = properties.kubernetes();
    }

    KubernetesClient client() {
        KubernetesClient made = client;
        if (made == null) {
            synchronized (this) {
                made = client;
                if (made == null) {
                    made = build();
                    client = made;
                }
            }
        }
        return made;
    }

    private KubernetesClient build() {
        if (settings.masterUrl() == null || settings.masterUrl().isBlank()) {
            return new KubernetesClientBuilder().build();
        }
        Config config = new ConfigBuilder(Config.empty()).withMasterUrl(settings.masterUrl())
                .withTrustCerts(settings.trustCerts()).withRequestTimeout((int) settings.requestTimeout().toMillis())
                .build();
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    @Override
    public void destroy() {
        KubernetesClient made = client;
        if (made != null) {
            made.close();
        }
    }
}
