package io.vigil.incident.statuspage.adapter.web;

import io.vigil.incident.statuspage.adapter.web.Views.PublicIncidentView;
import io.vigil.incident.statuspage.application.LinkIncidents;
import io.vigil.incident.statuspage.application.PostUpdate;
import io.vigil.incident.statuspage.application.PublishIncident;
import io.vigil.incident.statuspage.application.ReadStatusPage;
import io.vigil.incident.statuspage.application.StartFromTemplate;
import io.vigil.incident.statuspage.domain.ComponentStatus;
import io.vigil.incident.statuspage.domain.Impact;
import io.vigil.incident.statuspage.domain.InvalidStatusPageRequest;
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
    private final StartFromTemplate fromTemplate;

    PublicIncidentController(PublishIncident publish, PostUpdate postUpdate, LinkIncidents link, ReadStatusPage read,
            StartFromTemplate fromTemplate) {
        this.fromTemplate = fromTemplate;
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
     * @param body        what the public reads; may be left out when a template is named
     * @param template    a communication template (e.g. {@code customer-start}) the body starts from, filled in
     *                    with the first internal incident and {@code message}
     */
    record IncidentRequest(@NotBlank @Size(max = 255) String name, String status,
            @Size(max = 16384) String body, String impact, Map<UUID, String> components,
            List<UUID> incidentIds, String template, @Size(max = 16384) String message) {
    }

    /** A scheduled maintenance: its window and the components it will affect. */
    record MaintenanceRequest(@NotBlank @Size(max = 255) String name, @NotBlank @Size(max = 16384) String body,
            @NotNull Instant scheduledFor, @NotNull Instant scheduledUntil, List<UUID> componentIds,
            List<UUID> incidentIds) {
    }

    /**
     * An update; {@code status} keeps the current one when not given. The body may be left out when a template is
     * named: it is then filled in with the first linked internal incident and {@code message}.
     */
    record UpdateRequest(String status, @Size(max = 16384) String body, String impact,
            Map<UUID, String> components, String template, @Size(max = 16384) String message) {
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
        String body = body(request.body(), request.template(), ids(request.incidentIds()), request.message());
        PublicIncidentView incident = PublicIncidentView.of(publish.publish(new PublishIncident.Command(
                Kind.INCIDENT, request.name(), request.status(), body, impact(request.impact()), null, null,
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
        String body = request.template() == null ? body(request.body(), null, Set.of(), null)
                : body(request.body(), request.template(), read.incident(id).incidentIds(), request.message());
        PublicIncidentView incident = PublicIncidentView.of(postUpdate.post(new PostUpdate.Command(id,
                request.status(), body, impact(request.impact()), statuses(request.components()),
                caller.actor())));
        return ResponseEntity.status(201).body(incident);
    }

    @PostMapping({"/incidents/{id}/links", "/maintenances/{id}/links"})
    PublicIncidentView link(@PathVariable UUID id, @Valid @RequestBody LinkRequest request) {
        return PublicIncidentView.of(link.link(id, ids(request.incidentIds())));
    }

    /** The body as given, or started from the template when one is named and no body is. */
    private String body(String body, String template, Set<UUID> incidents, String message) {
        if (body != null && !body.isBlank()) {
            return body;
        }
        if (template == null) {
            throw new InvalidStatusPageRequest("body", "is required unless a template is named");
        }
        return fromTemplate.text(template, incidents, message);
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
