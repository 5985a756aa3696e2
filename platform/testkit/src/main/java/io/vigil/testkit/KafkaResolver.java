package io.vigil.testkit;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Finds or starts a Kafka: {@value #BOOTSTRAP_VARIABLE}, then a broker on the local default port, then
 * Testcontainers, then an in-process KRaft broker.
 */
final class KafkaResolver {

    static final String BOOTSTRAP_VARIABLE = "VIGIL_KAFKA_BOOTSTRAP";
    static final String LOCAL_HOST = "127.0.0.1";
    static final int LOCAL_PORT = 9092;

    private static final Logger log = LoggerFactory.getLogger(KafkaResolver.class);
    private static final Duration LOCAL_PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ENVIRONMENT_PROBE_TIMEOUT = Duration.ofSeconds(5);
    /**
     * The broker publishes its address under this system property; Spring's default name would quietly
     * override spring.kafka.bootstrap-servers for every application context in the JVM.
     */
    private static final String BROKER_LIST_PROPERTY = "vigil.testkit.kafka.bootstrap-servers";

    private final Map<String, String> env;
    private final String localHost;
    private final int localPort;
    private final BooleanSupplier dockerAvailable;

    KafkaResolver(Map<String, String> env, String localHost, int localPort, BooleanSupplier dockerAvailable) {
        this.env = Map.copyOf(env);
        this.localHost = Objects.requireNonNull(localHost, "localHost");
        this.localPort = localPort;
        this.dockerAvailable = Objects.requireNonNull(dockerAvailable, "dockerAvailable");
    }

    static KafkaResolver forThisMachine() {
        return new KafkaResolver(System.getenv(), LOCAL_HOST, LOCAL_PORT, Docker::isAvailable);
    }

    Resolved<KafkaEndpoint> resolve() {
        String bootstrap = Environment.value(env, BOOTSTRAP_VARIABLE);
        if (bootstrap != null) {
            try {
                KafkaProbe.split(bootstrap);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(BOOTSTRAP_VARIABLE + " must look like host:port[,host:port]: "
                        + e.getMessage(), e);
            }
            try {
                KafkaProbe.check(bootstrap, ENVIRONMENT_PROBE_TIMEOUT);
            } catch (IOException e) {
                throw Environment.unreachable(BOOTSTRAP_VARIABLE, bootstrap, e);
            }
            return found(new KafkaEndpoint(bootstrap, Origin.ENVIRONMENT));
        }

        String local = Hosts.forUri(localHost) + ":" + localPort;
        try {
            KafkaProbe.check(local, LOCAL_PROBE_TIMEOUT);
            return found(new KafkaEndpoint(local, Origin.LOCAL));
        } catch (IOException e) {
            log.debug("No usable Kafka at {}: {}", local, Environment.describe(e));
        }

        if (dockerAvailable.getAsBoolean()) {
            try {
                return started(Containers::kafka);
            } catch (RuntimeException e) {
                log.warn("Kafka container did not start, starting an embedded Kafka instead", e);
            }
        }
        return started(KafkaResolver::startEmbedded);
    }

    private static Resolved<KafkaEndpoint> startEmbedded() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerListProperty(BROKER_LIST_PROPERTY);
        try {
            broker.afterPropertiesSet();
        } catch (RuntimeException e) {
            broker.destroy();
            throw e;
        }
        return Resolved.started(new KafkaEndpoint(broker.getBrokersAsString(), Origin.EMBEDDED), broker::destroy);
    }

    private static Resolved<KafkaEndpoint> found(KafkaEndpoint endpoint) {
        log.info("Kafka: {} {}", endpoint.origin(), endpoint.bootstrapServers());
        return Resolved.found(endpoint);
    }

    private static Resolved<KafkaEndpoint> started(Supplier<Resolved<KafkaEndpoint>> start) {
        long begin = System.nanoTime();
        Resolved<KafkaEndpoint> resolved = start.get();
        KafkaEndpoint endpoint = resolved.endpoint();
        log.info("Kafka: {} {} (started in {} ms)", endpoint.origin(), endpoint.bootstrapServers(),
                (System.nanoTime() - begin) / 1_000_000);
        return resolved;
    }
}
