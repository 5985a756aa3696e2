package io.vigil.remediation.run.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.remediation.run.domain.Phase;
import io.vigil.remediation.run.domain.RunPlan;
import io.vigil.remediation.run.domain.RunState;
import io.vigil.remediation.run.domain.StepState;
import io.vigil.remediation.runbook.application.Runbooks;
import io.vigil.remediation.runbook.domain.Runbook;
import io.vigil.remediation.runbook.domain.Step;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Moves a run on once one of its steps has an outcome: records the outcome, reports it, and makes the next step due,
 * starts the rollback, or ends the run and sends the incident the command its end calls for. Callers hold the run's
 * lock in their transaction.
 */
@Component
public class RunProgression {

    private final Runs runs;
    private final Runbooks runbooks;
    private final RunEvents events;
    private final MeterRegistry meters;

    public RunProgression(Runs runs, Runbooks runbooks, RunEvents events, MeterRegistry meters) {
        this.runs = runs;
        this.runbooks = runbooks;
        this.events = events;
        this.meters = meters;
    }

    /** Counted once the end is committed: a transaction that rolls back ended nothing. */
    private void count(RunRecord finished) {
        Counter counter = Counter.builder("vigil_remediation_runs_finished")
                .description("Remediation runs that ended, by outcome")
                .tag("runbook", finished.runbook()).tag("outcome", finished.state().wireName())
                .tag("dry_run", Boolean.toString(finished.dryRun())).register(meters);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }

    /** The step's definition in the run's runbook version, or {@code null} for an approval the run added. */
    public Step definition(RunRecord run, StepRecord step) {
        if (step.defIndex() < 0) {
            return null;
        }
        Runbook runbook = runbooks.runbook(run.runbook(), run.runbookVersion());
        return step.phase() == Phase.MAIN ? runbook.steps().get(step.defIndex())
                : runbook.rollback().get(step.defIndex());
    }

    void finishStep(RunRecord run, StepRecord step, StepState outcome, String output, boolean countsAsAttempt,
            String decidedBy, Instant now) {
        StepRecord finished = step.finish(outcome, output, countsAsAttempt, decidedBy, now);
        runs.update(finished);
        events.stepFinished(run, finished);
        List<StepRecord> steps = runs.steps(run.id());
        List<RunPlan.PlannedStep> planned = planned(run, steps);
        Step definition = definition(run, finished);
        String what = "step %s %s".formatted(finished.name(), outcome.wireName())
                + (output == null || output.isBlank() ? "" : " (" + output + ")");
        RunPlan.Decision decision;
        if (finished.phase() == Phase.MAIN) {
            Step.OnFailure onFailure = definition == null ? Step.OnFailure.STOP : definition.onFailure();
            decision = switch (outcome) {
                case SUCCEEDED, SKIPPED -> RunPlan.afterMainStep(planned, finished.seq());
                case REJECTED -> RunPlan.startRollback(planned, RunPlan.RollbackReason.REJECTION, what);
                default -> switch (onFailure) {
                    case CONTINUE -> RunPlan.afterMainStep(planned, finished.seq());
                    case ROLLBACK -> RunPlan.startRollback(planned, RunPlan.RollbackReason.FAILURE, what);
                    case STOP -> new RunPlan.Decision(List.of(), null, RunState.FAILED, what);
                };
            };
        } else {
            boolean rejected = steps.stream().anyMatch(s -> s.state() == StepState.REJECTED);
            String cause = run.summary() == null ? what : run.summary();
            if (outcome == StepState.FAILED && definition != null && definition.onFailure() == Step.OnFailure.STOP) {
                decision = new RunPlan.Decision(List.of(), null, RunState.ROLLBACK_FAILED,
                        cause + "; rollback " + what);
            } else {
                decision = RunPlan.afterRollbackStep(planned, finished.seq(), rejected
                        ? RunPlan.RollbackReason.REJECTION : RunPlan.RollbackReason.FAILURE, cause);
            }
        }
        apply(run, steps, decision, finished.phase() == Phase.MAIN && outcome != StepState.SUCCEEDED ? what : null,
                now);
    }

    private void apply(RunRecord run, List<StepRecord> steps, RunPlan.Decision decision, String rollbackCause,
            Instant now) {
        for (int seq : decision.skip()) {
            step(steps, seq).ifPresent(s -> runs.update(s.finish(StepState.SKIPPED,
                    "nothing to undo: the step it undoes did not succeed", false, null, now)));
        }
        if (decision.start() != null) {
            StepRecord next = step(steps, decision.start()).orElseThrow();
            if (next.phase() == Phase.ROLLBACK && run.state() == RunState.RUNNING) {
                run = new RunRecord(run.id(), run.incidentId(), run.service(), run.runbook(), run.runbookVersion(),
                        run.trigger(), RunState.ROLLING_BACK, run.dryRun(), run.variables(), run.startedBy(),
                        run.startedAt(), null, rollbackCause);
                runs.update(run);
            }
            runs.update(next.due(now));
            return;
        }
        finishRun(run, decision.finish(), decision.summary(), now);
    }

    void finishRun(RunRecord run, RunState state, String summary, Instant now) {
        for (StepRecord step : runs.steps(run.id())) {
            if (!step.state().finished()) {
                StepState end = state == RunState.CANCELLED ? StepState.CANCELLED : StepState.SKIPPED;
                StepRecord ended = step.finish(end, step.state() == StepState.PENDING ? null : step.output(), false,
                        null, now);
                runs.update(ended);
                if (step.startedAt() != null) {
                    events.stepFinished(run, ended);
                }
            }
        }
        RunRecord finished = run.finish(state, summary, now);
        runs.update(finished);
        events.runFinished(finished);
        count(finished);
        if (finished.dryRun()) {
            return;
        }
        Runbook runbook = runbooks.runbook(run.runbook(), run.runbookVersion());
        if (state == RunState.SUCCEEDED && runbook.resolvesIncident()) {
            events.resolveIncident(finished);
        } else if (state == RunState.FAILED || state == RunState.ROLLBACK_FAILED
                || (state == RunState.ROLLED_BACK && !rejected(run))) {
            events.escalateIncident(finished);
        }
    }

    /** Ends a run that cannot go on without reading its runbook, and escalates the incident. */
    void abandon(RunRecord run, String why, Instant now) {
        for (StepRecord step : runs.steps(run.id())) {
            if (!step.state().finished()) {
                runs.update(step.finish(StepState.SKIPPED, null, false, null, now));
            }
        }
        RunRecord finished = run.finish(RunState.FAILED, why, now);
        runs.update(finished);
        events.runFinished(finished);
        count(finished);
        if (!finished.dryRun()) {
            events.escalateIncident(finished);
        }
    }

    private boolean rejected(RunRecord run) {
        return runs.steps(run.id()).stream().anyMatch(s -> s.state() == StepState.REJECTED);
    }

    private static java.util.Optional<StepRecord> step(List<StepRecord> steps, int seq) {
        return steps.stream().filter(s -> s.seq() == seq).findFirst();
    }

    private List<RunPlan.PlannedStep> planned(RunRecord run, List<StepRecord> steps) {
        return steps.stream().map(s -> {
            Step definition = definition(run, s);
            return new RunPlan.PlannedStep(s.seq(), s.phase(), s.name(), s.state(),
                    definition == null ? null : definition.undoes());
        }).toList();
    }
}
