package io.vigil.remediation.run.application;

import io.vigil.remediation.run.domain.Phase;
import io.vigil.remediation.run.domain.StepState;
import io.vigil.remediation.runbook.domain.StepType;
import java.time.Instant;
import java.util.UUID;

/**
 * One step of a run as stored.
 *
 * @param seq       its place in the order steps would run, from 1
 * @param defIndex  its index in the runbook's steps or rollback list; -1 for an approval the run added
 * @param dueAt     when it is tried next (DUE) or when waiting for a decision gives up (WAITING), else {@code null}
 * @param attempts  attempts made so far
 * @param decidedBy who approved or rejected it, for an approval
 */
public record StepRecord(UUID runId, int seq, Phase phase, int defIndex, String name, StepType type,
        StepState state, Instant dueAt, int attempts, Instant startedAt, Instant finishedAt, String description,
        String output, String decidedBy) {

    public StepRecord due(Instant at) {
        return new StepRecord(runId, seq, phase, defIndex, name, type, StepState.DUE, at, attempts, startedAt,
                finishedAt, description, output, decidedBy);
    }

    public StepRecord started(Instant at, String what) {
        return new StepRecord(runId, seq, phase, defIndex, name, type, state, dueAt, attempts, at, finishedAt, what,
                output, decidedBy);
    }

    public StepRecord waiting(Instant until) {
        return new StepRecord(runId, seq, phase, defIndex, name, type, StepState.WAITING, until, attempts, startedAt,
                finishedAt, description, output, decidedBy);
    }

    public StepRecord attempted(Instant retryAt, String lastOutput) {
        return new StepRecord(runId, seq, phase, defIndex, name, type, StepState.DUE, retryAt, attempts + 1,
                startedAt, finishedAt, description, lastOutput, decidedBy);
    }

    public StepRecord finish(StepState finalState, String finalOutput, boolean countsAsAttempt, String decider,
            Instant at) {
        return new StepRecord(runId, seq, phase, defIndex, name, type, finalState, null,
                countsAsAttempt ? attempts + 1 : attempts, startedAt, at, description, finalOutput, decider);
    }
}
