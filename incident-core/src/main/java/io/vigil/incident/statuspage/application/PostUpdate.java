package io.vigil.incident.statuspage.application;

import io.vigil.contracts.Actor;
import io.vigil.incident.statuspage.domain.ComponentStatus;
import io.vigil.incident.statuspage.domain.Impact;
import io.vigil.incident.statuspage.domain.PublicIncident;
import io.vigil.incident.statuspage.domain.PublicUpdate;
import io.vigil.incident.statuspage.domain.UpdateStatus;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts an update to a public incident or maintenance: its status and words for the public, optionally a new
 * impact and component statuses (when it names none, resolving puts the affected components back to operational
 * and a maintenance going in progress puts them under maintenance). The update is then announced.
 */
@Service
public class PostUpdate {

    /** @param status {@code null} keeps the current one */
    public record Command(UUID publicIncidentId, String status, String body, Impact impact,
            Map<UUID, ComponentStatus> componentStatuses, Actor actor) {
    }

    private final PublicIncidents incidents;
    private final StatusComponents components;
    private final Announcements announcements;
    private final Clock clock;

    public PostUpdate(PublicIncidents incidents, StatusComponents components, Announcements announcements,
            Clock clock) {
        this.incidents = incidents;
        this.components = components;
        this.announcements = announcements;
        this.clock = clock;
    }

    @Transactional
    public PublicIncident post(Command command) {
        return post(command, UUID.randomUUID());
    }

    /**
     * Refuses a status the incident cannot take (a maintenance is not "identified"), before anything is posted.
     *
     * @throws io.vigil.incident.statuspage.domain.InvalidStatusPageRequest naming the status
     */
    public void validate(PublicIncident incident, String status) {
        if (status != null) {
            UpdateStatus.fromLabel(status, incident.kind(), "status");
        }
    }

    /** @param updateId the new update's id: derived from its cause when a replay must not post it twice */
    @Transactional
    public PublicIncident post(Command command, UUID updateId) {
        PublicIncident incident = incidents.lock(command.publicIncidentId())
                .orElseThrow(() -> new ResourceNotFound("public incident", command.publicIncidentId()));
        UpdateStatus status = command.status() == null ? incident.status()
                : UpdateStatus.fromLabel(command.status(), incident.kind(), "status");
        Instant now = clock.instant();
        PublicUpdate update = new PublicUpdate(updateId, incident.id(), status, command.body(),
                command.actor() == null ? null : command.actor().id(), now);
        Map<UUID, ComponentStatus> statuses = incident.componentStatusesFor(status, command.componentStatuses());
        PublicIncident after = incident.post(update, command.impact(), command.componentStatuses().keySet());
        PublishIncident.setStatuses(components, statuses, now);
        incidents.save(after);
        announcements.announce(after, update, command.actor());
        return after;
    }
}
