package io.vigil.escalation.oncall.adapter.persistence;

import io.vigil.escalation.oncall.application.ConfigDocument;
import io.vigil.escalation.oncall.application.ConfigStore;
import io.vigil.escalation.oncall.application.StoredConfig;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The configuration document as JSON in one row of {@code escalation_config}. */
@Repository
class JdbcConfigStore implements ConfigStore {

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    JdbcConfigStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public long version() {
        return jdbc.query("select version from escalation_config where id = 1", (rs, row) -> rs.getLong(1))
                .stream().findFirst().orElse(0L);
    }

    @Override
    public Optional<StoredConfig> load() {
        return query("select document, version from escalation_config where id = 1");
    }

    @Override
    public Optional<StoredConfig> loadForUpdate() {
        // Create the row first so that even the very first edit has something to lock.
        jdbc.update("""
                insert into escalation_config (id, document, version, updated_at) values (1, ?, 0, ?)
                on conflict (id) do nothing""",
                json.writeValueAsString(ConfigDocument.empty()), Timestamp.from(clock.instant()));
        return query("select document, version from escalation_config where id = 1 for update");
    }

    @Override
    public long save(ConfigDocument document) {
        Long version = jdbc.queryForObject("""
                insert into escalation_config (id, document, version, updated_at) values (1, ?, 1, ?)
                on conflict (id) do update set document = excluded.document,
                    version = escalation_config.version + 1, updated_at = excluded.updated_at
                returning version""", Long.class,
                json.writeValueAsString(document), Timestamp.from(clock.instant()));
        return version;
    }

    private Optional<StoredConfig> query(String sql) {
        return jdbc.query(sql, (rs, row) -> new StoredConfig(json.readValue(rs.getString(1), ConfigDocument.class),
                rs.getLong(2))).stream().findFirst();
    }
}
