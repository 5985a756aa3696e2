package io.vigil.testkit;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reachable Postgres server and one database on it.
 *
 * @param host     host name or address clients connect to
 * @param port     TCP port
 * @param user     role to log in as
 * @param password that role's password; empty when the server trusts local connections
 * @param database database this endpoint names
 * @param origin   where the server came from
 */
public record PostgresEndpoint(String host, int port, String user, String password, String database, Origin origin) {

    /** Unquoted Postgres identifiers, kept lower-case so SQL written without quotes finds them. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DUPLICATE_DATABASE = "42P04";
    /** Two concurrent CREATE DATABASE of one name can also collide on pg_database's unique index. */
    private static final String UNIQUE_VIOLATION = "23505";

    public PostgresEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(origin, "origin");
    }

    /** JDBC URL of this endpoint's database, without credentials: {@code jdbc:postgresql://host:port/database}. */
    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    /** JDBC URL of another database on the same server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + Hosts.forUri(host) + ":" + port + "/" + database;
    }

    /**
     * Creates a new, empty database named {@code <prefix>_<8 random hex digits>} so that every caller gets
     * its own, whatever already lives on a shared server.
     *
     * @param namePrefix lower-cased, with characters other than letters, digits and underscore replaced by {@code _}
     * @return an endpoint for the new database, same server and credentials
     */
    public PostgresEndpoint createDatabase(String namePrefix) {
        Objects.requireNonNull(namePrefix, "namePrefix");
        String prefix = namePrefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String name = validName(prefix + "_" + HexFormat.of().toHexDigits(RANDOM.nextInt()));
        try (Connection connection = Jdbc.connect(this);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " on " + this, e);
        }
        return withDatabase(name);
    }

    /**
     * Creates the database unless it already exists, so that a devstack can start against an empty server
     * and against one it used before alike.
     *
     * @param name lower-case letters, digits and underscores, starting with a letter or underscore
     * @return an endpoint for that database, same server and credentials
     */
    public PostgresEndpoint ensureDatabase(String name) {
        validName(Objects.requireNonNull(name, "name"));
        try (Connection connection = Jdbc.connect(this)) {
            if (!exists(connection, name)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE \"" + name + "\"");
                } catch (SQLException e) {
                    if (!DUPLICATE_DATABASE.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not ensure database " + name + " on " + this, e);
        }
        return withDatabase(name);
    }

    /** Leaves the password out, since endpoints end up in logs and assertion messages. */
    @Override
    public String toString() {
        return origin + " " + jdbcUrl() + " (user " + user + ")";
    }

    private PostgresEndpoint withDatabase(String name) {
        return new PostgresEndpoint(host, port, user, password, name, origin);
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String validName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a usable database name (lower-case letters, digits, underscore,"
                    + " at most 63 characters, not starting with a digit): " + name);
        }
        return name;
    }
}
