package io.vigil.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/docker-compose.yml checked without Docker: what {@code docker compose config} would refuse (a service
 * without image, a missing file, a dependency on nothing, a port taken twice), and what the stack needs to work
 * (every Vigil service pointed at the compose Kafka, Postgres and Redis, on the port Prometheus scrapes, healthy
 * before what waits for it). {@code bin/check-deploy.sh} runs {@code docker compose config} where it exists.
 */
class ComposeFileTest {

    private static final Map<String, Integer> VIGIL = Map.of("ingestion-service", 8081, "incident-core", 8082,
            "escalation-service", 8083, "notification-service", 8084, "remediation-service", 8085);

    private final Path deploy = DeployAssets.root().resolve("deploy");
    private final Map<String, Object> compose = yaml(deploy.resolve("docker-compose.yml"));
    private final Map<String, Map<String, Object>> services = maps(compose.get("services"));

    @Test
    void runsTheWholeStack() {
        assertThat(services).containsKeys("kafka", "postgres", "redis", "prometheus", "alertmanager", "grafana")
                .containsKeys(VIGIL.keySet().toArray(String[]::new))
                .doesNotContainKey("zookeeper");
        Map<String, Object> kafka = environment("kafka");
        assertThat(String.valueOf(kafka.get("KAFKA_PROCESS_ROLES"))).as("KRaft: broker and controller in one node")
                .contains("broker").contains("controller");
        assertThat(String.valueOf(kafka.get("KAFKA_ADVERTISED_LISTENERS"))).contains("kafka:9092");
    }

    @Test
    void everyServiceHasAnImageOrABuildWhoseFilesExist() {
        services.forEach((name, service) -> {
            assertThat(service.containsKey("image") || service.containsKey("build")).as(name).isTrue();
            if (service.get("image") instanceof String image) {
                assertThat(image).as(name + ": a pinned tag").matches("[^:]+:[^:]*\\d[^:]*")
                        .doesNotEndWith(":latest");
            }
            if (service.get("build") instanceof Map<?, ?> build) {
                Path context = deploy.resolve(String.valueOf(build.get("context"))).normalize();
                assertThat(context).as(name + " build context").isDirectory();
                assertThat(context.resolve(String.valueOf(build.get("dockerfile")))).as(name + " Dockerfile")
                        .isRegularFile();
            }
        });
    }

    @Test
    void mountedFilesExistAndNamedVolumesAreDeclared() {
        Map<String, Object> declared = compose.get("volumes") instanceof Map<?, ?> volumes ? map(volumes) : Map.of();
        services.forEach((name, service) -> {
            for (Object volume : list(service.getOrDefault("volumes", List.of()))) {
                String source = String.valueOf(volume).split(":")[0];
                if (source.startsWith(".") || source.startsWith("/")) {
                    assertThat(deploy.resolve(source).normalize()).as(name + " mounts " + source).exists();
                } else {
                    assertThat(declared).as(name + " uses the volume " + source).containsKey(source);
                }
            }
        });
    }

    @Test
    void dependenciesExistAndWaitedForHealthHaveAHealthcheck() {
        services.forEach((name, service) -> {
            assertThat(service).as(name + " healthcheck").containsKey("healthcheck");
            if (service.get("depends_on") instanceof Map<?, ?> dependsOn) {
                map(dependsOn).forEach((dependency, how) -> {
                    assertThat(services).as(name + " depends on " + dependency).containsKey(dependency);
                    if ("service_healthy".equals(map(how).get("condition"))) {
                        assertThat(services.get(dependency)).as(dependency + " healthcheck")
                                .containsKey("healthcheck");
                    }
                });
            }
        });
        for (String vigil : VIGIL.keySet()) {
            Map<String, Object> dependsOn = map(services.get(vigil).get("depends_on"));
            assertThat(dependsOn).as(vigil).containsOnlyKeys("kafka", "postgres", "redis");
            dependsOn.values().forEach(how -> assertThat(map(how)).containsEntry("condition", "service_healthy"));
            assertThat(String.valueOf(map(services.get(vigil).get("healthcheck")).get("test")))
                    .as(vigil).contains("/actuator/health/readiness");
        }
    }

    @Test
    void noHostPortIsPublishedTwice() {
        Map<String, String> byHostPort = new HashMap<>();
        services.forEach((name, service) -> {
            for (Object port : list(service.getOrDefault("ports", List.of()))) {
                String[] parts = String.valueOf(port).split(":");
                String hostPort = parts.length == 3 ? parts[0] + ":" + parts[1] : parts[0];
                String earlier = byHostPort.put(hostPort.replace("127.0.0.1:", ""), name);
                assertThat(earlier).as("host port " + hostPort + " of " + name).isNull();
            }
        });
    }

    @Test
    void everyVigilServiceRunsOnItsPortAgainstTheStacksKafkaPostgresAndRedis() {
        VIGIL.forEach((name, port) -> {
            Map<String, Object> service = services.get(name);
            Map<String, Object> args = map(map(service.get("build")).get("args"));
            assertThat(args).as(name).containsEntry("SERVICE", name).containsEntry("PORT", String.valueOf(port));
            assertThat(serverPort(name)).as(name + ".yml server.port").isEqualTo(port);
            assertThat(list(service.get("ports"))).as(name).contains("127.0.0.1:" + port + ":" + port);

            Map<String, Object> env = environment(name);
            assertThat(String.valueOf(env.get("SPRING_DATASOURCE_URL"))).as(name)
                    .isEqualTo("jdbc:postgresql://postgres:5432/" + environment("postgres").get("POSTGRES_DB"));
            assertThat(env.get("SPRING_DATASOURCE_USERNAME")).as(name)
                    .isEqualTo(environment("postgres").get("POSTGRES_USER"));
            assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).as(name)
                    .isEqualTo(environment("postgres").get("POSTGRES_PASSWORD"));
            assertThat(env).as(name).containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("SPRING_DATA_REDIS_HOST", "redis")
                    .containsEntry("VIGIL_SECURITY_TOKENS_ADMIN_ROLE", "admin")
                    .containsKey("VIGIL_SECURITY_TOKENS_ADMIN_SHA256");
            assertThat(String.valueOf(env.get("VIGIL_SECURITY_TOKENS_ADMIN_SHA256")))
                    .as("the admin token hash is required, not defaulted").startsWith("${VIGIL_ADMIN_TOKEN_SHA256:?");
        });
    }

    @Test
    void prometheusAlertmanagerAndGrafanaFindWhatTheyTalkToUnderTheComposeNames() {
        List<String> targets = new ArrayList<>();
        Map<String, Object> prometheus = yaml(deploy.resolve("prometheus/prometheus.yml"));
        for (Map<String, Object> job : listOfMaps(prometheus.get("scrape_configs"))) {
            for (Map<String, Object> config : listOfMaps(job.get("static_configs"))) {
                list(config.get("targets")).forEach(target -> targets.add(String.valueOf(target)));
            }
        }
        VIGIL.forEach((name, port) -> assertThat(targets).contains(name + ":" + port));
        for (String target : targets) {
            assertThat(services).as("scrape target " + target).containsKey(target.split(":")[0]);
        }
        assertThat(read(deploy.resolve("prometheus/prometheus.yml"))).contains("alertmanager:9093");
        assertThat(read(deploy.resolve("alertmanager/alertmanager.yml"))).contains("http://ingestion-service:8081/");
        assertThat(read(deploy.resolve("grafana/provisioning/datasources/datasources.yml")))
                .contains("http://prometheus:9090").contains("url: postgres:5432");
        assertThat(environment("grafana").get("VIGIL_GRAFANA_DB_PASSWORD"))
                .isEqualTo(environment("postgres").get("VIGIL_GRAFANA_DB_PASSWORD"));
    }

    private int serverPort(String service) {
        Path file = DeployAssets.root().resolve(service + "/src/main/resources/" + service + ".yml");
        return (Integer) map(yaml(file).get("server")).get("port");
    }

    private Map<String, Object> environment(String service) {
        return map(services.get(service).get("environment"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compose files use anchors and merge keys ({@code <<: *vigil-service}); SnakeYAML resolves both. */
    private static Map<String, Object> yaml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> document = new Yaml().load(in);
            assertThat(document).as(file.toString()).isNotNull();
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> maps(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOfMaps(Object value) {
        return (List<Map<String, Object>>) (List<?>) list(value);
    }
}
