package io.vigil.incident.statuspage.adapter.persistence;

import io.vigil.incident.statuspage.application.PublicIncidents;
import io.vigil.incident.statuspage.domain.Impact;
import io.vigil.incident.statuspage.domain.Kind;
import io.vigil.incident.statuspage.domain.PublicIncident;
import io.vigil.incident.statuspage.domain.PublicUpdate;
import io.vigil.incident.statuspage.domain.UpdateStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** A public incident is read in four queries whatever the number of incidents: rows, links, components, updates. */
@Repository
class JdbcPublicIncidents implements PublicIncidents {

    private static final String COLUMNS = "id, kind, name, status, impact, scheduled_for, scheduled_until, "
            + "created_at, updated_at, resolved_at";

    private final JdbcTemplate jdbc;

    JdbcPublicIncidents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(PublicIncident i) {
        jdbc.update("""
                insert into status_incident (id, kind, name, status, impact, scheduled_for, scheduled_until,
                    created_at, updated_at, resolved_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set status = excluded.status, impact = excluded.impact,
                    updated_at = excluded.updated_at, resolved_at = excluded.resolved_at""",
                i.id(), i.kind().label(), i.name(), i.status().label(), i.impact().label(), ts(i.scheduledFor()),
                ts(i.scheduledUntil()), ts(i.createdAt()), ts(i.updatedAt()), ts(i.resolvedAt()));
        for (UUID incident : i.incidentIds()) {
            jdbc.update("insert into status_incident_link (status_incident_id, incident_id) values (?, ?) "
                    + "on conflict do nothing", i.id(), incident);
        }
        for (UUID component : i.componentIds()) {
            jdbc.update("insert into status_incident_component (status_incident_id, component_id) values (?, ?) "
                    + "on conflict do nothing", i.id(), component);
        }
        // Oldest first, so that seq follows the order the updates were posted in.
        for (PublicUpdate u : i.updates().reversed()) {
            jdbc.update("""
                    insert into status_update (id, status_incident_id, status, body, author, created_at)
                    values (?, ?, ?, ?, ?, ?) on conflict (id) do nothing""", u.id(), i.id(), u.status().label(),
                    u.body(), u.author(), ts(u.createdAt()));
        }
    }

    @Override
    public Optional<PublicIncident> find(UUID id) {
        return assemble(jdbc.query("select " + COLUMNS + " from status_incident where id = ?", JdbcPublicIncidents::row,
                id)).stream().findFirst();
    }

    @Override
    public Optional<PublicIncident> lock(UUID id) {
        return assemble(jdbc.query("select " + COLUMNS + " from status_incident where id = ? for update",
                JdbcPublicIncidents::row, id)).stream().findFirst();
    }

    @Override
    public List<PublicIncident> openOrSince(Instant since) {
        return assemble(jdbc.query("select " + COLUMNS + """
                 from status_incident where resolved_at is null or resolved_at >= ?
                order by created_at desc, id""", JdbcPublicIncidents::row, ts(since)));
    }

    @Override
    public List<PublicIncident> openLinkedTo(UUID incidentId) {
        return assemble(jdbc.query("select " + COLUMNS + """
                 from status_incident where resolved_at is null and kind = 'incident'
                and id in (select status_incident_id from status_incident_link where incident_id = ?)
                order by created_at, id""", JdbcPublicIncidents::row, incidentId));
    }

    @Override
    public List<PublicIncident> latest(int limit) {
        return assemble(jdbc.query("select " + COLUMNS + " from status_incident order by updated_at desc, id limit ?",
                JdbcPublicIncidents::row, limit));
    }

    /** An incident row before its links, components and updates are added. */
    private record Row(UUID id, Kind kind, String name, UpdateStatus status, Impact impact, Instant scheduledFor,
            Instant scheduledUntil, Instant createdAt, Instant updatedAt, Instant resolvedAt) {
    }

    private List<PublicIncident> assemble(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        UUID[] ids = rows.stream().map(Row::id).toArray(UUID[]::new);
        Map<UUID, Set<UUID>> links = new HashMap<>();
        jdbc.query("select status_incident_id, incident_id from status_incident_link where status_incident_id = any(?)",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", ids)),
                rs -> {
                    links.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                            .add(rs.getObject(2, UUID.class));
                });
        Map<UUID, Set<UUID>> components = new HashMap<>();
        jdbc.query("select status_incident_id, component_id from status_incident_component "
                        + "where status_incident_id = any(?)",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", ids)),
                rs -> {
                    components.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                            .add(rs.getObject(2, UUID.class));
                });
        Map<UUID, Kind> kinds = new HashMap<>();
        rows.forEach(row -> kinds.put(row.id(), row.kind()));
        Map<UUID, List<PublicUpdate>> updates = new HashMap<>();
        jdbc.query("""
                select id, status_incident_id, status, body, author, created_at from status_update
                where status_incident_id = any(?) order by created_at desc, seq desc""",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", ids)),
                rs -> {
                    UUID incident = rs.getObject(2, UUID.class);
                    updates.computeIfAbsent(incident, k -> new ArrayList<>()).add(new PublicUpdate(
                            rs.getObject(1, UUID.class), incident,
                            UpdateStatus.fromLabel(rs.getString(3), kinds.get(incident), "status"), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant()));
                });
        return rows.stream().map(row -> new PublicIncident(row.id(), row.kind(), row.name(), row.status(),
                row.impact(), row.scheduledFor(), row.scheduledUntil(), row.createdAt(), row.updatedAt(),
                row.resolvedAt(), components.getOrDefault(row.id(), Set.of()), links.getOrDefault(row.id(), Set.of()),
                updates.getOrDefault(row.id(), List.of()))).toList();
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        Kind kind = Kind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT));
        return new Row(rs.getObject(1, UUID.class), kind, rs.getString(3),
                UpdateStatus.fromLabel(rs.getString(4), kind, "status"), Impact.fromLabel(rs.getString(5), "impact"),
                instant(rs, 6), instant(rs, 7), instant(rs, 8), instant(rs, 9), instant(rs, 10));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
