package io.vigil.remediation.run.adapter.persistence;

import io.vigil.contracts.IncidentSeverity;
import io.vigil.remediation.run.application.KnownIncident;
import io.vigil.remediation.run.application.KnownIncidents;
import java.sql.Timestamp;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcKnownIncidents implements KnownIncidents {

    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    JdbcKnownIncidents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean remember(KnownIncident i) {
        return jdbc.update("""
                insert into known_incident (incident_id, number, title, service, severity, urgency, fingerprint,
                                            alert_id, opened_at, labels, annotations)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (incident_id) do nothing""",
                i.incidentId(), i.number(), i.title(), i.service(), i.severity().name(), i.urgency(), i.fingerprint(),
                i.alertId(), Timestamp.from(i.openedAt()), json.writeValueAsString(i.labels()),
                json.writeValueAsString(i.annotations())) == 1;
    }

    @Override
    public Optional<KnownIncident> find(UUID incidentId) {
        return jdbc.query("""
                select incident_id, number, title, service, severity, urgency, fingerprint, alert_id, opened_at,
                       labels, annotations
                from known_incident where incident_id = ?""",
                (rs, row) -> new KnownIncident(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                        rs.getString(4), IncidentSeverity.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                        rs.getObject(8, UUID.class), rs.getTimestamp(9).toInstant(),
                        json.readValue(rs.getString(10), STRINGS), json.readValue(rs.getString(11), STRINGS)),
                incidentId).stream().findFirst();
    }
}
