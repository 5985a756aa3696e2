package io.vigil.escalation.escalation.adapter.persistence;

import io.vigil.escalation.escalation.application.EscalationLog;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcEscalationLog implements EscalationLog {

    private final JdbcTemplate jdbc;

    JdbcEscalationLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(UUID incidentId, Entry entry) {
        jdbc.update("insert into escalation_log (incident_id, at, kind, cycle, level, round, detail) values (?, ?, ?, ?, ?, ?, ?)",
                incidentId, Timestamp.from(entry.at()), entry.kind(), entry.cycle(), entry.level(), entry.round(),
                entry.detail());
    }

    @Override
    public List<Entry> entries(UUID incidentId) {
        return jdbc.query("select at, kind, cycle, level, round, detail from escalation_log where incident_id = ? order by id",
                (rs, row) -> new Entry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getString(6)),
                incidentId);
    }
}
