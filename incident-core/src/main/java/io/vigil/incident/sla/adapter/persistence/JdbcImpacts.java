package io.vigil.incident.sla.adapter.persistence;

import io.vigil.incident.sla.application.Impacts;
import io.vigil.incident.sla.domain.Downtime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Impacts in {@code sla_impact}; missing starts and ends come from incident-core's
 * {@code incident_response_times} view, the same one the response-time reports read.
 */
@Repository
class JdbcImpacts implements Impacts {

    private final JdbcTemplate jdbc;

    JdbcImpacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ImpactRecord> find(UUID incidentId) {
        return jdbc.query("""
                select incident_id, customer_impacting, start_at, end_at, updated_at, updated_by
                from sla_impact where incident_id = ?""", (rs, row) -> new ImpactRecord(
                rs.getObject("incident_id", UUID.class), rs.getBoolean("customer_impacting"),
                instant(rs, "start_at"), instant(rs, "end_at"), instant(rs, "updated_at"),
                rs.getString("updated_by")), incidentId).stream().findFirst();
    }

    @Override
    public void save(ImpactRecord record) {
        jdbc.update("""
                insert into sla_impact (incident_id, customer_impacting, start_at, end_at, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (incident_id) do update set customer_impacting = excluded.customer_impacting,
                    start_at = excluded.start_at, end_at = excluded.end_at, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by""",
                record.incidentId(), record.customerImpacting(), timestamp(record.start()),
                timestamp(record.end()), timestamp(record.updatedAt()), record.updatedBy());
    }

    @Override
    public List<Downtime> customerImpactOf(String service, Instant from, Instant to) {
        return jdbc.query("""
                select incident_id, number, start_at, end_at from (
                    select i.incident_id, i.number, coalesce(s.start_at, i.opened_at) as start_at,
                           coalesce(s.end_at, i.resolved_at) as end_at
                    from sla_impact s join incident_response_times i on i.incident_id = s.incident_id
                    where s.customer_impacting and i.service = ?) impact
                where start_at < ? and (end_at is null or end_at > ?)
                order by start_at""", (rs, row) -> new Downtime(rs.getObject("incident_id", UUID.class),
                rs.getLong("number"), instant(rs, "start_at"), instant(rs, "end_at")),
                service, Timestamp.from(to), Timestamp.from(from));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
