package io.vigil.incident.statuspage.application;

import io.vigil.contracts.Actor;
import io.vigil.incident.incident.application.Incidents;
import io.vigil.incident.statuspage.domain.ComponentStatus;
import io.vigil.incident.statuspage.domain.Impact;
import io.vigil.incident.statuspage.domain.InvalidStatusPageRequest;
import io.vigil.incident.statuspage.domain.Kind;
import io.vigil.incident.statuspage.domain.PublicIncident;
import io.vigil.incident.statuspage.domain.PublicUpdate;
import io.vigil.incident.statuspage.domain.StatusComponent;
import io.vigil.incident.statuspage.domain.UpdateStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a public incident or announces a scheduled maintenance, with its first update: the components it names
 * take their new status, and the update is announced (linked incidents' timelines, subscribers).
 */
@Service
public class PublishIncident {

    /**
     * @param impact            {@code null} derives it: maintenance for a maintenance, otherwise from the worst
     *                          component status named
     * @param affected          components it affects whose status does not change now (a maintenance's)
     * @param componentStatuses the components it affects and the status each takes now
     * @param incidentIds       the internal incidents it is about
     */
    public record Command(Kind kind, String name, String status, String body, Impact impact, Instant scheduledFor,
            Instant scheduledUntil, Set<UUID> affected, Map<UUID, ComponentStatus> componentStatuses,
            Set<UUID> incidentIds,
            Actor actor) {
    }

    private final PublicIncidents incidents;
    private final StatusComponents components;
    private final Incidents internalIncidents;
    private final Announcements announcements;
    private final Clock clock;

    public PublishIncident(PublicIncidents incidents, StatusComponents components, Incidents internalIncidents,
            Announcements announcements, Clock clock) {
        this.incidents = incidents;
        this.components = components;
        this.internalIncidents = internalIncidents;
        this.announcements = announcements;
        this.clock = clock;
    }

    @Transactional
    public PublicIncident publish(Command command) {
        requireIncidents(internalIncidents, command.incidentIds());
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String status = command.status() == null
                ? (command.kind() == Kind.MAINTENANCE ? "scheduled" : "investigating") : command.status();
        PublicUpdate first = new PublicUpdate(UUID.randomUUID(), id,
                UpdateStatus.fromLabel(status, command.kind(), "status"),
                command.body(), command.actor() == null ? null : command.actor().id(), now);
        PublicIncident incident = PublicIncident.open(id, command.kind(), command.name(), command.impact(),
                command.scheduledFor(), command.scheduledUntil(), command.incidentIds(), first, command.affected(),
                command.componentStatuses());
        requireComponents(components, incident.componentIds());
        setStatuses(components, incident.componentStatusesFor(first.status(), command.componentStatuses()), now);
        incidents.save(incident);
        announcements.announce(incident, first, command.actor());
        return incident;
    }

    static void requireIncidents(Incidents internalIncidents, Set<UUID> ids) {
        for (UUID id : ids) {
            if (internalIncidents.find(id).isEmpty()) {
                throw new InvalidStatusPageRequest("incidentIds", "names incident " + id + ", which does not exist");
            }
        }
    }

    static void requireComponents(StatusComponents components, Set<UUID> ids) {
        for (UUID id : ids) {
            if (components.find(id).isEmpty()) {
                throw new InvalidStatusPageRequest("components", "names component " + id + ", which does not exist");
            }
        }
    }

    /** Sets the component statuses an update carries. */
    static void setStatuses(StatusComponents components, Map<UUID, ComponentStatus> statuses, Instant at) {
        statuses.forEach((id, status) -> {
            StatusComponent component = components.find(id).orElseThrow(() -> new InvalidStatusPageRequest(
                    "components", "names component " + id + ", which does not exist"));
            components.update(component.withStatus(status, at));
        });
    }
}
