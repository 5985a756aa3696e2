package io.vigil.remediation.run.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.remediation.run.domain.RunPlan.PlannedStep;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunPlanTest {

    private static PlannedStep main(int seq, String name, StepState state) {
        return new PlannedStep(seq, Phase.MAIN, name, state, null);
    }

    private static PlannedStep undo(int seq, String name, String undoes) {
        return new PlannedStep(seq, Phase.ROLLBACK, name, StepState.PENDING, undoes);
    }

    @Test
    void theNextMainStepFollowsAndTheLastOneEndsTheRunSucceeded() {
        List<PlannedStep> steps = List.of(main(1, "a", StepState.SUCCEEDED), main(2, "b", StepState.PENDING),
                undo(3, "undo-a", "a"));
        assertThat(RunPlan.afterMainStep(steps, 1).start()).isEqualTo(2);
        List<PlannedStep> done = List.of(main(1, "a", StepState.SUCCEEDED), main(2, "b", StepState.SUCCEEDED),
                undo(3, "undo-a", "a"));
        assertThat(RunPlan.afterMainStep(done, 2).finish()).isEqualTo(RunState.SUCCEEDED);
    }

    @Test
    void rollbackSkipsUndoingWhatNeverSucceeded() {
        List<PlannedStep> steps = List.of(main(1, "a", StepState.SUCCEEDED), main(2, "b", StepState.FAILED),
                undo(3, "undo-b", "b"), undo(4, "undo-a", "a"));
        RunPlan.Decision decision = RunPlan.startRollback(steps, RunPlan.RollbackReason.FAILURE, "b failed");
        assertThat(decision.skip()).containsExactly(3);
        assertThat(decision.start()).isEqualTo(4);
    }

    @Test
    void afterTheLastRollbackStepTheRunIsRolledBackOrRollbackFailed() {
        List<PlannedStep> ok = List.of(main(1, "a", StepState.FAILED),
                new PlannedStep(2, Phase.ROLLBACK, "undo", StepState.SUCCEEDED, null));
        assertThat(RunPlan.afterRollbackStep(ok, 2, RunPlan.RollbackReason.FAILURE, "a failed").finish())
                .isEqualTo(RunState.ROLLED_BACK);
        List<PlannedStep> failed = List.of(main(1, "a", StepState.FAILED),
                new PlannedStep(2, Phase.ROLLBACK, "undo", StepState.FAILED, null));
        assertThat(RunPlan.afterRollbackStep(failed, 2, RunPlan.RollbackReason.FAILURE, "a failed").finish())
                .isEqualTo(RunState.ROLLBACK_FAILED);
    }

    @Test
    void nothingToRollBackEndsTheRunFailedOrRejected() {
        List<PlannedStep> steps = List.of(main(1, "a", StepState.FAILED));
        assertThat(RunPlan.startRollback(steps, RunPlan.RollbackReason.FAILURE, "a failed").finish())
                .isEqualTo(RunState.FAILED);
        assertThat(RunPlan.startRollback(steps, RunPlan.RollbackReason.REJECTION, "a rejected").finish())
                .isEqualTo(RunState.REJECTED);
    }
}
