package io.vigil.incident.incident.adapter.persistence;

import io.vigil.contracts.Actor;
import io.vigil.incident.incident.application.Roles;
import io.vigil.incident.incident.domain.IncidentRole;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Role assignments in {@code incident_role}. */
@Repository
class JdbcRoles implements Roles {

    private final JdbcTemplate jdbc;

    JdbcRoles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Assignment> of(UUID incidentId) {
        return jdbc.query("""
                select role, assignee, assigned_at, assigned_by_kind, assigned_by_id, assigned_by_via
                from incident_role where incident_id = ? order by assigned_at, assignee""",
                (rs, row) -> new Assignment(IncidentRole.valueOf(rs.getString("role")), rs.getString("assignee"),
                        rs.getTimestamp("assigned_at").toInstant(), new Actor(rs.getString("assigned_by_kind"),
                                rs.getString("assigned_by_id"), rs.getString("assigned_by_via"))),
                incidentId).stream().sorted(Comparator.comparing(Assignment::role)).toList();
    }

    @Override
    public void add(UUID incidentId, Assignment assignment) {
        Actor by = assignment.assignedBy();
        jdbc.update("""
                insert into incident_role (incident_id, role, assignee, assigned_at, assigned_by_kind, assigned_by_id,
                                           assigned_by_via)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                incidentId, assignment.role().name(), assignment.assignee(), Timestamp.from(assignment.assignedAt()),
                by.kind(), by.id(), by.via());
    }

    @Override
    public void remove(UUID incidentId, IncidentRole role, String assignee) {
        jdbc.update("delete from incident_role where incident_id = ? and role = ? and assignee = ?", incidentId,
                role.name(), assignee);
    }
}
