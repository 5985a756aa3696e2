package io.vigil.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * Finds or starts a Redis: {@value #URL_VARIABLE}, then the local default, then Testcontainers, then an
 * embedded redis-server child process.
 */
final class RedisResolver {

    static final String URL_VARIABLE = "VIGIL_REDIS_URL";
    static final String LOCAL_HOST = "127.0.0.1";
    static final int LOCAL_PORT = 6379;

    private static final Logger log = LoggerFactory.getLogger(RedisResolver.class);
    private static final Logger serverLog = LoggerFactory.getLogger("io.vigil.testkit.redis-server");
    private static final Duration LOCAL_PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration ENVIRONMENT_PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final String EMBEDDED_HOST = "127.0.0.1";
    private static final int START_ATTEMPTS = 3;

    private final Map<String, String> env;
    private final String localHost;
    private final int localPort;
    private final BooleanSupplier dockerAvailable;

    RedisResolver(Map<String, String> env, String localHost, int localPort, BooleanSupplier dockerAvailable) {
        this.env = Map.copyOf(env);
        this.localHost = Objects.requireNonNull(localHost, "localHost");
        this.localPort = localPort;
        this.dockerAvailable = Objects.requireNonNull(dockerAvailable, "dockerAvailable");
    }

    static RedisResolver forThisMachine() {
        return new RedisResolver(System.getenv(), LOCAL_HOST, LOCAL_PORT, Docker::isAvailable);
    }

    Resolved<RedisEndpoint> resolve() {
        String url = Environment.value(env, URL_VARIABLE);
        if (url != null) {
            RedisEndpoint named = parse(url);
            try {
                RedisProbe.check(named.host(), named.port(), ENVIRONMENT_PROBE_TIMEOUT);
            } catch (IOException e) {
                throw Environment.unreachable(URL_VARIABLE, named.url(), e);
            }
            return found(named);
        }

        try {
            RedisProbe.check(localHost, localPort, LOCAL_PROBE_TIMEOUT);
            return found(new RedisEndpoint(localHost, localPort, Origin.LOCAL));
        } catch (IOException e) {
            log.debug("No usable Redis at {}:{}: {}", localHost, localPort, Environment.describe(e));
        }

        if (dockerAvailable.getAsBoolean()) {
            try {
                return started(Containers::redis);
            } catch (RuntimeException e) {
                log.warn("Redis container did not start, starting an embedded Redis instead", e);
            }
        }
        return started(RedisResolver::startEmbedded);
    }

    /** Only {@code redis://host[:port]}: the endpoint has no place for a password, TLS or a database index. */
    static RedisEndpoint parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(URL_VARIABLE + " is not a valid URL: " + url, e);
        }
        if (!"redis".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(URL_VARIABLE + " must look like redis://host:port"
                    + " (no password, TLS or database index), but is " + uri.getScheme() + "://"
                    + (uri.getHost() == null ? "?" : uri.getHost()) + "...");
        }
        return new RedisEndpoint(uri.getHost(), uri.getPort() < 0 ? LOCAL_PORT : uri.getPort(), Origin.ENVIRONMENT);
    }

    private static Resolved<RedisEndpoint> startEmbedded() {
        IOException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = Ports.free();
            try {
                RedisServer server = RedisServer.newRedisServer()
                        .bind(EMBEDDED_HOST)
                        .port(port)
                        // Tests need no persistence, and a save on shutdown would only slow it down.
                        .setting("save \"\"")
                        .setting("appendonly no")
                        // Without readers, a long-running server would block once its output pipe fills up.
                        .soutListener(serverLog::debug)
                        .serrListener(serverLog::warn)
                        .build();
                server.start();
                return Resolved.started(new RedisEndpoint(EMBEDDED_HOST, port, Origin.EMBEDDED), server::stop);
            } catch (IOException e) {
                last = e;
                log.warn("Embedded Redis did not start on port {} (attempt {} of {}): {}", port, attempt,
                        START_ATTEMPTS, Environment.describe(e));
            }
        }
        throw new UncheckedIOException("Embedded Redis did not start", last);
    }

    private static Resolved<RedisEndpoint> found(RedisEndpoint endpoint) {
        log.info("Redis: {} {}:{}", endpoint.origin(), endpoint.host(), endpoint.port());
        return Resolved.found(endpoint);
    }

    private static Resolved<RedisEndpoint> started(Supplier<Resolved<RedisEndpoint>> start) {
        long begin = System.nanoTime();
        Resolved<RedisEndpoint> resolved = start.get();
        RedisEndpoint endpoint = resolved.endpoint();
        log.info("Redis: {} {}:{} (started in {} ms)", endpoint.origin(), endpoint.host(), endpoint.port(),
                (System.nanoTime() - begin) / 1_000_000);
        return resolved;
    }
}
