package io.vigil.testkit;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Postgres, Redis and Kafka for integration tests and the devstack.
 *
 * <p>Each service is resolved on first use, trying in order:
 * <ol>
 *   <li>the server named by {@code VIGIL_POSTGRES_URL} (with {@code VIGIL_POSTGRES_USER} and
 *       {@code VIGIL_POSTGRES_PASSWORD}), {@code VIGIL_REDIS_URL} or {@code VIGIL_KAFKA_BOOTSTRAP}; if that
 *       server cannot be reached, resolution fails rather than quietly using another one;</li>
 *   <li>a server on this machine at its default port: Postgres at 127.0.0.1:5432 as user {@code postgres}
 *       without password, Redis at 127.0.0.1:6379, Kafka at 127.0.0.1:9092;</li>
 *   <li>a Testcontainers container, when Docker is available;</li>
 *   <li>an embedded server: zonky's embedded Postgres, an embedded redis-server, an in-process KRaft broker.</li>
 * </ol>
 * The first two are only ever used, never stopped; the last two are stopped by {@link #close()}.
 *
 * <p>All methods are thread-safe; services resolve independently of each other, so a test that only needs
 * Postgres never starts Kafka.
 */
public final class Infrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

    private final LazyService<PostgresEndpoint> postgres;
    private final LazyService<RedisEndpoint> redis;
    private final LazyService<KafkaEndpoint> kafka;
    private final boolean closedOnlyAtShutdown;

    Infrastructure(Supplier<Resolved<PostgresEndpoint>> postgres, Supplier<Resolved<RedisEndpoint>> redis,
                   Supplier<Resolved<KafkaEndpoint>> kafka, boolean closedOnlyAtShutdown) {
        this.postgres = new LazyService<>("Postgres", postgres);
        this.redis = new LazyService<>("Redis", redis);
        this.kafka = new LazyService<>("Kafka", kafka);
        this.closedOnlyAtShutdown = closedOnlyAtShutdown;
    }

    /**
     * The instance every test in this JVM shares, so that embedded servers start once per JVM rather than
     * once per test class. A shutdown hook stops what it started; {@link #close()} on it does nothing, since
     * one test class closing it would pull the servers from under the next.
     */
    public static Infrastructure shared() {
        return Shared.INSTANCE;
    }

    /**
     * A new instance for a devstack. An embedded Postgres listens on port 15432 when that is free (any free
     * port otherwise) and keeps its data in {@code postgresDataDirectory}, so a restarted devstack finds its
     * databases again. The caller closes it; a shutdown hook also does, in case the JVM is stopped first.
     *
     * @param postgresDataDirectory kept across starts and never cleaned; {@code null} for a temporary one
     */
    public static Infrastructure forDevstack(Path postgresDataDirectory) {
        EmbeddedPostgresSettings settings = postgresDataDirectory == null
                ? new EmbeddedPostgresSettings(null, EmbeddedPostgresSettings.DEVSTACK_PORT)
                : EmbeddedPostgresSettings.devstack(postgresDataDirectory.toAbsolutePath());
        Infrastructure infrastructure = forThisMachine(settings, false);
        registerShutdownHook(infrastructure);
        return infrastructure;
    }

    /** The Postgres server, resolved on first call; its database is the server's default one. */
    public PostgresEndpoint postgres() {
        return postgres.get();
    }

    /** The Redis server, resolved on first call. */
    public RedisEndpoint redis() {
        return redis.get();
    }

    /** The Kafka cluster, resolved on first call. */
    public KafkaEndpoint kafka() {
        return kafka.get();
    }

    /**
     * Spring Boot properties for one service's test: a new database (see
     * {@link PostgresEndpoint#createDatabase(String)}) plus the shared Redis and Kafka. Resolves all three.
     *
     * Also a consumer group of its own ({@code spring.kafka.consumer.group-id}): Spring keeps test contexts
     * alive between test classes, and two contexts in one group would split the partitions between them, so
     * each would miss records the other took.
     *
     * @param databasePrefix prefix of the new database's name, typically the service's name
     */
    public Map<String, String> springProperties(String databasePrefix) {
        Map<String, String> properties = new LinkedHashMap<>(
                springProperties(postgres().createDatabase(databasePrefix), redis(), kafka()));
        properties.put("spring.kafka.consumer.group-id", databasePrefix + "-" + java.util.UUID.randomUUID());
        properties.putAll(TestTokens.properties());
        return Collections.unmodifiableMap(properties);
    }

    /**
     * Spring Boot properties for an existing database, for several services that share one database with a
     * schema each.
     *
     * @return {@code spring.datasource.url}, {@code .username}, {@code .password},
     *         {@code spring.data.redis.host}, {@code .port} and {@code spring.kafka.bootstrap-servers}
     */
    public static Map<String, String> springProperties(PostgresEndpoint database, RedisEndpoint redis,
                                                       KafkaEndpoint kafka) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(kafka, "kafka");
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.data.redis.host", redis.host());
        properties.put("spring.data.redis.port", Integer.toString(redis.port()));
        properties.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
        return Collections.unmodifiableMap(properties);
    }

    /**
     * Stops the embedded servers and containers this instance started; servers it found (named by the
     * environment or already running locally) keep running. Later calls to the service methods fail.
     * Does nothing on {@link #shared()}.
     */
    @Override
    public void close() {
        if (closedOnlyAtShutdown) {
            log.debug("Ignoring close() of the shared Infrastructure; a shutdown hook stops it");
            return;
        }
        stop();
    }

    /** Kafka first: its clients may still be talking to it while the databases go away. */
    private void stop() {
        kafka.close();
        redis.close();
        postgres.close();
    }

    private static Infrastructure forThisMachine(EmbeddedPostgresSettings postgresSettings,
                                                 boolean closedOnlyAtShutdown) {
        PostgresResolver postgres = PostgresResolver.forThisMachine(postgresSettings);
        RedisResolver redis = RedisResolver.forThisMachine();
        KafkaResolver kafka = KafkaResolver.forThisMachine();
        return new Infrastructure(postgres::resolve, redis::resolve, kafka::resolve, closedOnlyAtShutdown);
    }

    private static void registerShutdownHook(Infrastructure infrastructure) {
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stop, "vigil-testkit-shutdown"));
    }

    /** Holder class: the JVM creates the instance once, on first use, without explicit locking. */
    private static final class Shared {
        static final Infrastructure INSTANCE = forThisMachine(EmbeddedPostgresSettings.TEMPORARY, true);

        static {
            registerShutdownHook(INSTANCE);
        }
    }
}
