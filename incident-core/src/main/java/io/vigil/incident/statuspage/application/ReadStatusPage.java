package io.vigil.incident.statuspage.application;

import io.vigil.incident.statuspage.StatusPageProperties;
import io.vigil.incident.statuspage.domain.PublicIncident;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the status page as the public sees it. */
@Service
public class ReadStatusPage {

    private final StatusComponents components;
    private final PublicIncidents incidents;
    private final StatusPageProperties properties;
    private final Clock clock;

    public ReadStatusPage(StatusComponents components, PublicIncidents incidents, StatusPageProperties properties,
            Clock clock) {
        this.components = components;
        this.incidents = incidents;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public StatusPage now() {
        Instant now = clock.instant();
        return new StatusPage(components.groups(), components.all(),
                incidents.openOrSince(now.minus(Duration.ofDays(properties.historyDays()))), now);
    }

    /** The most recently updated incidents and maintenances, for the feed. */
    @Transactional(readOnly = true)
    public List<PublicIncident> latest(int limit) {
        return incidents.latest(limit);
    }

    /** @throws ResourceNotFound when there is no such public incident */
    @Transactional(readOnly = true)
    public PublicIncident incident(UUID id) {
        return incidents.find(id).orElseThrow(() -> new ResourceNotFound("public incident", id));
    }
}
