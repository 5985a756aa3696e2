package io.vigil.incident.incident.adapter.web;

import io.vigil.contracts.Actor;
import io.vigil.incident.incident.application.AssignRoles;
import io.vigil.incident.incident.application.Incidents;
import io.vigil.incident.incident.application.Roles;
import io.vigil.incident.incident.domain.IncidentRole;
import io.vigil.starter.security.ApiCaller;
import io.vigil.starter.web.InvalidField;
import io.vigil.starter.web.ResourceNotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Incident roles: who commands, leads, communicates, writes, advises and responds. */
@RestController
@RequestMapping("/v1/incidents/{id}/roles")
class RoleController {

    private final Incidents incidents;
    private final Roles roles;
    private final AssignRoles assignRoles;

    RoleController(Incidents incidents, Roles roles, AssignRoles assignRoles) {
        this.incidents = incidents;
        this.roles = roles;
        this.assignRoles = assignRoles;
    }

    /** One role holder as the API shows it. */
    record RoleView(String role, String assignee, Instant assignedAt, Actor assignedBy) {

        static List<RoleView> of(List<Roles.Assignment> assignments) {
            return assignments.stream().map(assignment -> new RoleView(assignment.role().label(),
                    assignment.assignee(), assignment.assignedAt(), assignment.assignedBy())).toList();
        }
    }

    record AssignRequest(@NotBlank @Size(max = 255) String assignee) {
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<RoleView> list(@PathVariable UUID id) {
        if (incidents.find(id).isEmpty()) {
            throw new ResourceNotFound("incident", id);
        }
        return RoleView.of(roles.of(id));
    }

    /** Gives the role; a commander, lead or scribe replaces the current one, experts and responders add up. */
    @PutMapping("/{role}")
    List<RoleView> assign(@PathVariable UUID id, @PathVariable String role,
            @Valid @RequestBody AssignRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        return RoleView.of(assignRoles.assign(id, role(role), body.assignee().strip(),
                caller.actor()));
    }

    @DeleteMapping("/{role}/{assignee}")
    List<RoleView> release(@PathVariable UUID id, @PathVariable String role, @PathVariable String assignee,
            @AuthenticationPrincipal ApiCaller caller) {
        return RoleView.of(assignRoles.release(id, role(role), assignee, caller.actor()));
    }

    private static IncidentRole role(String label) {
        try {
            return IncidentRole.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw InvalidField.of("role", "must be one of " + String.join(", ",
                    Arrays.stream(IncidentRole.values()).map(IncidentRole::label).toList()));
        }
    }
}
