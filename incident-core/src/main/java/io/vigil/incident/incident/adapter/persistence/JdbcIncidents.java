package io.vigil.incident.incident.adapter.persistence;

import static io.vigil.incident.incident.adapter.persistence.IncidentRows.COLUMNS;
import static io.vigil.incident.incident.adapter.persistence.IncidentRows.timestamp;

import io.vigil.contracts.Actor;
import io.vigil.incident.incident.application.IncidentQuery;
import io.vigil.incident.incident.application.Incidents;
import io.vigil.incident.incident.application.Timeline;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.incident.domain.IncidentStatus;
import io.vigil.incident.incident.domain.Severity;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Incidents in the {@code incident} schema, in plain SQL: the writes that decide deduplication and
 * reopening are single statements, so that the unique index on open incidents, not a
 * read-then-write race, settles which of two concurrent alerts opens or reopens the incident.
 */
@Repository
class JdbcIncidents implements Incidents, Timeline {

    /**
     * The incidents that ever had the alerts of one fingerprint: a handful of rows, each incident reached by its
     * primary key. The lateral subquery fenced by {@code offset 0} and filtered outside keeps the planner from
     * flattening the join and, on tables it has no statistics for yet (a fresh database filling fast), walking
     * every open incident of the service through an index on the service instead: that made each new alert's
     * look-up grow with the number of open incidents.
     */
    private static final String INCIDENTS_OF_FINGERPRINT = " incident_alert a cross join lateral ("
            + "select id, service, status, resolved_at from incident where id = a.incident_id offset 0) i"
            + " where a.fingerprint = ?";

    private final JdbcTemplate jdbc;
    private final EntityManager entities;

    JdbcIncidents(JdbcTemplate jdbc, EntityManager entities) {
        this.jdbc = jdbc;
        this.entities = entities;
    }

    @Override
    public Optional<Incident> find(UUID id) {
        IncidentEntity entity = entities.find(IncidentEntity.class, id);
        if (entity == null) {
            return Optional.empty();
        }
        // Writes go around JPA: never let a later read in this transaction see a remembered, stale row.
        entities.detach(entity);
        return Optional.of(entity.toDomain());
    }

    @Override
    public Optional<Incident> lock(UUID id) {
        return one("select " + COLUMNS + " from incident where id = ? for update", id);
    }

    @Override
    public Optional<UUID> openIncidentOf(String service, String fingerprint) {
        return jdbc.queryForList("select i.id from" + INCIDENTS_OF_FINGERPRINT
                + " and i.service = ? and i.resolved_at is null limit 1", UUID.class, fingerprint, service)
                .stream().findFirst();
    }

    @Override
    public List<Incident> search(IncidentQuery query) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from incident where true");
        List<Object> args = new ArrayList<>();
        if (query.service() != null) {
            sql.append(" and service = ?");
            args.add(query.service());
        }
        if (query.fingerprint() != null) {
            sql.append(" and fingerprint = ?");
            args.add(query.fingerprint());
        }
        if (query.openOnly()) {
            sql.append(" and resolved_at is null");
        }
        if (!query.statuses().isEmpty()) {
            sql.append(" and status in (").append(placeholders(query.statuses().size())).append(')');
            query.statuses().stream().map(IncidentStatus::name).sorted().forEach(args::add);
        }
        if (!query.severities().isEmpty()) {
            sql.append(" and severity in (").append(placeholders(query.severities().size())).append(')');
            query.severities().stream().map(Severity::name).sorted().forEach(args::add);
        }
        if (query.from() != null) {
            sql.append(" and opened_at >= ?");
            args.add(timestamp(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and opened_at < ?");
            args.add(timestamp(query.to()));
        }
        if (query.after() != null) {
            sql.append(" and (opened_at, number) < (?, ?)");
            args.add(timestamp(query.after().openedAt()));
            args.add(query.after().number());
        }
        sql.append(" order by opened_at desc, number desc limit ? offset ?");
        args.add(query.limit());
        args.add(query.offset());
        return jdbc.query(sql.toString(), IncidentRows::map, args.toArray());
    }

    @Override
    public Optional<Incident> oldestOpenIn(Collection<String> services) {
        if (services.isEmpty()) {
            return Optional.empty();
        }
        return one("select " + COLUMNS + " from incident where resolved_at is null and service in ("
                + placeholders(services.size()) + ") order by opened_at, number limit 1", services.toArray());
    }

    @Override
    public long countOpen() {
        Long open = jdbc.queryForObject("select count(*) from incident where resolved_at is null", Long.class);
        return open == null ? 0 : open;
    }

    @Override
    public Optional<Incident> countAlertOnOpen(String service, String fingerprint, Instant at) {
        return one("""
                update incident set alert_count = alert_count + 1, last_alert_at = greatest(last_alert_at, ?)
                where id = (select i.id from""" + INCIDENTS_OF_FINGERPRINT + """
                              and i.service = ? and i.resolved_at is null limit 1)
                  and resolved_at is null
                returning\s""" + COLUMNS, Timestamp.from(at), fingerprint, service);
    }

    @Override
    public Optional<Incident> countAlertOnGroup(String service, String groupKey, Instant activeSince, Instant at) {
        String update = """
                update incident set alert_count = alert_count + 1, last_alert_at = greatest(last_alert_at, ?)
                where service = ? and group_key = ? and resolved_at is null""";
        if (activeSince == null) {
            return one(update + " returning " + COLUMNS, Timestamp.from(at), service, groupKey);
        }
        return one(update + " and last_alert_at >= ? returning " + COLUMNS, Timestamp.from(at), service, groupKey,
                Timestamp.from(activeSince));
    }

    @Override
    public Optional<Incident> countAlertOn(UUID id, String fingerprint, Instant at) {
        return one("""
                update incident set alert_count = alert_count + 1, last_alert_at = greatest(last_alert_at, ?)
                where id = ? and resolved_at is null
                  and exists (select 1 from incident_alert where incident_id = ? and fingerprint = ?)
                returning\s""" + COLUMNS, Timestamp.from(at), id, id, fingerprint);
    }

    @Override
    public List<String> fingerprintsOf(UUID incidentId) {
        return jdbc.queryForList("select fingerprint from incident_alert where incident_id = ? order by first_seen_at",
                String.class, incidentId);
    }

    @Override
    public void moveAlerts(UUID from, UUID to, Collection<String> fingerprints) {
        jdbc.update("update incident_alert set incident_id = ? where incident_id = ? and fingerprint = any(?)", to,
                from, (Object) fingerprints.toArray(String[]::new));
    }

    @Override
    public Optional<Incident> insertIfNoneOpen(Incident candidate, String groupKey) {
        // No conflict target: the open-per-fingerprint and open-per-group indexes both turn the insert into nothing.
        return one("""
                insert into incident (id, number, title, service, severity, urgency, status, fingerprint,
                                      alert_count, opened_at, last_alert_at, group_key, caused_by)
                values (?, nextval('incident_number_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                returning\s""" + COLUMNS,
                candidate.id(), candidate.title(), candidate.service(), candidate.severity().name(),
                candidate.urgency().name(), candidate.status().name(), candidate.fingerprint(),
                candidate.alertCount(), Timestamp.from(candidate.openedAt()), Timestamp.from(candidate.lastAlertAt()),
                groupKey, candidate.causedBy());
    }

    @Override
    public Optional<Incident> openWithFirstAlert(Incident candidate, String groupKey) {
        return one("""
                with opened as (
                    insert into incident (id, number, title, service, severity, urgency, status, fingerprint,
                                          alert_count, opened_at, last_alert_at, group_key, caused_by)
                    values (?, nextval('incident_number_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict do nothing
                    returning\s""" + COLUMNS + """
                ), first_alert as (
                    insert into incident_alert (incident_id, fingerprint, status, first_seen_at, last_change_at)
                    select id, fingerprint, 'firing', opened_at, opened_at from opened
                )
                select\s""" + COLUMNS + " from opened",
                candidate.id(), candidate.title(), candidate.service(), candidate.severity().name(),
                candidate.urgency().name(), candidate.status().name(), candidate.fingerprint(),
                candidate.alertCount(), Timestamp.from(candidate.openedAt()), Timestamp.from(candidate.lastAlertAt()),
                groupKey, candidate.causedBy());
    }

    @Override
    public Optional<Incident> reopenRecent(String service, String fingerprint, Instant resolvedSince, Instant at) {
        return one("""
                update incident set status = 'REOPENED', resolved_at = null, alert_count = alert_count + 1,
                                    last_alert_at = greatest(last_alert_at, ?)
                where id = (select i.id from""" + INCIDENTS_OF_FINGERPRINT + """
                              and i.service = ? and i.status = 'RESOLVED' and i.resolved_at >= ?
                            order by i.resolved_at desc limit 1)
                  and status = 'RESOLVED'
                returning\s""" + COLUMNS,
                Timestamp.from(at), fingerprint, service, Timestamp.from(resolvedSince));
    }

    @Override
    public void update(Incident incident) {
        jdbc.update("""
                update incident set status = ?, severity = ?, urgency = ?, acknowledged_at = ?, resolved_at = ?,
                                    closed_at = ?, alert_count = ?, last_alert_at = ?
                where id = ?""",
                incident.status().name(), incident.severity().name(), incident.urgency().name(),
                timestamp(incident.acknowledgedAt()), timestamp(incident.resolvedAt()), timestamp(incident.closedAt()),
                incident.alertCount(), timestamp(incident.lastAlertAt()), incident.id());
    }

    @Override
    public boolean markAlert(UUID incidentId, String fingerprint, boolean firing, Instant at) {
        // One round trip: a row only comes back when the alert is new to the incident (inserted, xmax 0) or
        // changed status; an alert already in that status is left as it is.
        List<Boolean> inserted = jdbc.queryForList("""
                insert into incident_alert (incident_id, fingerprint, status, first_seen_at, last_change_at)
                values (?, ?, ?, ?, ?)
                on conflict (incident_id, fingerprint) do update
                    set status = excluded.status, last_change_at = excluded.last_change_at
                    where incident_alert.status <> excluded.status
                returning xmax = 0""",
                Boolean.class, incidentId, fingerprint, firing ? "firing" : "resolved", Timestamp.from(at),
                Timestamp.from(at));
        return !inserted.isEmpty() && inserted.getFirst();
    }

    @Override
    public void moveAlertsAndCopyTimeline(Incident source, Incident target) {
        jdbc.update("""
                update incident_alert set incident_id = ?
                where incident_id = ?
                  and fingerprint not in (select fingerprint from incident_alert where incident_id = ?)""",
                target.id(), source.id(), target.id());
        jdbc.update("delete from incident_alert where incident_id = ?", source.id());
        jdbc.update("""
                insert into timeline_entry (incident_id, at, kind, summary, actor_kind, actor_id, actor_via)
                select ?, at, kind, '#' || ? || ': ' || summary, actor_kind, actor_id, actor_via
                from timeline_entry where incident_id = ? order by at, id""",
                target.id(), source.number(), source.id());
    }

    @Override
    public int firingAlerts(UUID incidentId) {
        Integer firing = jdbc.queryForObject(
                "select count(*) from incident_alert where incident_id = ? and status = 'firing'", Integer.class,
                incidentId);
        return firing == null ? 0 : firing;
    }

    @Override
    public void add(UUID incidentId, Entry entry) {
        Actor actor = entry.actor();
        jdbc.update("""
                insert into timeline_entry (incident_id, at, kind, summary, actor_kind, actor_id, actor_via)
                values (?, ?, ?, ?, ?, ?, ?)""",
                incidentId, Timestamp.from(entry.at()), entry.kind(), entry.summary(),
                actor == null ? null : actor.kind(), actor == null ? null : actor.id(),
                actor == null ? null : actor.via());
    }

    @Override
    public List<Entry> entriesOf(UUID incidentId) {
        return jdbc.query("""
                select at, kind, summary, actor_kind, actor_id, actor_via from timeline_entry
                where incident_id = ? order by at, id""",
                (rs, row) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("kind"),
                        rs.getString("summary"), rs.getString("actor_id") == null ? null
                                : new Actor(rs.getString("actor_kind"), rs.getString("actor_id"),
                                        rs.getString("actor_via"))),
                incidentId);
    }

    private Optional<Incident> one(String sql, Object... args) {
        return jdbc.query(sql, IncidentRows::map, args).stream().findFirst();
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
