package io.vigil.incident.incident.adapter.persistence;

import io.vigil.incident.incident.application.IncidentQuery;
import io.vigil.incident.incident.application.Incidents;
import io.vigil.incident.incident.application.Timeline;
import io.vigil.incident.incident.domain.Incident;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Incidents in the {@code incident} schema. Reads go through JPA; the writes that decide
 * deduplication are single SQL statements so that the unique index, not a read-then-write race,
 * settles which of two concurrent alerts opens the incident.
 */
@Repository
class JpaIncidents implements Incidents, Timeline {

    private final IncidentJpaRepository incidents;
    private final TimelineJpaRepository timeline;
    private final JdbcTemplate jdbc;

    JpaIncidents(IncidentJpaRepository incidents, TimelineJpaRepository timeline, JdbcTemplate jdbc) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Incident> find(UUID id) {
        return incidents.findById(id).map(IncidentEntity::toDomain);
    }

    @Override
    public List<Incident> search(IncidentQuery query) {
        StringBuilder sql = new StringBuilder("""
                select id, number, title, service, severity, urgency, status, fingerprint, alert_count,
                       opened_at, last_alert_at, acknowledged_at, resolved_at
                from incident where true""");
        List<Object> args = new java.util.ArrayList<>();
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
        sql.append(" order by opened_at desc, number desc limit ? offset ?");
        args.add(query.limit());
        args.add(query.offset());
        return jdbc.query(sql.toString(), IncidentRows::map, args.toArray());
    }

    @Override
    public Optional<Incident> countAlertOnOpen(String service, String fingerprint, Instant at) {
        List<UUID> ids = jdbc.queryForList("""
                update incident set alert_count = alert_count + 1, last_alert_at = greatest(last_alert_at, ?)
                where service = ? and fingerprint = ? and resolved_at is null
                returning id""", UUID.class, Timestamp.from(at), service, fingerprint);
        return ids.stream().findFirst().flatMap(this::findFresh);
    }

    @Override
    public Optional<Incident> countAlertOn(UUID id, Instant at) {
        List<UUID> ids = jdbc.queryForList("""
                update incident set alert_count = alert_count + 1, last_alert_at = greatest(last_alert_at, ?)
                where id = ? and resolved_at is null
                returning id""", UUID.class, Timestamp.from(at), id);
        return ids.stream().findFirst().flatMap(this::findFresh);
    }

    @Override
    public Optional<Incident> insertIfNoneOpen(Incident candidate) {
        List<UUID> ids = jdbc.queryForList("""
                insert into incident (id, number, title, service, severity, urgency, status, fingerprint,
                                      alert_count, opened_at, last_alert_at)
                values (?, nextval('incident_number_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (service, fingerprint) where resolved_at is null do nothing
                returning id""", UUID.class,
                candidate.id(), candidate.title(), candidate.service(), candidate.severity().name(),
                candidate.urgency().name(), candidate.status().name(), candidate.fingerprint(),
                candidate.alertCount(), Timestamp.from(candidate.openedAt()), Timestamp.from(candidate.lastAlertAt()));
        return ids.stream().findFirst().flatMap(this::findFresh);
    }

    @Override
    public void addTimelineEntry(UUID incidentId, Instant at, String kind, String summary) {
        jdbc.update("insert into timeline_entry (incident_id, at, kind, summary) values (?, ?, ?, ?)",
                incidentId, Timestamp.from(at), kind, summary);
    }

    @Override
    public List<Entry> entriesOf(UUID incidentId) {
        return timeline.findByIncidentIdOrderByAtAscIdAsc(incidentId).stream()
                .map(entry -> new Entry(entry.at(), entry.kind(), entry.summary()))
                .toList();
    }

    /** Reads the row as the statement above left it, not as the persistence context may remember it. */
    private Optional<Incident> findFresh(UUID id) {
        return Optional.ofNullable(jdbc.query("""
                select id, number, title, service, severity, urgency, status, fingerprint, alert_count,
                       opened_at, last_alert_at, acknowledged_at, resolved_at
                from incident where id = ?""", IncidentRows::map, id).stream().findFirst().orElse(null));
    }
}
