package io.vigil.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Renders deploy/helm/vigil with Helm's own template engine (helm-java bundles the Helm library) and reads every
 * rendered document as the Kubernetes object it claims to be.
 */
class HelmChartTest {

    private static final Map<String, Integer> SERVICES = Map.of("ingestion-service", 8081, "incident-core", 8082,
            "escalation-service", 8083, "notification-service", 8084, "remediation-service", 8085);

    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

    @Test
    void passesHelmLint() {
        LintResult lint = new Helm(chart()).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void rendersOneDeploymentServicePdbAndNetworkPolicyPerService() {
        List<HasMetadata> objects = render(template -> template);

        assertThat(objects).allSatisfy(object -> {
            assertThat(object.getApiVersion()).as("apiVersion of %s", object).isNotBlank();
            assertThat(object.getKind()).as("kind of %s", object).isNotBlank();
            assertThat(object.getMetadata().getName()).as("name of a %s", object.getKind())
                    .matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
        });
        assertThat(objects).filteredOn(object -> object instanceof GenericKubernetesResource)
                .as("documents that are no known Kubernetes kind").isEmpty();
        assertThat(deployments(objects)).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrder(
                "vigil-ingestion-service", "vigil-incident-core", "vigil-escalation-service",
                "vigil-notification-service", "vigil-remediation-service");
        assertThat(objects).filteredOn(o -> o.getKind().equals("ServiceMonitor")).isEmpty();

        for (Deployment deployment : deployments(objects)) {
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            String component = podLabels.get("app.kubernetes.io/component");
            String name = deployment.getMetadata().getName();
            assertThat(selects(deployment.getSpec().getSelector().getMatchLabels(), podLabels)).as(name).isTrue();
            assertThat(of(objects, PodDisruptionBudget.class)).as("PDB selecting " + name)
                    .filteredOn(pdb -> selects(pdb.getSpec().getSelector().getMatchLabels(), podLabels))
                    .singleElement().satisfies(pdb -> assertThat(pdb.getSpec().getMaxUnavailable().getIntVal())
                            .isEqualTo(1));
            assertThat(of(objects, NetworkPolicy.class)).as("NetworkPolicy selecting " + name)
                    .filteredOn(policy -> selects(policy.getSpec().getPodSelector().getMatchLabels(), podLabels))
                    .singleElement().satisfies(policy -> assertThat(policy.getSpec().getIngress()).singleElement()
                            .satisfies(rule -> assertThat(rule.getPorts().getFirst().getPort().getStrVal())
                                    .isEqualTo("http")));
            assertThat(of(objects, Service.class)).as("Service in front of " + name)
                    .filteredOn(service -> selects(service.getSpec().getSelector(), podLabels))
                    .singleElement().satisfies(service -> assertThat(service.getSpec().getPorts().getFirst()
                            .getPort()).isEqualTo(SERVICES.get(component)));
        }
    }

    @Test
    void everyDeploymentProbesActuatorRunsAsNonRootAndIsSized() {
        for (Deployment deployment : deployments(render(template -> template))) {
            String name = deployment.getMetadata().getName();
            String service = deployment.getSpec().getTemplate().getMetadata().getLabels()
                    .get("app.kubernetes.io/component");
            assertThat(deployment.getSpec().getReplicas()).as(name).isGreaterThanOrEqualTo(2);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(container.getImage()).as(name).isEqualTo("vigil/" + service + ":0.1.0-SNAPSHOT");
            assertThat(container.getPorts().getFirst().getContainerPort()).as(name).isEqualTo(SERVICES.get(service));
            assertThat(env(container)).as(name).containsEntry("SERVER_PORT", String.valueOf(SERVICES.get(service)))
                    .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("SPRING_DATA_REDIS_URL", "redis://redis:6379");

            assertActuatorProbe(container.getLivenessProbe(), "/actuator/health/liveness", name);
            assertActuatorProbe(container.getStartupProbe(), "/actuator/health/liveness", name);
            assertActuatorProbe(container.getReadinessProbe(), "/actuator/health/readiness", name);

            assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(name).containsKey("memory");

            PodSecurityContext pod = deployment.getSpec().getTemplate().getSpec().getSecurityContext();
            SecurityContext own = container.getSecurityContext();
            assertThat(pod.getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getRunAsUser()).as(name).isPositive();
            assertThat(own.getAllowPrivilegeEscalation()).as(name).isFalse();
            assertThat(own.getReadOnlyRootFilesystem()).as(name).isTrue();
            assertThat(own.getCapabilities().getDrop()).as(name).containsExactly("ALL");
            assertThat(container.getVolumeMounts()).as(name).anyMatch(mount -> mount.getMountPath().equals("/tmp"));
        }
    }

    @Test
    void takesInfrastructureFromValuesAndSecretsByReference() {
        List<HasMetadata> objects = render(template -> template.withValuesFile(testResource(
                "helm/external-infrastructure.yaml")));

        for (Deployment deployment : deployments(objects)) {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            Map<String, String> env = env(container);
            assertThat(env).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka-0.kafka:9092,kafka-1.kafka:9092")
                    .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://db.internal:5432/vigil")
                    .containsEntry("VIGIL_SECURITY_TOKENS_ADMIN_ROLE", "admin")
                    .containsEntry("VIGIL_SECURITY_TOKENS_WALLBOARD_ROLE", "viewer");
            assertThat(secretRef(container, "SPRING_DATASOURCE_PASSWORD")).isEqualTo("db-credentials/password");
            assertThat(secretRef(container, "SPRING_DATA_REDIS_URL")).isEqualTo("cache-credentials/url");
            assertThat(secretRef(container, "VIGIL_SECURITY_TOKENS_ADMIN_SHA256"))
                    .isEqualTo("vigil-api-tokens/admin-sha256");
            assertThat(secretRef(container, "VIGIL_SECURITY_TOKENS_WALLBOARD_SHA256"))
                    .isEqualTo("vigil-api-tokens/wallboard-sha256");
            boolean notification = deployment.getMetadata().getName().endsWith("notification-service");
            assertThat(env.containsKey("VIGIL_SLACK_BOT_TOKEN")).as(deployment.getMetadata().getName())
                    .isEqualTo(notification);
            if (notification) {
                assertThat(secretRef(container, "VIGIL_SLACK_BOT_TOKEN")).isEqualTo("slack-app/bot-token");
                assertThat(secretRef(container, "VIGIL_SLACK_SIGNING_SECRET")).isEqualTo("slack-app/signing-secret");
                assertThat(secretRef(container, "VIGIL_NOTIFICATION_TWILIO_AUTHTOKEN"))
                        .isEqualTo("twilio-account/auth-token");
                assertThat(env).containsEntry("VIGIL_NOTIFICATION_TWILIO_FROMNUMBER", "+15550100");
            }
        }
    }

    @Test
    void refusesToRenderWithoutKafka() {
        assertThatThrownBy(() -> render(template -> template.set("kafka.bootstrapServers", "")))
                .hasMessageContaining("kafka.bootstrapServers is required");
    }

    @Test
    void onlyPublicServicesAreOpenToEveryone() {
        for (NetworkPolicy policy : of(render(template -> template), NetworkPolicy.class)) {
            String service = policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/component");
            var from = policy.getSpec().getIngress().getFirst().getFrom();
            if (service.equals("ingestion-service") || service.equals("notification-service")) {
                assertThat(from).as(service).isNullOrEmpty();
            } else {
                assertThat(from).as(service).singleElement().satisfies(peer -> assertThat(
                        peer.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/instance", "vigil"));
            }
        }
    }

    @Test
    void serviceMonitorScrapesEveryServiceUnderItsOwnJobName() {
        List<HasMetadata> objects = render(template -> template.set("serviceMonitor.enabled", "true"));

        GenericKubernetesResource monitor = objects.stream()
                .filter(object -> object.getKind().equals("ServiceMonitor"))
                .map(GenericKubernetesResource.class::cast)
                .findFirst().orElseThrow();
        assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        Map<String, Object> spec = monitor.get("spec");
        // The rules and dashboards select job="<service>": the job comes from the Services' component label.
        assertThat(spec).containsEntry("jobLabel", "app.kubernetes.io/component");
        assertThat((List<Map<String, Object>>) monitor.get("spec", "endpoints")).singleElement()
                .satisfies(endpoint -> assertThat(endpoint).containsEntry("port", "http")
                        .containsEntry("path", "/actuator/prometheus"));
        Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
        for (Service service : of(objects, Service.class)) {
            assertThat(service.getMetadata().getLabels()).as(service.getMetadata().getName())
                    .containsAllEntriesOf(selector).containsKey("app.kubernetes.io/component");
            assertThat(service.getSpec().getPorts()).extracting(port -> port.getName()).contains("http");
        }
    }

    /** Whether a label selector picks pods with these labels; an empty selector would pick every pod. */
    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    private static void assertActuatorProbe(Probe probe, String path, String deployment) {
        assertThat(probe).as(deployment + " probe on " + path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(deployment).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).as(deployment).isEqualTo("http");
    }

    private static Map<String, String> env(Container container) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (EnvVar variable : container.getEnv()) {
            env.put(variable.getName(), variable.getValue());
        }
        return env;
    }

    /** The Secret and key an environment variable is read from, as {@code secret/key}. */
    private static String secretRef(Container container, String name) {
        EnvVar variable = container.getEnv().stream().filter(env -> env.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + container.getName()));
        var ref = variable.getValueFrom().getSecretKeyRef();
        return ref.getName() + "/" + ref.getKey();
    }

    private static List<Deployment> deployments(List<HasMetadata> objects) {
        return of(objects, Deployment.class);
    }

    static <T> List<T> of(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static Path testResource(String name) {
        try {
            return Path.of(HelmChartTest.class.getClassLoader().getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path chart() {
        return DeployAssets.root().resolve("deploy/helm/vigil");
    }

    /** {@code helm template vigil deploy/helm/vigil -n vigil}, each document read as its Kubernetes kind. */
    static List<HasMetadata> render(UnaryOperator<TemplateCommand> options) {
        String manifest = options.apply(new Helm(chart()).template().withName("vigil").withNamespace("vigil")).call();
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : manifest.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
                continue;
            }
            Object parsed = KUBERNETES.unmarshal(document);
            assertThat(parsed).as(document).isInstanceOf(HasMetadata.class);
            objects.add((HasMetadata) parsed);
        }
        assertThat(objects).isNotEmpty();
        return objects;
    }
}
