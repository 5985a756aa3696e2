package io.vigil.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds or starts a Postgres: {@value #URL_VARIABLE}, then the local default, then Testcontainers, then
 * zonky's embedded Postgres.
 */
final class PostgresResolver {

    static final String URL_VARIABLE = "VIGIL_POSTGRES_URL";
    static final String USER_VARIABLE = "VIGIL_POSTGRES_USER";
    static final String PASSWORD_VARIABLE = "VIGIL_POSTGRES_PASSWORD";
    static final String LOCAL_HOST = "127.0.0.1";
    static final int LOCAL_PORT = 5432;

    private static final Logger log = LoggerFactory.getLogger(PostgresResolver.class);
    private static final String DEFAULT_USER = "postgres";
    private static final String DEFAULT_DATABASE = "postgres";
    private static final Duration LOCAL_PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** The user asked for this server, so it may be slow to answer; a typo should still fail quickly. */
    private static final Duration ENVIRONMENT_PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;

    private final Map<String, String> env;
    private final String localHost;
    private final int localPort;
    private final BooleanSupplier dockerAvailable;
    private final EmbeddedPostgresSettings embedded;

    PostgresResolver(Map<String, String> env, String localHost, int localPort, BooleanSupplier dockerAvailable) {
        this(env, localHost, localPort, dockerAvailable, EmbeddedPostgresSettings.TEMPORARY);
    }

    PostgresResolver(Map<String, String> env, String localHost, int localPort, BooleanSupplier dockerAvailable,
                     EmbeddedPostgresSettings embedded) {
        this.env = Map.copyOf(env);
        this.localHost = Objects.requireNonNull(localHost, "localHost");
        this.localPort = localPort;
        this.dockerAvailable = Objects.requireNonNull(dockerAvailable, "dockerAvailable");
        this.embedded = Objects.requireNonNull(embedded, "embedded");
    }

    static PostgresResolver forThisMachine(EmbeddedPostgresSettings embedded) {
        return new PostgresResolver(System.getenv(), LOCAL_HOST, LOCAL_PORT, Docker::isAvailable, embedded);
    }

    Resolved<PostgresEndpoint> resolve() {
        String url = Environment.value(env, URL_VARIABLE);
        if (url != null) {
            PostgresEndpoint named = parse(url, Environment.value(env, USER_VARIABLE),
                    Environment.value(env, PASSWORD_VARIABLE));
            try {
                Jdbc.check(named, ENVIRONMENT_PROBE_TIMEOUT);
            } catch (SQLException e) {
                throw Environment.unreachable(URL_VARIABLE, named.jdbcUrl() + " (user " + named.user() + ")", e);
            }
            return found(named);
        }

        PostgresEndpoint local = new PostgresEndpoint(localHost, localPort, DEFAULT_USER, "", DEFAULT_DATABASE,
                Origin.LOCAL);
        try {
            Jdbc.check(local, LOCAL_PROBE_TIMEOUT);
            return found(local);
        } catch (SQLException e) {
            log.debug("No usable Postgres at {}: {}", local, Environment.describe(e));
        }

        if (dockerAvailable.getAsBoolean()) {
            try {
                return started(Containers::postgres);
            } catch (RuntimeException e) {
                log.warn("Postgres container did not start, starting an embedded Postgres instead", e);
            }
        }
        return started(this::startEmbedded);
    }

    /**
     * Parses {@code jdbc:postgresql://host[:port][/database][?user=..&password=..]}. Credentials in the URL win
     * over the separate variables, as they would in pgjdbc itself.
     */
    static PostgresEndpoint parse(String url, String user, String password) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException(URL_VARIABLE + " must look like jdbc:postgresql://host:port/database,"
                    + " but is " + redact(url));
        }
        URI uri;
        try {
            uri = new URI(url.substring("jdbc:".length()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(URL_VARIABLE + " is not a valid URL: " + redact(url), e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(URL_VARIABLE + " names no single host: " + redact(url));
        }
        Map<String, String> parameters = parameters(uri.getRawQuery());
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new PostgresEndpoint(uri.getHost(), uri.getPort() < 0 ? LOCAL_PORT : uri.getPort(),
                parameters.getOrDefault("user", user != null ? user : DEFAULT_USER),
                parameters.getOrDefault("password", password != null ? password : ""),
                path.isEmpty() ? DEFAULT_DATABASE : path,
                Origin.ENVIRONMENT);
    }

    private Resolved<PostgresEndpoint> startEmbedded() {
        int preferred = embedded.preferredPort();
        IOException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            // A port found free can be taken before Postgres binds it; only a fresh port helps then.
            int port = attempt == 1 && preferred > 0 && Ports.isFree(preferred) ? preferred : Ports.free();
            try {
                EmbeddedPostgres postgres = builder().setPort(port).start();
                PostgresEndpoint endpoint = new PostgresEndpoint("localhost", postgres.getPort(), DEFAULT_USER, "",
                        DEFAULT_DATABASE, Origin.EMBEDDED);
                return Resolved.started(endpoint, postgres);
            } catch (IOException e) {
                last = e;
                log.warn("Embedded Postgres did not start on port {} (attempt {} of {}): {}", port, attempt,
                        START_ATTEMPTS, Environment.describe(e));
            }
        }
        throw new UncheckedIOException("Embedded Postgres did not start", last);
    }

    private EmbeddedPostgres.Builder builder() throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPGStartupWait(STARTUP_WAIT);
        if (embedded.dataDirectory() != null) {
            Files.createDirectories(embedded.dataDirectory());
            builder.setDataDirectory(embedded.dataDirectory()).setCleanDataDirectory(false);
        }
        return builder;
    }

    private static Resolved<PostgresEndpoint> found(PostgresEndpoint endpoint) {
        log.info("Postgres: {} {}:{}", endpoint.origin(), endpoint.host(), endpoint.port());
        return Resolved.found(endpoint);
    }

    private static Resolved<PostgresEndpoint> started(Supplier<Resolved<PostgresEndpoint>> start) {
        long begin = System.nanoTime();
        Resolved<PostgresEndpoint> resolved = start.get();
        PostgresEndpoint endpoint = resolved.endpoint();
        log.info("Postgres: {} {}:{} (started in {} ms)", endpoint.origin(), endpoint.host(), endpoint.port(),
                (System.nanoTime() - begin) / 1_000_000);
        return resolved;
    }

    private static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        return parameters;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** Error messages end up in CI logs; a password in the URL must not. */
    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
