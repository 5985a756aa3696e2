package io.vigil.escalation.escalation.adapter.web;

import io.vigil.escalation.escalation.application.Escalation;
import io.vigil.escalation.escalation.application.EscalationLog;
import io.vigil.escalation.escalation.application.EscalationSteps;
import io.vigil.escalation.escalation.application.Escalations;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EscalationController {

    /** The pending step of an escalation: what fires next and when. */
    record PendingStep(String kind, int cycle, int level, int round, Instant dueAt) {
    }

    /** An escalation with its pending step and what it did so far. */
    record EscalationView(Escalation escalation, List<PendingStep> pending, List<EscalationLog.Entry> log) {
    }

    private final Escalations escalations;
    private final EscalationSteps steps;
    private final EscalationLog log;

    EscalationController(Escalations escalations, EscalationSteps steps, EscalationLog log) {
        this.escalations = escalations;
        this.steps = steps;
        this.log = log;
    }

    @GetMapping("/v1/escalations/{incidentId}")
    Escalation get(@PathVariable UUID incidentId) {
        return escalations.find(incidentId).orElseThrow(() -> new ResourceNotFound("escalation", incidentId));
    }

    @GetMapping("/v1/escalations/{incidentId}/log")
    EscalationView log(@PathVariable UUID incidentId) {
        Escalation escalation = get(incidentId);
        return new EscalationView(escalation,
                steps.pending(incidentId).stream()
                        .map(s -> new PendingStep(s.kind().name(), s.cycle(), s.level(), s.round(), s.dueAt())).toList(),
                log.entries(incidentId));
    }
}
