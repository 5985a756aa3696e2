package io.vigil.incident.incident.adapter.web;

import io.vigil.incident.incident.application.Incidents;
import io.vigil.incident.incident.application.Timeline;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.vigil.incident.incident.application.IncidentQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The incident API. */
@RestController
@RequestMapping("/v1/incidents")
class IncidentController {

    private final Incidents incidents;
    private final Timeline timeline;

    IncidentController(Incidents incidents, Timeline timeline) {
        this.incidents = incidents;
        this.timeline = timeline;
    }

    /** An incident as a responder sees it. */
    record IncidentView(UUID id, long number, String title, String service, String severity, String urgency,
            String status, String fingerprint, int alertCount, Instant openedAt, Instant lastAlertAt,
            Instant acknowledgedAt, Instant resolvedAt) {

        static IncidentView of(Incident incident) {
            return new IncidentView(incident.id(), incident.number(), incident.title(), incident.service(),
                    incident.severity().name(), incident.urgency().name().toLowerCase(java.util.Locale.ROOT),
                    incident.status().name().toLowerCase(java.util.Locale.ROOT), incident.fingerprint(),
                    incident.alertCount(), incident.openedAt(), incident.lastAlertAt(), incident.acknowledgedAt(),
                    incident.resolvedAt());
        }
    }

    /** Incidents, newest first; {@code open=true} leaves out resolved ones. */
    @GetMapping
    @Transactional(readOnly = true)
    List<IncidentView> list(@RequestParam(required = false) String service,
            @RequestParam(required = false) String fingerprint,
            @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return incidents.search(new IncidentQuery(service, fingerprint, open, limit, offset)).stream()
                .map(IncidentView::of).toList();
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    IncidentView get(@PathVariable UUID id) {
        return incidents.find(id).map(IncidentView::of).orElseThrow(() -> new ResourceNotFound("incident", id));
    }

    @GetMapping("/{id}/timeline")
    @Transactional(readOnly = true)
    List<Timeline.Entry> timeline(@PathVariable UUID id) {
        if (incidents.find(id).isEmpty()) {
            throw new ResourceNotFound("incident", id);
        }
        return timeline.entriesOf(id);
    }
}
