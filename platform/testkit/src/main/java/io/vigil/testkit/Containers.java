package io.vigil.testkit;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers step. Kept apart from the resolvers so that only this class links against
 * Testcontainers, and only once Docker has been found.
 */
final class Containers {

    static final String POSTGRES_IMAGE = "postgres:17-alpine";
    static final String REDIS_IMAGE = "redis:7-alpine";
    static final String KAFKA_IMAGE = "apache/kafka-native:4.1.1";
    private static final int REDIS_PORT = 6379;

    private Containers() {
    }

    static Resolved<PostgresEndpoint> postgres() {
        PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
        startOrStop(container);
        PostgresEndpoint endpoint = new PostgresEndpoint(container.getHost(),
                container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT), container.getUsername(),
                container.getPassword(), container.getDatabaseName(), Origin.TESTCONTAINERS);
        return Resolved.started(endpoint, container::stop);
    }

    static Resolved<RedisEndpoint> redis() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(REDIS_IMAGE))
                .withExposedPorts(REDIS_PORT);
        startOrStop(container);
        RedisEndpoint endpoint = new RedisEndpoint(container.getHost(), container.getMappedPort(REDIS_PORT),
                Origin.TESTCONTAINERS);
        return Resolved.started(endpoint, container::stop);
    }

    static Resolved<KafkaEndpoint> kafka() {
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
        startOrStop(container);
        return Resolved.started(new KafkaEndpoint(container.getBootstrapServers(), Origin.TESTCONTAINERS),
                container::stop);
    }

    /** A container that fails half-way must not linger: the caller falls through to an embedded server. */
    private static void startOrStop(GenericContainer<?> container) {
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw e;
        }
    }
}
