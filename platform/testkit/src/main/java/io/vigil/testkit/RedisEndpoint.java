package io.vigil.testkit;

import java.util.Objects;

/**
 * A reachable Redis server.
 *
 * @param host   host name or address clients connect to
 * @param port   TCP port
 * @param origin where the server came from
 */
public record RedisEndpoint(String host, int port, Origin origin) {

    public RedisEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(origin, "origin");
    }

    /** The server as a Redis URI, {@code redis://host:port}. */
    public String url() {
        return "redis://" + Hosts.forUri(host) + ":" + port;
    }
}
