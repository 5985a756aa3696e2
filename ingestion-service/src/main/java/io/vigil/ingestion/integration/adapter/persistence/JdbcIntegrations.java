package io.vigil.ingestion.integration.adapter.persistence;

import io.vigil.ingestion.integration.IntegrationProperties;
import io.vigil.ingestion.integration.application.Integrations;
import io.vigil.ingestion.integration.domain.Integration;
import io.vigil.ingestion.integration.domain.SourceType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Integrations in the {@code integration} table of the ingestion schema. Every event looks its key up, so
 * found keys are kept for {@code vigil.ingestion.key-cache-ttl}; any change made through this replica
 * empties the cache at once. Unknown keys are not kept, so guessing keys cannot fill memory.
 */
@Repository
class JdbcIntegrations implements Integrations {

    private static final String COLUMNS =
            "id, name, type, service, enabled, declared, created_at, key_rotated_at";
    private static final int MAX_CACHED_KEYS = 10_000;

    private record Cached(Integration integration, Instant expiresAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration keyCacheTtl;
    private final Map<String, Cached> byKeyHash = new ConcurrentHashMap<>();

    JdbcIntegrations(JdbcTemplate jdbc, Clock clock, IntegrationProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keyCacheTtl = properties.keyCacheTtl();
    }

    @Override
    public void add(Integration integration, String keyHash) {
        byKeyHash.clear();
        jdbc.update("insert into integration (" + COLUMNS + ", key_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                integration.id(), integration.name(), integration.type().wireName(), integration.service(),
                integration.enabled(), integration.declared(), Timestamp.from(integration.createdAt()),
                Timestamp.from(integration.keyRotatedAt()), keyHash);
    }

    @Override
    public void upsertByName(Integration integration, String keyHash) {
        byKeyHash.clear();
        jdbc.update("""
                insert into integration (%s, key_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (name) do update set
                    type = excluded.type, service = excluded.service, enabled = true, declared = true,
                    key_rotated_at = case when integration.key_hash = excluded.key_hash
                                          then integration.key_rotated_at else excluded.key_rotated_at end,
                    key_hash = excluded.key_hash
                """.formatted(COLUMNS),
                integration.id(), integration.name(), integration.type().wireName(), integration.service(),
                integration.enabled(), integration.declared(), Timestamp.from(integration.createdAt()),
                Timestamp.from(integration.keyRotatedAt()), keyHash);
    }

    @Override
    public Optional<Integration> byId(UUID id) {
        return jdbc.query("select " + COLUMNS + " from integration where id = ?", JdbcIntegrations::map, id)
                .stream().findFirst();
    }

    @Override
    public Optional<Integration> byKeyHash(String keyHash) {
        Instant now = clock.instant();
        Cached cached = byKeyHash.get(keyHash);
        if (cached != null && now.isBefore(cached.expiresAt())) {
            return Optional.of(cached.integration());
        }
        Optional<Integration> found = jdbc.query("select " + COLUMNS + " from integration where key_hash = ?",
                JdbcIntegrations::map, keyHash).stream().findFirst();
        if (found.isPresent() && !keyCacheTtl.isZero()) {
            if (byKeyHash.size() >= MAX_CACHED_KEYS) {
                byKeyHash.clear();
            }
            byKeyHash.put(keyHash, new Cached(found.get(), now.plus(keyCacheTtl)));
        } else {
            byKeyHash.remove(keyHash);
        }
        return found;
    }

    @Override
    public List<Integration> all() {
        return jdbc.query("select " + COLUMNS + " from integration order by name", JdbcIntegrations::map);
    }

    @Override
    public boolean replaceKey(UUID id, String keyHash, Instant rotatedAt) {
        byKeyHash.clear();
        return jdbc.update("update integration set key_hash = ?, key_rotated_at = ? where id = ?",
                keyHash, Timestamp.from(rotatedAt), id) == 1;
    }

    @Override
    public boolean setEnabled(UUID id, boolean enabled) {
        byKeyHash.clear();
        return jdbc.update("update integration set enabled = ? where id = ?", enabled, id) == 1;
    }

    private static Integration map(ResultSet row, int index) throws SQLException {
        return new Integration(row.getObject("id", UUID.class), row.getString("name"),
                SourceType.fromWireName(row.getString("type")).orElseThrow(), row.getString("service"),
                row.getBoolean("enabled"), row.getBoolean("declared"),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("key_rotated_at").toInstant());
    }
}
