package io.vigil.remediation.run.application;

import io.vigil.contracts.DecideRemediationRun;
import io.vigil.remediation.run.domain.StepState;
import io.vigil.starter.inbox.Inbox;
import io.vigil.starter.web.ResourceNotFound;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A human approves, rejects or cancels a run: through the REST API, or with a decision sent from Slack. */
@Service
public class DecideRun {

    private static final Logger log = LoggerFactory.getLogger(DecideRun.class);
    static final String CONSUMER = "run-decisions";

    private final Runs runs;
    private final RunProgression progression;
    private final Inbox inbox;
    private final Clock clock;

    public DecideRun(Runs runs, RunProgression progression, Inbox inbox, Clock clock) {
        this.runs = runs;
        this.progression = progression;
        this.inbox = inbox;
        this.clock = clock;
    }

    /**
     * Carries out a decision sent on {@code remediation-commands.v1}, once. A decision that comes too late (the run
     * was decided in another way, cancelled, or never existed here) changes nothing and is only logged: there is
     * nobody to answer, and retrying it would never succeed.
     *
     * @return whether it decided the run
     */
    @Transactional
    public boolean take(DecideRemediationRun command) {
        if (!inbox.firstDelivery(CONSUMER, command.commandId())) {
            return false;
        }
        Optional<RunRecord> run = runs.lock(command.runId());
        Optional<StepRecord> waiting = run.flatMap(r -> runs.steps(r.id()).stream()
                .filter(s -> s.state() == StepState.WAITING).findFirst());
        if (waiting.isEmpty()) {
            log.info("{} of run {} by {} changes nothing: the run {}", command.decision(), command.runId(),
                    command.actor().id(), run.map(r -> "is " + r.state().wireName() + " and waits for no approval")
                            .orElse("is unknown"));
            return false;
        }
        String by = command.actor().id();
        if (DecideRemediationRun.APPROVE.equals(command.decision())) {
            decide(run.get(), waiting.get(), StepState.SUCCEEDED, by, "approved by " + by + via(command));
        } else {
            decide(run.get(), waiting.get(), StepState.REJECTED, by, "rejected by " + by + via(command)
                    + (command.reason() == null || command.reason().isBlank() ? "" : ": " + command.reason()));
        }
        return true;
    }

    private static String via(DecideRemediationRun command) {
        return command.actor().via() == null ? "" : " in " + command.actor().via();
    }

    private void decide(RunRecord run, StepRecord waiting, StepState outcome, String by, String output) {
        progression.finishStep(run, waiting, outcome, output, false, by, clock.instant());
    }

    /** Approves the approval step the run waits on; the run goes on with its next step. */
    @Transactional
    public void approve(UUID runId, String by) {
        RunRecord run = lock(runId);
        StepRecord waiting = waiting(run);
        decide(run, waiting, StepState.SUCCEEDED, by, "approved by " + by);
    }

    /** Rejects the approval step the run waits on; the rollback steps run. */
    @Transactional
    public void reject(UUID runId, String by, String reason) {
        RunRecord run = lock(runId);
        StepRecord waiting = waiting(run);
        decide(run, waiting, StepState.REJECTED, by, "rejected by " + by
                + (reason == null || reason.isBlank() ? "" : ": " + reason));
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
