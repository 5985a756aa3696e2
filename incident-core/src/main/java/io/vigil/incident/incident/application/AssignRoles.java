package io.vigil.incident.incident.application;

import io.vigil.contracts.Actor;
import io.vigil.incident.incident.domain.IllegalTransition;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.incident.domain.IncidentChange;
import io.vigil.incident.incident.domain.IncidentRole;
import io.vigil.incident.incident.domain.Outcome;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gives and takes incident roles (commander, tech lead, comms lead, scribe, experts, responders). */
@Service
public class AssignRoles {

    private final Incidents incidents;
    private final Roles roles;
    private final IncidentJournal journal;
    private final Clock clock;

    public AssignRoles(Incidents incidents, Roles roles, IncidentJournal journal, Clock clock) {
        this.incidents = incidents;
        this.roles = roles;
        this.journal = journal;
        this.clock = clock;
    }

    /** @return every role held on the incident afterwards */
    @Transactional(noRollbackFor = IllegalTransition.class)
    public List<Roles.Assignment> assign(UUID incidentId, IncidentRole role, String assignee, Actor actor) {
        Incident incident = locked(incidentId);
        apply(incident, incident.assign(role, assignee, holders(incidentId, role), actor, clock.instant()));
        return roles.of(incidentId);
    }

    /** @return every role held on the incident afterwards */
    @Transactional
    public List<Roles.Assignment> release(UUID incidentId, IncidentRole role, String assignee, Actor actor) {
        Incident incident = locked(incidentId);
        apply(incident, incident.release(role, assignee, holders(incidentId, role), actor, clock.instant()));
        return roles.of(incidentId);
    }

    private void apply(Incident incident, Outcome outcome) {
        for (IncidentChange change : outcome.changes()) {
            switch (change) {
                case IncidentChange.RoleReleased released ->
                        roles.remove(incident.id(), released.role(), released.assignee());
                case IncidentChange.RoleAssigned assigned -> roles.add(incident.id(), new Roles.Assignment(
                        assigned.role(), assigned.assignee(), assigned.at(), assigned.actor()));
                default -> throw new IllegalStateException("not a role change: " + change);
            }
        }
        journal.write(incident, outcome, UUID.randomUUID(), null);
    }

    private Incident locked(UUID incidentId) {
        return incidents.lock(incidentId).orElseThrow(() -> new ResourceNotFound("incident", incidentId));
    }

    private List<String> holders(UUID incidentId, IncidentRole role) {
        return roles.of(incidentId).stream().filter(assignment -> assignment.role() == role)
                .map(Roles.Assignment::assignee).toList();
    }
}
