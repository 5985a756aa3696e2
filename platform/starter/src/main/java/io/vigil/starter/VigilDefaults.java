package io.vigil.starter;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Defaults every Vigil service runs with, added with the lowest precedence so a service's own
 * file, the environment or the command line can change any of them.
 */
public class VigilDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "vigilDefaults";
    private static final String APPLICATION_DEFAULTS = "defaultProperties";

    private static final Map<String, Object> DEFAULTS = Map.ofEntries(
            // Producers: nothing is acknowledged until every in-sync replica has it, and retries never duplicate.
            Map.entry("spring.kafka.producer.acks", "all"),
            Map.entry("spring.kafka.producer.properties.enable.idempotence", "true"),
            Map.entry("spring.kafka.producer.properties.request.timeout.ms", "15000"),
            Map.entry("spring.kafka.producer.properties.delivery.timeout.ms", "30000"),
            Map.entry("spring.kafka.producer.properties.linger.ms", "5"),
            Map.entry("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer"),
            Map.entry("spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.StringSerializer"),
            // Consumers: commit only what was processed, start from the beginning of a new group.
            Map.entry("spring.kafka.consumer.group-id", "${spring.application.name}"),
            Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
            Map.entry("spring.kafka.consumer.enable-auto-commit", "false"),
            Map.entry("spring.kafka.consumer.isolation-level", "read-committed"),
            Map.entry("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer"),
            Map.entry("spring.kafka.consumer.value-deserializer", "org.apache.kafka.common.serialization.StringDeserializer"),
            // Offsets are committed per poll, not per record: a crash replays at most one batch, which the inbox
            // makes harmless, and the consumer does not pay a broker round trip for every record.
            Map.entry("spring.kafka.listener.ack-mode", "batch"),
            // One consumer thread per partition of Vigil's topics (vigil.platform.kafka.partitions).
            Map.entry("spring.kafka.listener.concurrency", "${vigil.platform.kafka.partitions:3}"),
            Map.entry("spring.kafka.admin.operation-timeout", "10s"),
            // Persistence: the schema belongs to Flyway, JPA only checks it.
            Map.entry("spring.jpa.hibernate.ddl-auto", "validate"),
            Map.entry("spring.jpa.open-in-view", "false"),
            Map.entry("spring.flyway.create-schemas", "true"),
            Map.entry("spring.flyway.schemas", "${vigil.service.schema}"),
            Map.entry("spring.flyway.default-schema", "${vigil.service.schema}"),
            Map.entry("spring.flyway.locations",
                    "classpath:db/migration/vigil-platform,classpath:db/migration/${spring.application.name}"),
            Map.entry("spring.datasource.hikari.schema", "${vigil.service.schema}"),
            Map.entry("spring.jpa.properties.hibernate.default_schema", "${vigil.service.schema}"),
            Map.entry("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/vigil"),
            Map.entry("spring.datasource.username", "postgres"),
            Map.entry("spring.datasource.hikari.connection-timeout", "5000"),
            // HTTP: requests on virtual threads (errors are problem details, see ProblemDetailsAdvice).
            Map.entry("spring.threads.virtual.enabled", "true"),
            Map.entry("server.shutdown", "graceful"),
            // Health: readiness means the service can reach Kafka, Postgres and Redis.
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus,metrics"),
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            Map.entry("management.endpoint.health.show-details", "always"),
            Map.entry("management.endpoint.health.group.readiness.include", "readinessState,db,redis,kafka"),
            Map.entry("management.endpoint.health.group.liveness.include", "livenessState"),
            Map.entry("management.metrics.tags.service", "${spring.application.name}"),
            // Kafka's clients log every configuration at INFO; warnings and errors are what an operator needs.
            Map.entry("logging.level.org.apache.kafka", "WARN"));

    /**
     * Boot moves the application's default properties ({@code SpringApplicationBuilder.properties}, which
     * the devstack uses to point services at its infrastructure) behind every other source after this runs,
     * so the Vigil defaults join that source, under the application's own values, rather than follow it.
     */
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.get(APPLICATION_DEFAULTS) instanceof MapPropertySource applicationDefaults) {
            Map<String, Object> merged = new HashMap<>(DEFAULTS);
            merged.putAll(applicationDefaults.getSource());
            sources.replace(APPLICATION_DEFAULTS, new MapPropertySource(APPLICATION_DEFAULTS, merged));
        } else {
            sources.addLast(new MapPropertySource(SOURCE_NAME, DEFAULTS));
        }
    }
}
