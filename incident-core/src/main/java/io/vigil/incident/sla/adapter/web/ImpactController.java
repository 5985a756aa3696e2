package io.vigil.incident.sla.adapter.web;

import io.vigil.incident.sla.application.MarkImpact;
import io.vigil.starter.security.ApiCaller;
import io.vigil.starter.web.InvalidField;
import io.vigil.starter.web.ResourceNotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whether an incident hurt customers, and from when to when: what SLA downtime is made of. */
@RestController
@RequestMapping("/v1/incidents/{id}/impact")
class ImpactController {

    /**
     * @param customerImpacting whether customers were hurt
     * @param start             when the impact started; the incident's opening when left out
     * @param end               when it ended; the incident's resolution (now, while open) when left out
     */
    record ImpactRequest(@NotNull Boolean customerImpacting, Instant start, Instant end) {
    }

    private final MarkImpact markImpact;

    ImpactController(MarkImpact markImpact) {
        this.markImpact = markImpact;
    }

    @GetMapping
    MarkImpact.View get(@PathVariable UUID id) {
        return markImpact.of(id).orElseThrow(() -> new ResourceNotFound("incident", id));
    }

    @PutMapping
    MarkImpact.View mark(@PathVariable UUID id, @Valid @RequestBody ImpactRequest request,
            @AuthenticationPrincipal ApiCaller caller) {
        return switch (markImpact.mark(new MarkImpact.Command(id, request.customerImpacting(), request.start(),
                request.end(), caller.actor()))) {
            case MarkImpact.Marked marked -> marked.view();
            case MarkImpact.UnknownIncident unknown -> throw new ResourceNotFound("incident", unknown.incidentId());
            case MarkImpact.Refused refused -> throw InvalidField.of(refused.field(), refused.message());
        };
    }
}
