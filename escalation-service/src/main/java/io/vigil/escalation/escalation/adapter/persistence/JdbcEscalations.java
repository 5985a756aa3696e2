package io.vigil.escalation.escalation.adapter.persistence;

import io.vigil.escalation.escalation.application.Escalation;
import io.vigil.escalation.escalation.application.Escalations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcEscalations implements Escalations {

    private static final String COLUMNS = """
            incident_id, service, severity, urgency, state, started_at, number, title, policy_id, cycle, level, round,
            pages""";

    private final JdbcTemplate jdbc;

    JdbcEscalations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Escalation> find(UUID incidentId) {
        return jdbc.query("select " + COLUMNS + " from escalation where incident_id = ?", JdbcEscalations::map,
                incidentId).stream().findFirst();
    }

    @Override
    public Optional<Escalation> lock(UUID incidentId) {
        return jdbc.query("select " + COLUMNS + " from escalation where incident_id = ? for update",
                JdbcEscalations::map, incidentId).stream().findFirst();
    }

    @Override
    public boolean startIfAbsent(Escalation e) {
        return jdbc.update("insert into escalation (" + COLUMNS + ", updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (incident_id) do nothing",
                e.incidentId(), e.service(), e.severity(), e.urgency(), e.state(), Timestamp.from(e.startedAt()),
                e.number(), e.title(), e.policyId(), e.cycle(), e.level(), e.round(), e.pages(),
                Timestamp.from(e.startedAt())) == 1;
    }

    @Override
    public void stop(Escalation t, Instant at) {
        jdbc.update("insert into escalation (" + COLUMNS + ", updated_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (incident_id) do update set state = case "
                + "when escalation.state in ('RESOLVED', 'MERGED') then escalation.state else excluded.state end, "
                + "updated_at = excluded.updated_at",
                t.incidentId(), t.service(), t.severity(), t.urgency(), t.state(), Timestamp.from(t.startedAt()),
                t.number(), t.title(), t.policyId(), t.cycle(), t.level(), t.round(), t.pages(), Timestamp.from(at));
    }

    @Override
    public void update(Escalation e, Instant at) {
        jdbc.update("""
                update escalation set service = ?, severity = ?, urgency = ?, state = ?, number = ?, title = ?,
                    policy_id = ?, cycle = ?, level = ?, round = ?, pages = ?, updated_at = ?
                where incident_id = ?""",
                e.service(), e.severity(), e.urgency(), e.state(), e.number(), e.title(), e.policyId(), e.cycle(),
                e.level(), e.round(), e.pages(), Timestamp.from(at), e.incidentId());
    }

    private static Escalation map(ResultSet rs, int row) throws SQLException {
        return new Escalation(rs.getObject("incident_id", UUID.class), rs.getString("service"),
                rs.getString("severity"), rs.getString("urgency"), rs.getString("state"),
                rs.getTimestamp("started_at").toInstant(), rs.getLong("number"), rs.getString("title"),
                rs.getString("policy_id"), rs.getInt("cycle"), rs.getInt("level"), rs.getInt("round"),
                rs.getInt("pages"));
    }
}
