package io.vigil.testkit;

import static io.vigil.testkit.TestSupport.NO_DOCKER;
import static io.vigil.testkit.TestSupport.closedPort;
import static io.vigil.testkit.TestSupport.execute;
import static io.vigil.testkit.TestSupport.queryOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevstackPostgresIT {

    @TempDir
    Path dataDirectory;

    @Test
    void embeddedPostgresKeepsItsDataAcrossRestartsOnThePreferredPort() throws Exception {
        boolean preferredPortWasFree = Ports.isFree(EmbeddedPostgresSettings.DEVSTACK_PORT);
        PostgresResolver resolver = new PostgresResolver(Map.of(), "127.0.0.1", closedPort(), NO_DOCKER,
                EmbeddedPostgresSettings.devstack(dataDirectory));

        Resolved<PostgresEndpoint> first = resolver.resolve();
        PostgresEndpoint database = first.endpoint().ensureDatabase("vigil");
        execute(database, "create table incidents (id int)");
        execute(database, "insert into incidents values (42)");
        first.close();
        assertThatThrownBy(() -> queryOne(database, "select 1"))
                .as("closing stops the embedded Postgres it started")
                .isInstanceOf(SQLException.class);

        try (Resolved<PostgresEndpoint> second = resolver.resolve()) {
            assertThat(second.endpoint().origin()).isEqualTo(Origin.EMBEDDED);
            if (preferredPortWasFree) {
                assertThat(second.endpoint().port()).isEqualTo(EmbeddedPostgresSettings.DEVSTACK_PORT);
            }
            PostgresEndpoint again = second.endpoint().ensureDatabase("vigil");
            assertThat(queryOne(again, "select id from incidents")).isEqualTo("42");
        }
    }
}
