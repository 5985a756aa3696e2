package io.vigil.incident.sla.adapter.persistence;

import static io.vigil.incident.sla.adapter.persistence.JdbcImpacts.instant;

import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.sla.application.ServiceIncidents;
import io.vigil.incident.sla.domain.IncidentTimes;
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
 * Incident times from incident-core's {@code incident_response_times} view: one row per incident, merged ones
 * left out, acknowledged at the first acknowledgement and resolved at the latest resolution.
 */
@Repository
class JdbcServiceIncidents implements ServiceIncidents {

    private static final String COLUMNS = """
            select incident_id, number, service, severity, opened_at, acknowledged_at, resolved_at
            from incident_response_times""";

    private final JdbcTemplate jdbc;

    JdbcServiceIncidents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<IncidentTimes> find(UUID incidentId) {
        return jdbc.query(COLUMNS + " where incident_id = ?", JdbcServiceIncidents::times, incidentId).stream()
                .findFirst();
    }

    @Override
    public List<IncidentTimes> openedIn(String service, Instant from, Instant to) {
        return jdbc.query(COLUMNS + " where service = ? and opened_at >= ? and opened_at < ? order by opened_at",
                JdbcServiceIncidents::times, service, Timestamp.from(from), Timestamp.from(to));
    }

    private static IncidentTimes times(ResultSet rs, int row) throws SQLException {
        return new IncidentTimes(rs.getObject("incident_id", UUID.class), rs.getLong("number"),
                rs.getString("service"), Severity.valueOf(rs.getString("severity")), instant(rs, "opened_at"),
                instant(rs, "acknowledged_at"), instant(rs, "resolved_at"));
    }
}
