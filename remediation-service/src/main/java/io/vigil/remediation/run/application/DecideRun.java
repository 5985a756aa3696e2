package io.vigil.remediation.run.application;

import io.vigil.remediation.run.domain.StepState;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A human approves, rejects or cancels a run. */
@Service
public class DecideRun {

    private final Runs runs;
    private final RunProgression progression;
    private final Clock clock;

    public DecideRun(Runs runs, RunProgression progression, Clock clock) {
        this.runs = runs;
        this.progression = progression;
        this.clock = clock;
    }

    /** Approves the approval step the run waits on; the run goes on with its next step. */
    @Transactional
    public void approve(UUID runId, String by) {
        RunRecord run = lock(runId);
        StepRecord waiting = waiting(run);
        progression.finishStep(run, waiting, StepState.SUCCEEDED, "approved by " + by, false, by, clock.instant());
    }

    /** Rejects the approval step the run waits on; the rollback steps run. */
    @Transactional
    public void reject(UUID runId, String by, String reason) {
        RunRecord run = lock(runId);
        StepRecord waiting = waiting(run);
        progression.finishStep(run, waiting, StepState.REJECTED, "rejected by " + by
                + (reason == null || reason.isBlank() ? "" : ": " + reason), false, by, clock.instant());
    }

    /** Ends the run where it is; nothing more runs, nothing is rolled back. */
    @Transactional
    public void cancel(UUID runId, String by) {
        RunRecord run = lock(runId);
        if (run.state().finished()) {
            throw new RunConflict("run %s already ended %s".formatted(runId, run.state().wireName()));
        }
        Instant now = clock.instant();
        progression.finishRun(run, io.vigil.remediation.run.domain.RunState.CANCELLED, "cancelled by " + by, now);
    }

    private RunRecord lock(UUID runId) {
        return runs.lock(runId).orElseThrow(() -> new ResourceNotFound("remediation run", runId));
    }

    private StepRecord waiting(RunRecord run) {
        return runs.steps(run.id()).stream().filter(s -> s.state() == StepState.WAITING).findFirst()
                .orElseThrow(() -> new RunConflict("run %s is %s and waits for no approval".formatted(run.id(),
                        run.state().wireName())));
    }
}
