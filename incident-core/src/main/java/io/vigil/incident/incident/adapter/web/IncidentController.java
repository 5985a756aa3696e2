package io.vigil.incident.incident.adapter.web;

import io.vigil.incident.incident.application.ChangeSeverity;
import io.vigil.incident.incident.application.ChangeStatus;
import io.vigil.incident.incident.application.DeclareIncident;
import io.vigil.incident.incident.application.EscalateNow;
import io.vigil.incident.incident.application.IncidentQuery;
import io.vigil.incident.incident.application.Incidents;
import io.vigil.incident.incident.application.MergeIncidents;
import io.vigil.incident.incident.application.SplitIncident;
import io.vigil.incident.incident.application.Timeline;
import io.vigil.incident.incident.application.WriteNote;
import io.vigil.incident.incident.domain.Incident;
import io.vigil.incident.incident.domain.IncidentStatus;
import io.vigil.incident.incident.domain.Lifecycle;
import io.vigil.incident.incident.domain.Severity;
import io.vigil.incident.incident.domain.Urgency;
import io.vigil.starter.security.ApiCaller;
import io.vigil.starter.web.InvalidField;
import io.vigil.starter.web.ResourceNotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The incident API. Who did something is the caller's API token (its name), written on the timeline.
 */
@RestController
@RequestMapping("/v1/incidents")
class IncidentController {

    static final String NEXT_CURSOR_HEADER = "X-Next-Cursor";

    private final Incidents incidents;
    private final Timeline timeline;
    private final DeclareIncident declareIncident;
    private final ChangeStatus changeStatus;
    private final ChangeSeverity changeSeverity;
    private final EscalateNow escalateNow;
    private final WriteNote writeNote;
    private final MergeIncidents mergeIncidents;
    private final SplitIncident splitIncident;

    IncidentController(Incidents incidents, Timeline timeline, DeclareIncident declareIncident,
            ChangeStatus changeStatus, ChangeSeverity changeSeverity, EscalateNow escalateNow, WriteNote writeNote,
            MergeIncidents mergeIncidents, SplitIncident splitIncident) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.declareIncident = declareIncident;
        this.changeStatus = changeStatus;
        this.changeSeverity = changeSeverity;
        this.escalateNow = escalateNow;
        this.writeNote = writeNote;
        this.mergeIncidents = mergeIncidents;
        this.splitIncident = splitIncident;
    }

    /** An incident as a responder sees it. */
    record IncidentView(UUID id, long number, String title, String service, String severity, String urgency,
            String status, String fingerprint, int alertCount, Instant openedAt, Instant lastAlertAt,
            Instant acknowledgedAt, Instant resolvedAt, Instant closedAt, UUID causedBy,
            List<String> allowedTransitions) {

        static IncidentView of(Incident incident) {
            return new IncidentView(incident.id(), incident.number(), incident.title(), incident.service(),
                    incident.severity().name(), incident.urgency().name().toLowerCase(Locale.ROOT),
                    incident.status().label(), incident.fingerprint(), incident.alertCount(), incident.openedAt(),
                    incident.lastAlertAt(), incident.acknowledgedAt(), incident.resolvedAt(), incident.closedAt(),
                    incident.causedBy(), Lifecycle.allowedFrom(incident.status()).stream()
                            .map(IncidentStatus::label).toList());
        }
    }

    /** A manual incident. */
    record DeclareRequest(@NotBlank @Size(max = 1024) String title, @NotBlank @Size(max = 255) String service,
            @NotNull Severity severity, Urgency urgency,
            @Size(max = 16384) String description) {
    }

    /** Optional words for the timeline with an acknowledge, resolve, escalate... */
    record NoteOnly(@Size(max = 16384) String note) {
    }

    /** A move to another state: {@code investigating}, {@code identified}, {@code mitigating}, {@code monitoring}... */
    record StatusRequest(@NotBlank String status, @Size(max = 16384) String note) {
    }

    record SeverityRequest(@NotNull Severity severity, Urgency urgency) {
    }

    record NoteRequest(@NotBlank @Size(max = 16384) String text) {
    }

    /** Move these alerts (fingerprints) into a new incident. */
    record SplitRequest(@NotEmpty List<@NotBlank String> fingerprints, @Size(max = 1024) String title) {
    }

    /** Merge this incident into {@code into}. */
    record MergeRequest(@NotNull UUID into, @Size(max = 16384) String note) {
    }

    /**
     * Incidents, newest first. The body is a JSON array; when more may follow, the
     * {@code X-Next-Cursor} header and a {@code Link: <…>; rel="next"} header give the next page.
     */
    @GetMapping
    @Transactional(readOnly = true)
    ResponseEntity<List<IncidentView>> list(@RequestParam(required = false) String service,
            @RequestParam(required = false) String fingerprint,
            @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) List<String> severity,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        IncidentQuery query = new IncidentQuery(service, fingerprint, open, statuses(status), severities(severity),
                from, to, cursor == null ? null : Cursor.decode(cursor), limit, offset);
        List<Incident> page = incidents.search(query);
        HttpHeaders headers = new HttpHeaders();
        if (page.size() == limit) {
            Incident last = page.getLast();
            String next = Cursor.encode(new IncidentQuery.Position(last.openedAt(), last.number()));
            headers.set(NEXT_CURSOR_HEADER, next);
            URI nextPage = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("cursor", next).replaceQueryParam("offset").build().toUri();
            headers.set(HttpHeaders.LINK, "<%s>; rel=\"next\"".formatted(nextPage));
        }
        return ResponseEntity.ok().headers(headers).body(page.stream().map(IncidentView::of).toList());
    }

    @PostMapping
    ResponseEntity<IncidentView> declare(@Valid @RequestBody DeclareRequest request,
            @AuthenticationPrincipal ApiCaller caller) {
        Incident incident = declareIncident.declare(new DeclareIncident.Command(request.title(), request.service(),
                request.severity(), request.urgency(), request.description(), caller.actor()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(incident.id());
        return ResponseEntity.created(location).body(IncidentView.of(incident));
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

    @PostMapping("/{id}/acknowledge")
    IncidentView acknowledge(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteOnly body,
            @AuthenticationPrincipal ApiCaller caller) {
        return move(id, IncidentStatus.ACKNOWLEDGED, note(body), caller);
    }

    @PostMapping("/{id}/resolve")
    IncidentView resolve(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteOnly body,
            @AuthenticationPrincipal ApiCaller caller) {
        return move(id, IncidentStatus.RESOLVED, note(body), caller);
    }

    @PostMapping("/{id}/reopen")
    IncidentView reopen(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteOnly body,
            @AuthenticationPrincipal ApiCaller caller) {
        return move(id, IncidentStatus.REOPENED, note(body), caller);
    }

    @PostMapping("/{id}/close")
    IncidentView close(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteOnly body,
            @AuthenticationPrincipal ApiCaller caller) {
        return move(id, IncidentStatus.CLOSED, note(body), caller);
    }

    /** Any move of the lifecycle by name; {@code PATCH} and {@code POST} do the same. */
    @PostMapping("/{id}/status")
    IncidentView status(@PathVariable UUID id, @Valid @RequestBody StatusRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        IncidentStatus target = statuses(List.of(body.status())).iterator().next();
        if (target == IncidentStatus.MERGED) {
            throw InvalidField.of("status", "cannot be merged here: merging is its own operation");
        }
        return move(id, target, body.note(), caller);
    }

    @PatchMapping("/{id}/status")
    IncidentView patchStatus(@PathVariable UUID id, @Valid @RequestBody StatusRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        return status(id, body, caller);
    }

    @PostMapping("/{id}/escalate")
    IncidentView escalate(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteOnly body,
            @AuthenticationPrincipal ApiCaller caller) {
        return IncidentView.of(escalateNow.escalate(
                new EscalateNow.Command(id, caller.actor(), note(body), UUID.randomUUID(), null)));
    }

    @PostMapping("/{id}/severity")
    IncidentView severity(@PathVariable UUID id, @Valid @RequestBody SeverityRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        return IncidentView.of(changeSeverity.change(new ChangeSeverity.Command(id, body.severity(), body.urgency(),
                caller.actor(), UUID.randomUUID())));
    }

    @PostMapping("/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    Timeline.Entry note(@PathVariable UUID id, @Valid @RequestBody NoteRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        writeNote.write(new WriteNote.Command(id, body.text(), caller.actor(), UUID.randomUUID(), null));
        return timeline.entriesOf(id).reversed().stream().filter(entry -> entry.kind().equals("note"))
                .findFirst().orElseThrow();
    }

    /** Merges this incident into another open one; answers with the target. */
    @PostMapping("/{id}/merge")
    IncidentView merge(@PathVariable UUID id, @Valid @RequestBody MergeRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        if (id.equals(body.into())) {
            throw InvalidField.of("into", "must name another incident");
        }
        return IncidentView.of(mergeIncidents.merge(new MergeIncidents.Command(id, body.into(), caller.actor(),
                body.note())));
    }

    /** Moves some alerts into a new incident; answers {@code 201} with it. */
    @PostMapping("/{id}/split")
    ResponseEntity<IncidentView> split(@PathVariable UUID id, @Valid @RequestBody SplitRequest body,
            @AuthenticationPrincipal ApiCaller caller) {
        Incident created = splitIncident.split(new SplitIncident.Command(id, body.fingerprints(), body.title(),
                caller.actor()));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/v1/incidents/{id}")
                .build(created.id());
        return ResponseEntity.created(location).body(IncidentView.of(created));
    }

    private IncidentView move(UUID id, IncidentStatus target, String note, ApiCaller caller) {
        return IncidentView.of(changeStatus.change(
                new ChangeStatus.Command(id, target, caller.actor(), note, UUID.randomUUID(), null)));
    }

    private static String note(NoteOnly body) {
        return body == null ? null : body.note();
    }

    private static Set<IncidentStatus> statuses(List<String> labels) {
        EnumSet<IncidentStatus> result = EnumSet.noneOf(IncidentStatus.class);
        for (String label : labels == null ? List.<String>of() : labels) {
            try {
                result.add(IncidentStatus.fromLabel(label));
            } catch (IllegalArgumentException e) {
                throw InvalidField.of("status", "must be one of " + String.join(", ",
                        EnumSet.allOf(IncidentStatus.class).stream().map(IncidentStatus::label).toList()));
            }
        }
        return result;
    }

    private static Set<Severity> severities(List<String> names) {
        EnumSet<Severity> result = EnumSet.noneOf(Severity.class);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                result.add(Severity.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw InvalidField.of("severity", "must be one of SEV1, SEV2, SEV3, SEV4, SEV5");
            }
        }
        return result;
    }
}
