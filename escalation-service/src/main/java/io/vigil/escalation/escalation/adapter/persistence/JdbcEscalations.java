package io.vigil.escalation.escalation.adapter.persistence;

import io.vigil.escalation.escalation.application.Escalation;
import io.vigil.escalation.escalation.application.Escalations;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcEscalations implements Escalations {

    private final JdbcTemplate jdbc;

    JdbcEscalations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Escalation> find(UUID incidentId) {
        return jdbc.query("""
                select incident_id, service, severity, urgency, state, started_at
                from escalation where incident_id = ?""",
                (rs, row) -> new Escalation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()),
                incidentId).stream().findFirst();
    }

    @Override
    public void startIfAbsent(Escalation escalation) {
        jdbc.update("""
                insert into escalation (incident_id, service, severity, urgency, state, started_at)
                values (?, ?, ?, ?, ?, ?) on conflict (incident_id) do nothing""",
                escalation.incidentId(), escalation.service(), escalation.severity(), escalation.urgency(),
                escalation.state(), Timestamp.from(escalation.startedAt()));
    }
}
