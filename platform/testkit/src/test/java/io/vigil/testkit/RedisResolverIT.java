package io.vigil.testkit;

import static io.vigil.testkit.TestSupport.NO_DOCKER;
import static io.vigil.testkit.TestSupport.closedPort;
import static io.vigil.testkit.TestSupport.redis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisResolverIT {

    private static Resolved<RedisEndpoint> embedded;

    @BeforeAll
    static void startEmbeddedThroughFallThrough() {
        embedded = new RedisResolver(Map.of(), "127.0.0.1", closedPort(), NO_DOCKER).resolve();
    }

    @AfterAll
    static void stopEmbedded() throws Exception {
        embedded.close();
    }

    @Test
    void closedLocalPortFallsThroughToEmbeddedRedis() throws IOException {
        RedisEndpoint endpoint = embedded.endpoint();

        assertThat(endpoint.origin()).isEqualTo(Origin.EMBEDDED);
        assertThat(redis(endpoint, "PING")).isEqualTo("+PONG");
        assertThat(redis(endpoint, "SET", "testkit", "works")).isEqualTo("+OK");
        assertThat(redis(endpoint, "GET", "testkit")).isEqualTo("works");
    }

    @Test
    void environmentUrlWinsOverReachableLocalRedis() throws Exception {
        int embeddedPort = embedded.endpoint().port();
        Map<String, String> env = Map.of(RedisResolver.URL_VARIABLE, "redis://127.0.0.1:" + embeddedPort);

        try (Resolved<RedisEndpoint> named = new RedisResolver(env, "127.0.0.1", embeddedPort, NO_DOCKER)
                .resolve()) {
            assertThat(named.endpoint()).isEqualTo(new RedisEndpoint("127.0.0.1", embeddedPort, Origin.ENVIRONMENT));
            assertThat(named.endpoint().url()).isEqualTo("redis://127.0.0.1:" + embeddedPort);
        }
        assertThat(redis(embedded.endpoint(), "PING"))
                .as("closing a server named by the environment must leave it running")
                .isEqualTo("+PONG");
    }

    @Test
    void reachableLocalRedisIsUsedBeforeStartingOne() throws Exception {
        int embeddedPort = embedded.endpoint().port();

        try (Resolved<RedisEndpoint> local = new RedisResolver(Map.of(), "127.0.0.1", embeddedPort, NO_DOCKER)
                .resolve()) {
            assertThat(local.endpoint()).isEqualTo(new RedisEndpoint("127.0.0.1", embeddedPort, Origin.LOCAL));
        }
        assertThat(redis(embedded.endpoint(), "PING")).isEqualTo("+PONG");
    }

    @Test
    void environmentUrlNamingClosedPortFailsNamingTheVariable() {
        int closed = closedPort();
        Map<String, String> env = Map.of(RedisResolver.URL_VARIABLE, "redis://127.0.0.1:" + closed);

        assertThatThrownBy(() -> new RedisResolver(env, "127.0.0.1", embedded.endpoint().port(), NO_DOCKER)
                .resolve())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(RedisResolver.URL_VARIABLE)
                .hasMessageContaining("127.0.0.1:" + closed);
    }

    @Test
    void environmentUrlWithPasswordIsRejectedRatherThanIgnored() {
        Map<String, String> env = Map.of(RedisResolver.URL_VARIABLE, "redis://:secret@127.0.0.1:6379");

        assertThatThrownBy(() -> new RedisResolver(env, "127.0.0.1", closedPort(), NO_DOCKER).resolve())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(RedisResolver.URL_VARIABLE)
                .hasMessageNotContaining("secret");
    }

    @Test
    void closingStopsTheEmbeddedRedisItStarted() throws Exception {
        Resolved<RedisEndpoint> own = new RedisResolver(Map.of(), "127.0.0.1", closedPort(), NO_DOCKER).resolve();
        assertThat(redis(own.endpoint(), "PING")).isEqualTo("+PONG");

        own.close();

        assertThatThrownBy(() -> redis(own.endpoint(), "PING")).isInstanceOf(IOException.class);
    }
}
