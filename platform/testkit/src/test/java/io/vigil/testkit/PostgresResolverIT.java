package io.vigil.testkit;

import static io.vigil.testkit.TestSupport.NO_DOCKER;
import static io.vigil.testkit.TestSupport.closedPort;
import static io.vigil.testkit.TestSupport.execute;
import static io.vigil.testkit.TestSupport.queryOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresResolverIT {

    /** Started once: every test below either is about it or needs some Postgres to point at. */
    private static Resolved<PostgresEndpoint> embedded;

    @BeforeAll
    static void startEmbeddedThroughFallThrough() {
        embedded = new PostgresResolver(Map.of(), "127.0.0.1", closedPort(), NO_DOCKER).resolve();
    }

    @AfterAll
    static void stopEmbedded() throws Exception {
        embedded.close();
    }

    @Test
    void closedLocalPortFallsThroughToEmbeddedPostgres() throws SQLException {
        PostgresEndpoint endpoint = embedded.endpoint();

        assertThat(endpoint.origin()).isEqualTo(Origin.EMBEDDED);
        assertThat(queryOne(endpoint, "select 1")).isEqualTo("1");
    }

    @Test
    void environmentUrlWinsOverReachableLocalPostgres() throws Exception {
        int embeddedPort = embedded.endpoint().port();
        Map<String, String> env = Map.of(PostgresResolver.URL_VARIABLE,
                "jdbc:postgresql://localhost:" + embeddedPort + "/postgres?user=postgres");

        try (Resolved<PostgresEndpoint> named = new PostgresResolver(env, "localhost", embeddedPort, NO_DOCKER)
                .resolve()) {
            assertThat(named.endpoint().origin()).isEqualTo(Origin.ENVIRONMENT);
            assertThat(queryOne(named.endpoint(), "show port")).isEqualTo(Integer.toString(embeddedPort));
        }
        assertThat(queryOne(embedded.endpoint(), "select 1"))
                .as("closing a server named by the environment must leave it running")
                .isEqualTo("1");
    }

    @Test
    void reachableLocalPostgresIsUsedBeforeStartingOne() throws Exception {
        int embeddedPort = embedded.endpoint().port();

        try (Resolved<PostgresEndpoint> local = new PostgresResolver(Map.of(), "localhost", embeddedPort, NO_DOCKER)
                .resolve()) {
            assertThat(local.endpoint().origin()).isEqualTo(Origin.LOCAL);
            assertThat(local.endpoint().port()).isEqualTo(embeddedPort);
        }
        assertThat(queryOne(embedded.endpoint(), "select 1")).isEqualTo("1");
    }

    @Test
    void environmentUrlNamingClosedPortFailsNamingTheVariable() {
        int closed = closedPort();
        Map<String, String> env = Map.of(PostgresResolver.URL_VARIABLE,
                "jdbc:postgresql://127.0.0.1:" + closed + "/postgres?user=postgres&password=secret");

        assertThatThrownBy(() -> new PostgresResolver(env, "localhost", embedded.endpoint().port(), NO_DOCKER)
                .resolve())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(PostgresResolver.URL_VARIABLE)
                .hasMessageContaining("127.0.0.1:" + closed)
                .hasMessageNotContaining("secret");
    }

    @Test
    void separateUserAndPasswordVariablesApplyWhenTheUrlCarriesNone() {
        PostgresEndpoint parsed = PostgresResolver.parse("jdbc:postgresql://db.example:6543/vigil", "app", "pw");

        assertThat(parsed).isEqualTo(new PostgresEndpoint("db.example", 6543, "app", "pw", "vigil",
                Origin.ENVIRONMENT));
        assertThat(PostgresResolver.parse("jdbc:postgresql://db.example/vigil?user=u&password=p%26q", "app", "pw"))
                .isEqualTo(new PostgresEndpoint("db.example", 5432, "u", "p&q", "vigil", Origin.ENVIRONMENT));
    }

    @Test
    void createdDatabasesAreDistinctAndIsolated() throws SQLException {
        PostgresEndpoint first = embedded.endpoint().createDatabase("Incident-Core");
        PostgresEndpoint second = embedded.endpoint().createDatabase("Incident-Core");

        assertThat(first.database()).matches("incident_core_[0-9a-f]{8}").isNotEqualTo(second.database());
        execute(first, "create table only_here (id int)");
        assertThat(queryOne(first, "select to_regclass('only_here')")).isEqualTo("only_here");
        assertThat(queryOne(second, "select to_regclass('only_here')")).isNull();
    }

    @Test
    void ensureDatabaseCreatesOnceAndThenReusesIt() throws SQLException {
        PostgresEndpoint created = embedded.endpoint().ensureDatabase("vigil_devstack");
        execute(created, "create table kept (id int)");

        PostgresEndpoint again = embedded.endpoint().ensureDatabase("vigil_devstack");

        assertThat(again).isEqualTo(created);
        assertThat(queryOne(again, "select to_regclass('kept')")).isEqualTo("kept");
    }
}
