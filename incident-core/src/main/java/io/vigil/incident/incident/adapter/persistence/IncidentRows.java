package io.vigil.incident.incident.adapter.persistence;

import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.incident.domain.IncidentStatus;
import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.incident.domain.Urgency;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

final class IncidentRows {

    static final String COLUMNS = """
            id, number, title, service, severity, urgency, status, fingerprint, alert_count,
            opened_at, last_alert_at, acknowledged_at, resolved_at, closed_at, caused_by""";

    private IncidentRows() {
    }

    static Incident map(ResultSet rs, int row) throws SQLException {
        return new Incident(
                rs.getObject("id", UUID.class),
                rs.getLong("number"),
                rs.getString("title"),
                rs.getString("service"),
                Severity.valueOf(rs.getString("severity")),
                Urgency.valueOf(rs.getString("urgency")),
                IncidentStatus.valueOf(rs.getString("status")),
                rs.getString("fingerprint"),
                rs.getInt("alert_count"),
                instant(rs.getTimestamp("opened_at")),
                instant(rs.getTimestamp("last_alert_at")),
                instant(rs.getTimestamp("acknowledged_at")),
                instant(rs.getTimestamp("resolved_at")),
                instant(rs.getTimestamp("closed_at")),
                rs.getObject("caused_by", UUID.class));
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
