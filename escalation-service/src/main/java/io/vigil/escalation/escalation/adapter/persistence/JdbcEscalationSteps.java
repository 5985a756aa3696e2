package io.vigil.escalation.escalation.adapter.persistence;

import io.vigil.escalation.escalation.application.EscalationSteps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcEscalationSteps implements EscalationSteps {

    private final JdbcTemplate jdbc;

    JdbcEscalationSteps(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void schedule(UUID incidentId, int cycle, Kind kind, int level, int round, Instant dueAt) {
        jdbc.update("""
                insert into escalation_step (incident_id, cycle, kind, level, round, due_at, status)
                values (?, ?, ?, ?, ?, ?, 'PENDING')""",
                incidentId, cycle, kind.name(), level, round, Timestamp.from(dueAt));
    }

    @Override
    public int cancelPending(UUID incidentId) {
        return jdbc.update("update escalation_step set status = 'CANCELLED' where incident_id = ? and status = 'PENDING'",
                incidentId);
    }

    @Override
    public List<DueStep> claimDue(Instant now, int limit) {
        // Locking the escalation row with the step keeps an acknowledgement (which locks the escalation first)
        // from slipping between the claim and the next step; SKIP LOCKED means a poller never waits.
        return jdbc.query("""
                select s.id, s.incident_id, s.cycle, s.kind, s.level, s.round, s.due_at
                from escalation_step s join escalation e on e.incident_id = s.incident_id
                where s.status = 'PENDING' and s.due_at <= ?
                order by s.due_at, s.id
                limit ?
                for update of s, e skip locked""",
                JdbcEscalationSteps::map, Timestamp.from(now), limit);
    }

    @Override
    public void markDone(long stepId, Instant firedAt) {
        jdbc.update("update escalation_step set status = 'DONE', fired_at = ? where id = ?", Timestamp.from(firedAt),
                stepId);
    }

    @Override
    public List<DueStep> pending(UUID incidentId) {
        return jdbc.query("""
                select id, incident_id, cycle, kind, level, round, due_at from escalation_step
                where incident_id = ? and status = 'PENDING'""", JdbcEscalationSteps::map, incidentId);
    }

    private static DueStep map(ResultSet rs, int row) throws SQLException {
        return new DueStep(rs.getLong(1), rs.getObject(2, UUID.class), rs.getInt(3), Kind.valueOf(rs.getString(4)),
                rs.getInt(5), rs.getInt(6), rs.getTimestamp(7).toInstant());
    }
}
