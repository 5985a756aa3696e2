package io.vigil.incident.severity.adapter;

import io.vigil.incident.incident.domain.IncidentStatus;
import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.severity.application.ReminderLedger;
import io.vigil.incident.severity.domain.WatchedIncident;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Open incidents with their latest update, from {@code incident} and {@code timeline_entry}; sent reminders in {@code severity_reminder}. */
@Repository
class JdbcReminderLedger implements ReminderLedger {

    /**
     * Timeline kinds that count as an update when a person wrote them: a note, a status change (acknowledging is
     * one). A runbook's notes or a system's changes are not the word of the people running the incident.
     */
    static final List<String> UPDATE_KINDS = List.of("note", "status", "acknowledged");

    /** The public update the status page writes on a linked incident's timeline: an update whoever posted it. */
    static final String STATUS_PAGE_UPDATE = "status-page-update";

    private final JdbcTemplate jdbc;

    JdbcReminderLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WatchedIncident> openIncidents() {
        String kinds = String.join(",", UPDATE_KINDS.stream().map(kind -> "'" + kind + "'").toList());
        return jdbc.query("""
                select i.id, i.severity, i.status, i.opened_at,
                       (select max(t.at) from timeline_entry t where t.incident_id = i.id and t.kind = 'reopened')
                           as last_reopened_at,
                       (select max(t.at) from timeline_entry t where t.incident_id = i.id
                           and ((t.kind in (%s) and t.actor_kind = 'user') or t.kind = '%s')) as last_update_at
                from incident i where i.resolved_at is null""".formatted(kinds, STATUS_PAGE_UPDATE),
                (rs, row) -> new WatchedIncident(rs.getObject("id", UUID.class),
                        Severity.valueOf(rs.getString("severity")), IncidentStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("opened_at").toInstant(), instant(rs.getTimestamp("last_reopened_at")),
                        instant(rs.getTimestamp("last_update_at"))));
    }

    @Override
    public Set<UUID> sentForOpenIncidents() {
        return new HashSet<>(jdbc.queryForList("""
                select r.reminder_id from severity_reminder r join incident i on i.id = r.incident_id
                where i.resolved_at is null""", UUID.class));
    }

    @Override
    public boolean firstTime(UUID reminderId, UUID incidentId, String kind, Instant dueAt, Instant sentAt) {
        return jdbc.update("""
                insert into severity_reminder (reminder_id, incident_id, kind, due_at, sent_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""",
                reminderId, incidentId, kind, Timestamp.from(dueAt), Timestamp.from(sentAt)) == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
