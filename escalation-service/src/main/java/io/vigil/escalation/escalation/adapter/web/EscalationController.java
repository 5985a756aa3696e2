package io.vigil.escalation.escalation.adapter.web;

import io.vigil.escalation.escalation.application.Escalation;
import io.vigil.escalation.escalation.application.Escalations;
import io.vigil.starter.web.ResourceNotFound;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EscalationController {

    private final Escalations escalations;

    EscalationController(Escalations escalations) {
        this.escalations = escalations;
    }

    @GetMapping("/v1/escalations/{incidentId}")
    Escalation get(@PathVariable UUID incidentId) {
        return escalations.find(incidentId).orElseThrow(() -> new ResourceNotFound("escalation", incidentId));
    }
}
