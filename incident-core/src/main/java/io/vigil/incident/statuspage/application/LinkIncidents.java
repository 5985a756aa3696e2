package io.vigil.incident.statuspage.application;

import io.vigil.incident.incident.application.Incidents;
import io.vigil.incident.statuspage.domain.PublicIncident;
import io.vigil.starter.web.ResourceNotFound;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Links a public incident to more internal incidents; their timelines hear of the updates from then on. */
@Service
public class LinkIncidents {

    private final PublicIncidents incidents;
    private final Incidents internalIncidents;

    public LinkIncidents(PublicIncidents incidents, Incidents internalIncidents) {
        this.incidents = incidents;
        this.internalIncidents = internalIncidents;
    }

    @Transactional
    public PublicIncident link(UUID publicIncidentId, Set<UUID> incidentIds) {
        PublicIncident incident = incidents.lock(publicIncidentId)
                .orElseThrow(() -> new ResourceNotFound("public incident", publicIncidentId));
        PublishIncident.requireIncidents(internalIncidents, incidentIds);
        PublicIncident linked = incident.linkedTo(incidentIds);
        incidents.save(linked);
        return linked;
    }
}
