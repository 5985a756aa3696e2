package io.vigil.devstack;

import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.KafkaEndpoint;
import io.vigil.testkit.KraftBroker;
import io.vigil.testkit.Origin;
import io.vigil.testkit.PostgresEndpoint;
import io.vigil.testkit.RedisEndpoint;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs all of Vigil in one JVM: Kafka (an in-process KRaft broker unless {@code VIGIL_KAFKA_BOOTSTRAP}
 * names one), Postgres and Redis (named by environment, else the local ones, else embedded), and the
 * five services on ports 8081 to 8085. Data lives under {@code VIGIL_HOME} (default
 * {@code ~/.vigil/devstack}), so a second start finds the incidents of the first. Ctrl-C stops it all.
 */
public final class Devstack {

    static final String DATABASE = "vigil";
    static final int KAFKA_PORT = 9092;

    private Devstack() {
    }

    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        // Five Spring contexts share this JVM's logging; logback.xml configures it once for all of them.
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        Path home = home();
        Infrastructure infrastructure = Infrastructure.forDevstack(home.resolve("postgres"));
        KraftBroker broker = null;
        KafkaEndpoint kafka;
        String kafkaFromEnvironment = System.getenv("VIGIL_KAFKA_BOOTSTRAP");
        if (kafkaFromEnvironment != null && !kafkaFromEnvironment.isBlank()) {
            kafka = infrastructure.kafka();
        } else {
            broker = new KraftBroker(isFree(KAFKA_PORT) ? KAFKA_PORT : 0, home.resolve("kafka")).start();
            kafka = new KafkaEndpoint(broker.bootstrapServers(), Origin.EMBEDDED);
        }
        PostgresEndpoint database = infrastructure.postgres().ensureDatabase(DATABASE);
        RedisEndpoint redis = infrastructure.redis();

        String adminToken = AdminToken.loadOrCreate(home);
        Map<String, Object> properties = new java.util.HashMap<>(DemoConfiguration.properties());
        properties.putAll(AdminToken.properties(adminToken));
        // One consumer thread per listener: on a laptop the group forms in a few seconds instead of going
        // through a rebalance for every extra member, and one developer's alerts need no more.
        properties.put("spring.kafka.listener.concurrency", "1");
        RunningServices services = RunningServices.start(EnumSet.allOf(VigilService.class), database, redis, kafka,
                Map.of(), properties);
        CountDownLatch stopped = new CountDownLatch(1);
        KraftBroker ownBroker = broker;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Vigil...");
            services.close();
            if (ownBroker != null) {
                ownBroker.stop();
            }
            infrastructure.close();
            stopped.countDown();
        }, "vigil-devstack-stop"));

        System.out.println(banner(services, database, redis, kafka, home, adminToken,
                (System.nanoTime() - started) / 1_000_000));
        stopped.await();
    }

    static String banner(RunningServices services, PostgresEndpoint database, RedisEndpoint redis,
            KafkaEndpoint kafka, Path home, String adminToken, long startupMillis) {
        StringBuilder text = new StringBuilder();
        text.append("\nVigil devstack is up (%.1f s).%n%n".formatted(startupMillis / 1000.0));
        for (VigilService service : VigilService.values()) {
            text.append("  %-22s %s%n".formatted(service.serviceName(), services.url(service)));
        }
        text.append("%n  %-22s %s (%s)%n".formatted("Postgres", database.jdbcUrl(), describe(database.origin())));
        text.append("  %-22s %s (%s)%n".formatted("Redis", redis.url(), describe(redis.origin())));
        text.append("  %-22s %s (%s)%n".formatted("Kafka", kafka.bootstrapServers(), describe(kafka.origin())));
        text.append("  %-22s %s%n".formatted("Data", home));
        text.append("  %-22s %s (also in %s)%n".formatted("Admin API token", adminToken,
                home.resolve(AdminToken.FILE)));
        String ingestion = services.url(VigilService.INGESTION);
        String incidents = services.url(VigilService.INCIDENT_CORE);
        text.append("%nIntegrations for service '%s' (demo keys):%n%n".formatted(DemoConfiguration.SERVICE));
        for (DemoConfiguration.Integration integration : DemoConfiguration.INTEGRATIONS) {
            text.append("  %-13s %-44s key %s%n".formatted(integration.type(), ingestion + integration.door(),
                    integration.key()));
        }
        text.append("""

                Send a first alert:

                  curl -sS -X POST %s/v1/alerts -H 'Authorization: Bearer %s' \\
                    -H 'Content-Type: application/json' \\
                    -d '{"summary":"Checkout error rate above 5%%","severity":"critical","dedupKey":"checkout-errors"}'

                Then see the incident it opened, and who is being paged (the REST API takes the admin token):

                  TOKEN=$(cat %s)
                  curl -sS '%s/v1/incidents?service=checkout&open=true' -H "Authorization: Bearer $TOKEN"
                  curl -sS %s/v1/escalations/<incident id> -H "Authorization: Bearer $TOKEN"

                Ctrl-C stops Vigil.
                """.formatted(ingestion, DemoConfiguration.genericKey(), home.resolve(AdminToken.FILE), incidents,
                services.url(VigilService.ESCALATION)));
        return text.toString();
    }

    private static String describe(Origin origin) {
        return switch (origin) {
            case ENVIRONMENT -> "named by environment";
            case LOCAL -> "local server";
            case TESTCONTAINERS -> "container";
            case EMBEDDED -> "embedded";
        };
    }

    static Path home() {
        String configured = System.getenv("VIGIL_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".vigil", "devstack");
    }

    private static boolean isFree(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
