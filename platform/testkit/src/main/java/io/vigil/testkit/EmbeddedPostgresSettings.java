package io.vigil.testkit;

import java.nio.file.Path;

/**
 * How to start an embedded Postgres.
 *
 * @param dataDirectory kept across runs when set; a fresh temporary directory when null
 * @param preferredPort used when free, any free port otherwise; 0 for any free port
 */
record EmbeddedPostgresSettings(Path dataDirectory, int preferredPort) {

    static final EmbeddedPostgresSettings TEMPORARY = new EmbeddedPostgresSettings(null, 0);
    static final int DEVSTACK_PORT = 15432;

    static EmbeddedPostgresSettings devstack(Path dataDirectory) {
        return new EmbeddedPostgresSettings(dataDirectory, DEVSTACK_PORT);
    }
}
