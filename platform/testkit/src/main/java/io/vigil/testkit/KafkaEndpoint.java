package io.vigil.testkit;

import java.util.Objects;

/**
 * A reachable Kafka cluster.
 *
 * @param bootstrapServers comma-separated {@code host:port} list, as Kafka clients take it
 * @param origin           where the cluster came from
 */
public record KafkaEndpoint(String bootstrapServers, Origin origin) {

    public KafkaEndpoint {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(origin, "origin");
    }
}
