package io.vigil.remediation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.vigil.remediation.RemediationHarness.INFRA;
import static io.vigil.remediation.RemediationHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.vigil.contracts.IncidentOpened;
import io.vigil.contracts.IncidentSeverity;
import io.vigil.testkit.HttpProbe;
import io.vigil.testkit.MutableClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Kubernetes actions through the fabric8 client against fabric8's mock API server in CRUD mode. */
class KubernetesActionsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final MutableClock CLOCK = MutableClock.at("2026-06-01T10:00:00Z");
    private static KubernetesMockServer cluster;
    private static KubernetesClient kubectl;
    private static WireMockServer probe;
    private static ConfigurableApplicationContext service;
    private static HttpProbe api;

    @BeforeAll
    static void start() {
        cluster = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        cluster.init();
        kubectl = cluster.createClient();
        probe = new WireMockServer(options().dynamicPort());
        probe.start();
        probe.stubFor(get(urlEqualTo("/latency")).willReturn(aResponse().withStatus(503).withBody("still slow")));
        service = RemediationHarness.start(INFRA.postgres().createDatabase("remediation_kubernetes"),
                "remediation-kubernetes-" + UUID.randomUUID(), CLOCK,
                Map.of("vigil.remediation.kubernetes.master-url", cluster.url("/")));
        api = RemediationHarness.api(service);
    }

    @AfterAll
    static void stop() {
        service.close();
        probe.stop();
        kubectl.close();
        cluster.destroy();
    }

    private static void deployment(String namespace, String name, int replicas) {
        kubectl.apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewTemplate().withNewMetadata()
                .addToLabels("app", name).endMetadata().endTemplate().endSpec().build()).create();
    }

    private static Deployment current(String namespace, String name) {
        return kubectl.apps().deployments().inNamespace(namespace).withName(name).get();
    }

    private static JsonNode runOf(UUID incidentId) {
        JsonNode runs = json(api.get("/v1/remediation-runs?incident=" + incidentId).body());
        return runs.size() == 1 ? runs.get(0) : null;
    }

    @Test
    void aScaleChangesTheReplicasAndItsRollbackRestoresThePreviousValue() {
        String svc = "k8s-" + UUID.randomUUID().toString().substring(0, 8);
        deployment("shop", svc, 2);
        HttpProbe.Response stored = RemediationHarness.putYaml(service, "/v1/runbooks/scale-" + svc, """
                name: scale-%1$s
                trigger: {service: %1$s}
                steps:
                  - name: scale-up
                    type: action
                    kubernetes: {action: scale, namespace: shop, deployment: "{{service}}", replicas: 5}
                  - name: latency-ok
                    type: check
                    http: {url: "http://localhost:%2$d/latency", expectStatus: 200}
                    retries: 1
                    retryDelay: 1m
                    onFailure: rollback
                rollback:
                  - name: scale-back
                    type: action
                    undoes: scale-up
                    kubernetes: {action: scale, namespace: shop, deployment: "{{service}}",
                                 replicas: "{{steps.scale-up.previousReplicas}}"}
                guardrails: {allowedHosts: [localhost], allowedNamespaces: [shop]}
                """.formatted(svc, probe.port()));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        IncidentOpened incident = RemediationHarness.opened(svc, IncidentSeverity.SEV3);

        RemediationHarness.publish(incident, CLOCK);

        await().atMost(PATIENCE).until(() -> current("shop", svc).getSpec().getReplicas() == 5);
        await().atMost(PATIENCE).until(() -> probe.findAll(getRequestedFor(urlEqualTo("/latency"))).size() >= 1);
        CLOCK.advance(Duration.ofMinutes(2));
        JsonNode run = await().atMost(PATIENCE).until(() -> runOf(incident.incidentId()),
                r -> r != null && "rolled_back".equals(r.path("state").asString()));
        assertThat(current("shop", svc).getSpec().getReplicas()).isEqualTo(2);
        assertThat(run.path("steps").get(0).path("output").asString())
                .isEqualTo("scaled deployment shop/%s from 2 to 5 replicas".formatted(svc));
        assertThat(run.path("steps").get(2).path("description").asString())
                .isEqualTo("scale deployment shop/%s to 2 replicas".formatted(svc));
    }

    @Test
    void aRolloutRestartStampsThePodTemplate() {
        String svc = "k8s-" + UUID.randomUUID().toString().substring(0, 8);
        deployment("shop", svc, 3);
        RemediationHarness.putYaml(service, "/v1/runbooks/restart-" + svc, """
                name: restart-%1$s
                trigger: {service: %1$s}
                steps:
                  - {name: restart, type: action, kubernetes: {action: restart, namespace: shop, deployment: "{{service}}"}}
                guardrails: {allowedNamespaces: [shop]}
                """.formatted(svc));
        IncidentOpened incident = RemediationHarness.opened(svc, IncidentSeverity.SEV3);

        RemediationHarness.publish(incident, CLOCK);

        await().atMost(PATIENCE).until(() -> runOf(incident.incidentId()),
                r -> r != null && "succeeded".equals(r.path("state").asString()));
        assertThat(current("shop", svc).getSpec().getTemplate().getMetadata().getAnnotations())
                .containsKey("kubectl.kubernetes.io/restartedAt");
        assertThat(current("shop", svc).getSpec().getReplicas()).isEqualTo(3);
    }

    @Test
    void aRollbackActionPutsThePodTemplateOfThePreviousRevisionBack() {
        String svc = "k8s-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> labels = Map.of("app", svc);
        revisedDeployment(svc, labels, "2", "shop/checkout:2.0");
        replicaSet(svc, labels, "1", "shop/checkout:1.9");
        replicaSet(svc, labels, "2", "shop/checkout:2.0");

        JsonNode run = rollBackByRunbook(svc);

        assertThat(run.path("state").asString()).as(run.toString()).isEqualTo("succeeded");
        assertThat(current("shop", svc).getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("shop/checkout:1.9");
        assertThat(run.path("steps").get(0).path("output").asString())
                .isEqualTo("rolled deployment shop/%s back from revision 2 (shop/checkout:2.0) to shop/checkout:1.9"
                        .formatted(svc));
    }

    @Test
    void aRollbackWithoutAnEarlierRevisionFailsAndChangesNothing() {
        String svc = "k8s-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> labels = Map.of("app", svc);
        revisedDeployment(svc, labels, "1", "shop/checkout:1.0");
        replicaSet(svc, labels, "1", "shop/checkout:1.0");

        JsonNode run = rollBackByRunbook(svc);

        assertThat(run.path("state").asString()).as(run.toString()).isEqualTo("failed");
        assertThat(run.path("steps").get(0).path("output").asString())
                .isEqualTo("deployment shop/%s has no earlier revision to roll back to".formatted(svc));
        assertThat(current("shop", svc).getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("shop/checkout:1.0");
    }

    /** A runbook that rolls the service's deployment back, run on a new incident: the run once it ended. */
    private static JsonNode rollBackByRunbook(String svc) {
        RemediationHarness.putYaml(service, "/v1/runbooks/undo-" + svc, """
                name: undo-%1$s
                trigger: {service: %1$s}
                steps:
                  - {name: undo, type: action, kubernetes: {action: rollback, namespace: shop, deployment: "{{service}}"}}
                guardrails: {allowedNamespaces: [shop]}
                """.formatted(svc));
        IncidentOpened incident = RemediationHarness.opened(svc, IncidentSeverity.SEV3);
        RemediationHarness.publish(incident, CLOCK);
        return await().atMost(PATIENCE).until(() -> runOf(incident.incidentId()),
                r -> r != null && r.path("state").asString().matches("succeeded|failed"));
    }

    /** A deployment at a revision, with a selector, as the deployment controller leaves it. */
    private static void revisedDeployment(String name, Map<String, String> labels, String revision, String image) {
        kubectl.apps().deployments().inNamespace("shop").resource(new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace("shop")
                .addToAnnotations("deployment.kubernetes.io/revision", revision).endMetadata()
                .withNewSpec().withReplicas(2).withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage(image).endContainer()
                .endSpec().endTemplate().endSpec().build()).create();
    }

    /** A replica set as the deployment controller leaves one behind for each revision. */
    private static void replicaSet(String deployment, Map<String, String> labels, String revision, String image) {
        kubectl.apps().replicaSets().inNamespace("shop").resource(new ReplicaSetBuilder()
                .withNewMetadata().withName(deployment + "-r" + revision).withNamespace("shop").withLabels(labels)
                .addToAnnotations("deployment.kubernetes.io/revision", revision).endMetadata()
                .withNewSpec().withReplicas(0).withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage(image).endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
    }
}
