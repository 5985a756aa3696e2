package io.vigil.remediation.run.adapter.web;

import io.vigil.contracts.Actor;
import io.vigil.remediation.run.application.DecideRun;
import io.vigil.remediation.run.application.RunRecord;
import io.vigil.remediation.run.application.Runs;
import io.vigil.remediation.run.application.StartRunByHand;
import io.vigil.remediation.run.application.StepRecord;
import io.vigil.remediation.run.domain.StepState;
import io.vigil.starter.security.ApiCaller;
import io.vigil.starter.web.ResourceNotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Remediation runs: what they did and do, the decisions humans take on them, and starting one by hand. */
@RestController
class RunController {

    /** A run with its steps, in the order they run. */
    record RunView(UUID id, UUID incidentId, String service, String runbook, int runbookVersion, String trigger,
            String state, boolean dryRun, String waitingFor, String startedBy, Instant startedAt,
            Instant finishedAt, String summary, List<StepView> steps) {
    }

    /** One step of a run. */
    record StepView(int position, String name, String type, String phase, String state, int attempts,
            String description, String output, String decidedBy, Instant startedAt, Instant finishedAt,
            Instant dueAt) {
    }

    /** Starts a runbook by hand. */
    record StartRequest(@NotBlank String runbook) {
    }

    /** Why a run is rejected, optional. */
    record Decision(String reason) {
    }

    private final Runs runs;
    private final DecideRun decide;
    private final StartRunByHand startByHand;

    RunController(Runs runs, DecideRun decide, StartRunByHand startByHand) {
        this.runs = runs;
        this.decide = decide;
        this.startByHand = startByHand;
    }

    @GetMapping("/v1/remediation-runs")
    List<RunView> list(@RequestParam(required = false) UUID incident) {
        List<RunRecord> found = incident == null ? runs.recent(100) : runs.forIncident(incident);
        return found.stream().map(this::view).toList();
    }

    @GetMapping("/v1/remediation-runs/{id}")
    RunView get(@PathVariable UUID id) {
        return view(runs.find(id).orElseThrow(() -> new ResourceNotFound("remediation run", id)));
    }

    @PostMapping("/v1/remediation-runs/{id}/approve")
    RunView approve(@PathVariable UUID id, @AuthenticationPrincipal ApiCaller caller) {
        decide.approve(id, name(caller));
        return get(id);
    }

    @PostMapping("/v1/remediation-runs/{id}/reject")
    RunView reject(@PathVariable UUID id, @RequestBody(required = false) Decision decision,
            @AuthenticationPrincipal ApiCaller caller) {
        decide.reject(id, name(caller), decision == null ? null : decision.reason());
        return get(id);
    }

    @PostMapping("/v1/remediation-runs/{id}/cancel")
    RunView cancel(@PathVariable UUID id, @AuthenticationPrincipal ApiCaller caller) {
        decide.cancel(id, name(caller));
        return get(id);
    }

    @PostMapping("/v1/incidents/{id}/remediations")
    ResponseEntity<RunView> start(@PathVariable UUID id, @Valid @RequestBody StartRequest request,
            @AuthenticationPrincipal ApiCaller caller) {
        Actor actor = caller == null ? new Actor("user", "api", "rest") : caller.actor();
        RunRecord run = startByHand.start(id, request.runbook(), actor);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(run));
    }

    private static String name(ApiCaller caller) {
        return caller == null ? "api" : caller.name();
    }

    private RunView view(RunRecord run) {
        List<StepRecord> steps = runs.steps(run.id());
        String waitingFor = steps.stream().filter(s -> s.state() == StepState.WAITING).map(StepRecord::name)
                .findFirst().orElse(null);
        return new RunView(run.id(), run.incidentId(), run.service(), run.runbook(), run.runbookVersion(),
                run.trigger(), run.state().wireName(), run.dryRun(), waitingFor, run.startedBy(), run.startedAt(),
                run.finishedAt(), run.summary(), steps.stream().map(s -> new StepView(s.seq(), s.name(),
                        s.type().wireName(), s.phase().wireName(), s.state().wireName(), s.attempts(),
                        s.description(), s.output(), s.decidedBy(), s.startedAt(), s.finishedAt(), s.dueAt()))
                        .toList());
    }
}
