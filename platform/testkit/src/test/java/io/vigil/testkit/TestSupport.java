package io.vigil.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BooleanSupplier;

/** Independent of the code under test, so the tests do not prove the probes with the probes. */
final class TestSupport {

    static final BooleanSupplier NO_DOCKER = () -> false;

    private TestSupport() {
    }

    /** Bound, then released: nothing listens there now, so anything pointed at it must fall through. */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String queryOne(PostgresEndpoint endpoint, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(),
                endpoint.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    static void execute(PostgresEndpoint endpoint, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.user(),
                endpoint.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Databases made on a server that outlives the test run (the machine's own Postgres) are cleaned up. */
    static void dropDatabase(PostgresEndpoint server, String database) throws SQLException {
        execute(server, "drop database if exists \"" + database + "\" with (force)");
    }

    /** One RESP command as an array of bulk strings; returns the first line of the reply. */
    static String redis(RedisEndpoint endpoint, String... command) throws IOException {
        try (Socket socket = new Socket(endpoint.host(), endpoint.port())) {
            socket.setSoTimeout(5_000);
            StringBuilder request = new StringBuilder("*").append(command.length).append("\r\n");
            for (String part : command) {
                request.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                        .append(part).append("\r\n");
            }
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            BufferedReader reply = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String first = reply.readLine();
            return first.startsWith("$") && !first.equals("$-1") ? reply.readLine() : first;
        }
    }
}
