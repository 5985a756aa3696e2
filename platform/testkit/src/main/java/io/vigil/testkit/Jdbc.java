package io.vigil.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

final class Jdbc {

    /** Generous enough for a loaded CI machine; probes pass their own, shorter one. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private Jdbc() {
    }

    static Connection connect(PostgresEndpoint endpoint) throws SQLException {
        return connect(endpoint, DEFAULT_TIMEOUT);
    }

    /**
     * Both timeouts matter: connectTimeout bounds the TCP handshake, loginTimeout bounds a peer that accepts
     * the connection and then never speaks the Postgres protocol.
     */
    static Connection connect(PostgresEndpoint endpoint, Duration timeout) throws SQLException {
        String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
        Properties properties = new Properties();
        properties.setProperty("user", endpoint.user());
        properties.setProperty("password", endpoint.password());
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("ApplicationName", "vigil-testkit");
        return DriverManager.getConnection(endpoint.jdbcUrl(), properties);
    }

    /** Opens and closes a connection: proves the server is there and accepts these credentials. */
    static void check(PostgresEndpoint endpoint, Duration timeout) throws SQLException {
        try (Connection ignored = connect(endpoint, timeout)) {
            // connecting is the whole check
        }
    }
}
