package io.vigil.remediation.run.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides what a run does after one of its steps finished. Steps are numbered in the order they would run: the
 * runbook's steps first, then its rollback steps last-declared first, so that undoing goes in reverse.
 */
public final class RunPlan {

    /**
     * A step as the plan sees it.
     *
     * @param undoes for a rollback step, the main step it undoes, or {@code null} when it always runs
     */
    public record PlannedStep(int seq, Phase phase, String name, StepState state, String undoes) {
    }

    /** Why the rollback runs. */
    public enum RollbackReason {
        FAILURE, REJECTION
    }

    /**
     * What to do next.
     *
     * @param skip   rollback steps that will not run, because what they undo never succeeded
     * @param start  the step to make due now, or {@code null}
     * @param finish the run's final state when it ends now, or {@code null}
     */
    public record Decision(List<Integer> skip, Integer start, RunState finish, String summary) {

        static Decision start(List<Integer> skip, int seq) {
            return new Decision(skip, seq, null, null);
        }

        static Decision finish(List<Integer> skip, RunState state, String summary) {
            return new Decision(skip, null, Objects.requireNonNull(state), summary);
        }
    }

    private RunPlan() {
    }

    /** The main step after {@code seq}, or success when it was the last. */
    public static Decision afterMainStep(List<PlannedStep> steps, int seq) {
        return steps.stream().filter(s -> s.phase() == Phase.MAIN && s.seq() > seq)
                .filter(s -> s.state() == StepState.PENDING).findFirst()
                .map(s -> Decision.start(List.of(), s.seq()))
                .orElseGet(() -> Decision.finish(List.of(), RunState.SUCCEEDED, summaryOfSuccess(steps)));
    }

    /**
     * Starts the rollback: the first rollback step whose undone step succeeded runs; those before it whose undone
     * step did not are skipped. With nothing to roll back the run ends.
     */
    public static Decision startRollback(List<PlannedStep> steps, RollbackReason reason, String cause) {
        return nextRollback(steps, 0, reason, cause);
    }

    /** The rollback step after {@code seq}, or the end of the run when it was the last. */
    public static Decision afterRollbackStep(List<PlannedStep> steps, int seq, RollbackReason reason, String cause) {
        return nextRollback(steps, seq, reason, cause);
    }

    private static Decision nextRollback(List<PlannedStep> steps, int after, RollbackReason reason, String cause) {
        List<Integer> skip = new ArrayList<>();
        for (PlannedStep step : steps) {
            if (step.phase() != Phase.ROLLBACK || step.seq() <= after || step.state() != StepState.PENDING) {
                continue;
            }
            if (step.undoes() == null || succeeded(steps, step.undoes())) {
                return Decision.start(skip, step.seq());
            }
            skip.add(step.seq());
        }
        boolean ranAny = steps.stream().anyMatch(s -> s.phase() == Phase.ROLLBACK
                && s.seq() <= after && s.state() != StepState.SKIPPED && s.state() != StepState.PENDING);
        if (!ranAny) {
            return Decision.finish(skip, reason == RollbackReason.REJECTION ? RunState.REJECTED : RunState.FAILED,
                    cause + "; nothing to roll back");
        }
        boolean rollbackFailed = steps.stream().anyMatch(s -> s.phase() == Phase.ROLLBACK
                && s.state() == StepState.FAILED);
        return rollbackFailed
                ? Decision.finish(skip, RunState.ROLLBACK_FAILED, cause + "; a rollback step failed too")
                : Decision.finish(skip, RunState.ROLLED_BACK, cause + "; rolled back");
    }

    private static boolean succeeded(List<PlannedStep> steps, String mainStep) {
        return steps.stream().anyMatch(s -> s.phase() == Phase.MAIN && s.name().equals(mainStep)
                && s.state() == StepState.SUCCEEDED);
    }

    private static String summaryOfSuccess(List<PlannedStep> steps) {
        long failed = steps.stream().filter(s -> s.phase() == Phase.MAIN && s.state() == StepState.FAILED).count();
        return failed == 0 ? "every step succeeded" : failed + " step(s) failed and the runbook went on";
    }
}
