package io.vigil.incident.statuspage.adapter.web;

import io.vigil.incident.statuspage.adapter.web.Views.PublicIncidentView;
import io.vigil.incident.statuspage.application.LinkIncidents;
import io.vigil.incident.statuspage.application.PostUpdate;
import io.vigil.incident.statuspage.application.PublishIncident;
import io.vigil.incident.statuspage.application.ReadStatusPage;
import io.vigil.incident.statuspage.domain.ComponentStatus;
import io.vigil.incident.statuspage.domain.Impact;
import io.vigil.incident.statuspage.domain.Kind;
import io.vigil.starter.security.ApiCaller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Public incidents and scheduled maintenances, written by responders: what the public reads, separate from the
 * internal incident's notes. Every update is announced to the linked incidents' timelines and to subscribers.
 */
@RestController
@RequestMapping("/v1/status-page")
class PublicIncidentController {

    private final PublishIncident publish;
    private final PostUpdate postUpdate;
    private final LinkIncidents link;
    private final ReadStatusPage read;

    PublicIncidentController(PublishIncident publish, PostUpdate postUpdate, LinkIncidents link, ReadStatusPage read) {
        this.publish = publish;
        this.postUpdate = postUpdate;
        this.link = link;
        this.read = read;
    }

    /**
     * A public incident and its first update.
     *
     * @param status      {@code investigating} (the default), {@code identified}, {@code monitoring}, {@code resolved}
     * @param impact      {@code none}, {@code minor}, {@code major}, {@code critical}; derived from the components
     *                    when not given
     * @param components  component id to the status it takes now ({@code partial_outage}...)
     * @param incidentIds the internal incidents it is about
     */
    record IncidentRequest(@NotBlank @Size(max = 255) String name, String status,
            @NotBlank @Size(max = 16384) String body, String impact, Map<UUID, String> components,
            List<UUID> incidentIds) {
    }

    /** A scheduled maintenance: its window and the components it will affect. */
    record MaintenanceRequest(@NotBlank @Size(max = 255) String name, @NotBlank @Size(max = 16384) String body,
            @NotNull Instant scheduledFor, @NotNull Instant scheduledUntil, List<UUID> componentIds,
            List<UUID> incidentIds) {
    }

    /** An update; {@code status} keeps the current one when not given. */
    record UpdateRequest(String status, @NotBlank @Size(max = 16384) String body, String impact,
            Map<UUID, String> components) {
    }

    record LinkRequest(@NotEmpty List<@NotNull UUID> incidentIds) {
    }

    @GetMapping({"/incidents", "/maintenances"})
    List<PublicIncidentView> list() {
        return read.now().incidents().stream().map(PublicIncidentView::of).toList();
    }

    @GetMapping({"/incidents/{id}", "/maintenances/{id}"})
    PublicIncidentView get(@PathVariable UUID id) {
        return PublicIncidentView.of(read.incident(id));
    }

    @PostMapping("/incidents")
    ResponseEntity<PublicIncidentView> open(@Valid @RequestBody IncidentRequest request,
            @AuthenticationPrincipal ApiCaller caller) {
        PublicIncidentView incident = PublicIncidentView.of(publish.publish(new PublishIncident.Command(
                Kind.INCIDENT, request.name(), request.status(), request.body(), impact(request.impact()), null, null,
                Set.of(), statuses(request.components()), ids(request.incidentIds()), caller.actor())));
        return created(incident);
    }

    @PostMapping("/maintenances")
    ResponseEntity<PublicIncidentView> schedule(@Valid @RequestBody MaintenanceRequest request,
            @AuthenticationPrincipal ApiCaller caller) {
        PublicIncidentView maintenance = PublicIncidentView.of(publish.publish(new PublishIncident.Command(
                Kind.MAINTENANCE, request.name(), "scheduled", request.body(), null, request.scheduledFor(),
                request.scheduledUntil(), ids(request.componentIds()), Map.of(), ids(request.incidentIds()),
                caller.actor())));
        return created(maintenance);
    }

    @PostMapping({"/incidents/{id}/updates", "/maintenances/{id}/updates"})
    ResponseEntity<PublicIncidentView> update(@PathVariable UUID id, @Valid @RequestBody UpdateRequest request,
            @AuthenticationPrincipal ApiCaller caller) {
        PublicIncidentView incident = PublicIncidentView.of(postUpdate.post(new PostUpdate.Command(id,
                request.status(), request.body(), impact(request.impact()), statuses(request.components()),
                caller.actor())));
        return ResponseEntity.status(201).body(incident);
    }

    @PostMapping({"/incidents/{id}/links", "/maintenances/{id}/links"})
    PublicIncidentView link(@PathVariable UUID id, @Valid @RequestBody LinkRequest request) {
        return PublicIncidentView.of(link.link(id, ids(request.incidentIds())));
    }

    private static ResponseEntity<PublicIncidentView> created(PublicIncidentView view) {
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(view.id());
        return ResponseEntity.created(location).body(view);
    }

    private static Impact impact(String label) {
        return label == null ? null : Impact.fromLabel(label, "impact");
    }

    private static Map<UUID, ComponentStatus> statuses(Map<UUID, String> components) {
        Map<UUID, ComponentStatus> statuses = new LinkedHashMap<>();
        if (components != null) {
            components.forEach((id, status) -> statuses.put(id, ComponentStatus.fromLabel(status, "components")));
        }
        return statuses;
    }

    private static Set<UUID> ids(List<UUID> ids) {
        return ids == null ? Set.of() : new LinkedHashSet<>(ids);
    }
}
