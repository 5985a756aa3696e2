package io.vigil.testkit;

import static io.vigil.testkit.TestSupport.dropDatabase;
import static io.vigil.testkit.TestSupport.execute;
import static io.vigil.testkit.TestSupport.queryOne;
import static io.vigil.testkit.TestSupport.redis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InfrastructureIT {

    private static final PostgresEndpoint SOME_POSTGRES =
            new PostgresEndpoint("db", 5432, "app", "pw", "vigil", Origin.EMBEDDED);
    private static final RedisEndpoint SOME_REDIS = new RedisEndpoint("cache", 6380, Origin.LOCAL);
    private static final KafkaEndpoint SOME_KAFKA = new KafkaEndpoint("k1:9092,k2:9092", Origin.ENVIRONMENT);

    private final List<PostgresEndpoint> createdDatabases = new ArrayList<>();

    @AfterEach
    void dropCreatedDatabases() throws Exception {
        for (PostgresEndpoint database : createdDatabases) {
            dropDatabase(Infrastructure.shared().postgres(), database.database());
        }
    }

    @Test
    void sharedIsOneInstancePerJvm() {
        assertThat(Infrastructure.shared()).isSameAs(Infrastructure.shared());
    }

    @Test
    void sharedUsesThePostgresAndRedisAlreadyRunningOnThisMachine() {
        assumeThat(System.getenv(PostgresResolver.URL_VARIABLE)).isNull();
        assumeThat(System.getenv(RedisResolver.URL_VARIABLE)).isNull();
        assumeThat(accepts(5432) && accepts(6379)).as("Postgres and Redis on their default ports").isTrue();

        assertThat(Infrastructure.shared().postgres())
                .isEqualTo(new PostgresEndpoint("127.0.0.1", 5432, "postgres", "", "postgres", Origin.LOCAL));
        assertThat(Infrastructure.shared().redis()).isEqualTo(new RedisEndpoint("127.0.0.1", 6379, Origin.LOCAL));
    }

    @Test
    void createDatabaseGivesTwoDatabasesThatCannotSeeEachOthersTables() throws Exception {
        PostgresEndpoint server = Infrastructure.shared().postgres();
        PostgresEndpoint first = created(server.createDatabase("testkit"));
        PostgresEndpoint second = created(server.createDatabase("testkit"));

        execute(first, "create table private_to_first (id int)");

        assertThat(first.database()).isNotEqualTo(second.database()).startsWith("testkit_");
        assertThat(first.jdbcUrl()).isEqualTo(server.jdbcUrl(first.database()));
        assertThat(queryOne(first, "select to_regclass('private_to_first')")).isEqualTo("private_to_first");
        assertThat(queryOne(second, "select to_regclass('private_to_first')")).isNull();
    }

    @Test
    void springPropertiesPointAtAFreshDatabaseAndTheSharedRedisAndKafka() throws Exception {
        Map<String, String> properties = Infrastructure.shared().springProperties("testkit");

        assertThat(properties).containsKeys("spring.datasource.url", "spring.datasource.username",
                "spring.datasource.password", "spring.kafka.consumer.group-id", "spring.data.redis.host", "spring.data.redis.port",
                "spring.kafka.bootstrap-servers");
        assertThat(properties).containsAllEntriesOf(TestTokens.properties());
        PostgresEndpoint shared = Infrastructure.shared().postgres();
        PostgresEndpoint database = new PostgresEndpoint(shared.host(), shared.port(),
                properties.get("spring.datasource.username"), properties.get("spring.datasource.password"),
                properties.get("spring.datasource.url").substring(shared.jdbcUrl("").length()), shared.origin());
        created(database);
        assertThat(database.database()).matches("testkit_[0-9a-f]{8}");
        assertThat(queryOne(database, "select current_database()")).isEqualTo(database.database());
        assertThat(redis(new RedisEndpoint(properties.get("spring.data.redis.host"),
                Integer.parseInt(properties.get("spring.data.redis.port")), Origin.LOCAL), "PING"))
                .isEqualTo("+PONG");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                properties.get("spring.kafka.bootstrap-servers")))) {
            assertThat(admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS)).isNotBlank();
        }
    }

    @Test
    void closingTheSharedInstanceLeavesItUsableForOtherTests() {
        Infrastructure.shared().postgres();

        Infrastructure.shared().close();

        assertThat(Infrastructure.shared().postgres()).isNotNull();
    }

    @Test
    void springPropertiesOfExistingEndpointsUseBootPropertyNames() {
        assertThat(Infrastructure.springProperties(SOME_POSTGRES, SOME_REDIS, SOME_KAFKA)).containsExactly(
                Map.entry("spring.datasource.url", "jdbc:postgresql://db:5432/vigil"),
                Map.entry("spring.datasource.username", "app"),
                Map.entry("spring.datasource.password", "pw"),
                Map.entry("spring.data.redis.host", "cache"),
                Map.entry("spring.data.redis.port", "6380"),
                Map.entry("spring.kafka.bootstrap-servers", "k1:9092,k2:9092"));
    }

    @Test
    void eachServiceResolvesOnFirstUseAndOnlyOnceUnderConcurrentCalls() throws Exception {
        AtomicInteger postgresResolutions = new AtomicInteger();
        AtomicInteger kafkaResolutions = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        Supplier<Resolved<PostgresEndpoint>> slowPostgres = () -> {
            postgresResolutions.incrementAndGet();
            awaitQuietly(release);
            return Resolved.found(SOME_POSTGRES);
        };
        Supplier<Resolved<KafkaEndpoint>> kafka = () -> {
            kafkaResolutions.incrementAndGet();
            return Resolved.found(SOME_KAFKA);
        };
        Infrastructure infrastructure = new Infrastructure(slowPostgres, () -> Resolved.found(SOME_REDIS), kafka,
                false);

        int callers = 8;
        CountDownLatch calling = new CountDownLatch(callers);
        try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
            List<Future<PostgresEndpoint>> results = IntStream.range(0, callers)
                    .mapToObj(i -> pool.submit(() -> {
                        calling.countDown();
                        return infrastructure.postgres();
                    }))
                    .toList();
            assertThat(calling.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            for (Future<PostgresEndpoint> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isSameAs(SOME_POSTGRES);
            }
        }

        assertThat(postgresResolutions).hasValue(1);
        assertThat(kafkaResolutions).as("Kafka was never asked for").hasValue(0);
    }

    @Test
    void closeStopsWhatItStartedAndRefusesLaterUse() {
        AtomicBoolean postgresStopped = new AtomicBoolean();
        AtomicBoolean kafkaStopped = new AtomicBoolean();
        Infrastructure infrastructure = new Infrastructure(
                () -> Resolved.started(SOME_POSTGRES, () -> postgresStopped.set(true)),
                () -> Resolved.found(SOME_REDIS),
                () -> Resolved.started(SOME_KAFKA, () -> kafkaStopped.set(true)),
                false);
        infrastructure.postgres();
        infrastructure.redis();

        infrastructure.close();

        assertThat(postgresStopped).isTrue();
        assertThat(kafkaStopped).as("never started, so never stopped").isFalse();
        assertThatThrownBy(infrastructure::postgres).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private PostgresEndpoint created(PostgresEndpoint database) {
        createdDatabases.add(database);
        return database;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
