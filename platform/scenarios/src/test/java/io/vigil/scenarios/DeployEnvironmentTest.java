package io.vigil.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.vigil.escalation.EscalationProperties;
import io.vigil.notification.NotificationProperties;
import io.vigil.starter.VigilPlatformProperties;
import io.vigil.starter.security.ApiRole;
import io.vigil.starter.security.ApiSecurityProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The environment variables docker-compose.yml and the Helm chart give the services, bound the way Spring binds a
 * container's environment to the services' own property records: a misspelt name (an underscore too many, a
 * dash kept) would leave a setting at its default without any error, so each must land where it is meant to.
 */
class DeployEnvironmentTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::?([-?])([^}]*))?}");
    private static final String SHA256 = "ab".repeat(32);

    /** What the operator exports before {@code docker compose up}. */
    private static final Map<String, String> SHELL = Map.of("VIGIL_ADMIN_TOKEN_SHA256", SHA256,
            "VIGIL_TWILIO_ACCOUNT_SID", "AC0123", "VIGIL_TWILIO_AUTH_TOKEN", "twilio-token",
            "VIGIL_TWILIO_FROM_NUMBER", "+15550100", "VIGIL_SLACK_BOT_TOKEN", "xoxb-1",
            "VIGIL_ESCALATION_CONFIG_FILE", "file:/etc/vigil/escalation.yaml");

    @Test
    void composeSettingsReachTheServicesProperties() {
        for (String service : new String[] {"ingestion-service", "incident-core", "escalation-service",
                "notification-service", "remediation-service"}) {
            StandardEnvironment environment = environment(composeEnvironment(service));

            assertThat(environment.getProperty("spring.datasource.url")).as(service)
                    .isEqualTo("jdbc:postgresql://postgres:5432/vigil");
            assertThat(environment.getProperty("spring.datasource.password")).as(service)
                    .isEqualTo("vigil-local-only");
            assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).as(service).isEqualTo("kafka:9092");
            assertThat(environment.getProperty("spring.data.redis.host")).as(service).isEqualTo("redis");
            assertAdminToken(environment, service);
            VigilPlatformProperties platform = Binder.get(environment)
                    .bind("vigil.platform", VigilPlatformProperties.class).get();
            assertThat(platform.kafka().replicationFactor()).as(service).isEqualTo((short) 1);
        }

        StandardEnvironment notification = environment(composeEnvironment("notification-service"));
        NotificationProperties properties = Binder.get(notification)
                .bind("vigil.notification", NotificationProperties.class).get();
        assertThat(properties.incidentUrl()).isEqualTo("http://localhost:8082/v1/incidents/{id}");
        assertThat(properties.twilio().accountSid()).isEqualTo("AC0123");
        assertThat(properties.twilio().authToken()).isEqualTo("twilio-token");
        assertThat(properties.twilio().fromNumber()).isEqualTo("+15550100");
        assertThat(properties.twilio().webhookBaseUrl()).isEqualTo("http://localhost:8084");
        // notification-service.yml reads the Slack token from this variable.
        assertThat(notification.getProperty("VIGIL_SLACK_BOT_TOKEN")).isEqualTo("xoxb-1");

        EscalationProperties escalation = Binder.get(environment(composeEnvironment("escalation-service")))
                .bind("vigil.escalation", EscalationProperties.class).get();
        assertThat(escalation.configFile()).isEqualTo("file:/etc/vigil/escalation.yaml");
    }

    @Test
    void helmSettingsReachTheServicesProperties() {
        var objects = HelmChartTest.render(template -> template
                .withValuesFile(HelmChartTest.testResource("helm/external-infrastructure.yaml"))
                .set("twilio.webhookBaseUrl", "https://vigil.example.com/notification")
                .set("services.incident-core.env.VIGIL_INCIDENT_REOPENWINDOW", "2h"));

        for (Deployment deployment : HelmChartTest.of(objects, Deployment.class)) {
            String name = deployment.getMetadata().getName();
            StandardEnvironment environment = environment(helmEnvironment(deployment));

            assertThat(environment.getProperty("server.port")).as(name).matches("808[1-5]");
            assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).as(name)
                    .isEqualTo("kafka-0.kafka:9092,kafka-1.kafka:9092");
            assertThat(environment.getProperty("spring.datasource.password")).as(name)
                    .isEqualTo("secret db-credentials/password");
            assertThat(environment.getProperty("spring.data.redis.url")).as(name)
                    .isEqualTo("secret cache-credentials/url");
            ApiSecurityProperties security = Binder.get(environment)
                    .bind("vigil.security", ApiSecurityProperties.class).get();
            assertThat(security.tokens()).as(name).containsOnlyKeys("admin", "wallboard");
            assertThat(security.tokens().get("wallboard").role()).isEqualTo(ApiRole.VIEWER);
            assertThat(security.tokens().get("wallboard").sha256()).isEqualTo("secret vigil-api-tokens/wallboard-sha256");
            assertThat(Binder.get(environment).bind("vigil.platform", VigilPlatformProperties.class).get()
                    .kafka().replicationFactor()).as(name).isEqualTo((short) 3);

            if (name.endsWith("notification-service")) {
                NotificationProperties notification = Binder.get(environment)
                        .bind("vigil.notification", NotificationProperties.class).get();
                assertThat(notification.twilio().accountSid()).isEqualTo("secret twilio-account/account-sid");
                assertThat(notification.twilio().authToken()).isEqualTo("secret twilio-account/auth-token");
                assertThat(notification.twilio().fromNumber()).isEqualTo("+15550100");
                assertThat(notification.twilio().webhookBaseUrl()).isEqualTo("https://vigil.example.com/notification");
                assertThat(environment.getProperty("VIGIL_SLACK_SIGNING_SECRET"))
                        .isEqualTo("secret slack-app/signing-secret");
            }
            if (name.endsWith("incident-core")) {
                // Environment form of vigil.incident.reopen-window: dashes dropped, as the README tells operators.
                assertThat(Binder.get(environment).bind("vigil.incident.reopen-window", String.class).get())
                        .isEqualTo("2h");
            }
        }
    }

    private static void assertAdminToken(StandardEnvironment environment, String service) {
        ApiSecurityProperties security = Binder.get(environment).bind("vigil.security", ApiSecurityProperties.class)
                .get();
        assertThat(security.tokens()).as(service).containsOnlyKeys("admin");
        assertThat(security.tokens().get("admin").role()).isEqualTo(ApiRole.ADMIN);
        assertThat(security.tokens().get("admin").sha256()).isEqualTo(SHA256);
    }

    /** An environment whose only source is these variables, read as Spring reads a process' environment. */
    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return environment;
    }

    /** A service's environment in the compose file, with {@code ${VAR}}, {@code ${VAR:-default}} as compose fills them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> composeEnvironment(String service) {
        Map<String, Object> compose;
        try (InputStream in = Files.newInputStream(DeployAssets.root().resolve("deploy/docker-compose.yml"))) {
            compose = new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> raw = (Map<String, Object>) ((Map<String, Object>) services.get(service))
                .get("environment");
        Map<String, Object> variables = new LinkedHashMap<>();
        raw.forEach((name, value) -> variables.put(name, interpolate(String.valueOf(value))));
        return variables;
    }

    private static String interpolate(String value) {
        Matcher variable = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (variable.find()) {
            String set = SHELL.get(variable.group(1));
            String replacement;
            if ("?".equals(variable.group(2))) {
                assertThat(set).as("required variable " + variable.group(1)).isNotNull();
                replacement = set;
            } else {
                replacement = set != null && !set.isEmpty() ? set
                        : variable.group(3) == null ? "" : variable.group(3);
            }
            variable.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        variable.appendTail(result);
        return result.toString();
    }

    /** A container's environment, a value from a Secret written as {@code secret <name>/<key>}. */
    private static Map<String, Object> helmEnvironment(Deployment deployment) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (EnvVar variable : deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv()) {
            if (variable.getValueFrom() != null) {
                var ref = variable.getValueFrom().getSecretKeyRef();
                variables.put(variable.getName(), "secret " + ref.getName() + "/" + ref.getKey());
            } else {
                variables.put(variable.getName(), variable.getValue());
            }
        }
        return variables;
    }
}
