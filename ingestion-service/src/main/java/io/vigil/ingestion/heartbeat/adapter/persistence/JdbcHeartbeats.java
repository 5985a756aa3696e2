package io.vigil.ingestion.heartbeat.adapter.persistence;

import io.vigil.ingestion.heartbeat.application.Heartbeats;
import io.vigil.ingestion.heartbeat.domain.Heartbeat;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Heartbeat monitors in the {@code heartbeat} table; locks are row locks of the caller's transaction. */
@Repository
class JdbcHeartbeats implements Heartbeats {

    private static final String COLUMNS =
            "integration_id, name, service, interval_ms, grace_ms, last_beat_at, due_at, overdue_since";

    private final JdbcTemplate jdbc;

    JdbcHeartbeats(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Heartbeat> lock(UUID integrationId, String name) {
        return jdbc.query("select " + COLUMNS + " from heartbeat where integration_id = ? and name = ? for update",
                JdbcHeartbeats::map, integrationId, name).stream().findFirst();
    }

    @Override
    public void save(Heartbeat heartbeat) {
        jdbc.update("""
                insert into heartbeat (%s) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (integration_id, name) do update set
                    service = excluded.service, interval_ms = excluded.interval_ms, grace_ms = excluded.grace_ms,
                    last_beat_at = excluded.last_beat_at, due_at = excluded.due_at,
                    overdue_since = excluded.overdue_since
                """.formatted(COLUMNS),
                heartbeat.integrationId(), heartbeat.name(), heartbeat.service(), heartbeat.interval().toMillis(),
                heartbeat.grace().toMillis(), Timestamp.from(heartbeat.lastBeatAt()), Timestamp.from(heartbeat.dueAt()),
                heartbeat.overdueSince() == null ? null : Timestamp.from(heartbeat.overdueSince()));
    }

    @Override
    public List<Heartbeat> lockDue(Instant now, int limit) {
        return jdbc.query("select " + COLUMNS + " from heartbeat where overdue_since is null and due_at <= ? "
                + "order by due_at limit ? for update skip locked", JdbcHeartbeats::map, Timestamp.from(now), limit);
    }

    private static Heartbeat map(ResultSet row, int index) throws SQLException {
        Timestamp overdue = row.getTimestamp("overdue_since");
        return new Heartbeat(row.getObject("integration_id", UUID.class), row.getString("name"),
                row.getString("service"), Duration.ofMillis(row.getLong("interval_ms")),
                Duration.ofMillis(row.getLong("grace_ms")), row.getTimestamp("last_beat_at").toInstant(),
                row.getTimestamp("due_at").toInstant(), overdue == null ? null : overdue.toInstant());
    }
}
