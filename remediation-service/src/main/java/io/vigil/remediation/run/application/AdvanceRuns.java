package io.vigil.remediation.run.application;

import io.vigil.remediation.run.domain.StepState;
import io.vigil.remediation.runbook.application.InvalidRunbook;
import io.vigil.remediation.runbook.application.Runbooks;
import io.vigil.remediation.runbook.domain.Runbook;
import io.vigil.remediation.runbook.domain.Step;
import io.vigil.remediation.runbook.domain.StepType;
import io.vigil.remediation.runbook.domain.Templates;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Advances one due step per transaction. The claim, the step's outcome, the next step and the events all commit
 * together: a step whose outcome committed is never run again, and one interrupted before its commit is tried again
 * from the start (an action may then be repeated once, which is why actions should be safe to repeat).
 */
@Service
public class AdvanceRuns {

    private final Runs runs;
    private final Runbooks runbooks;
    private final RunProgression progression;
    private final RunEvents events;
    private final StepRunner runner;
    private final Clock clock;

    public AdvanceRuns(Runs runs, Runbooks runbooks, RunProgression progression, RunEvents events, StepRunner runner,
            Clock clock) {
        this.runs = runs;
        this.runbooks = runbooks;
        this.progression = progression;
        this.events = events;
        this.runner = runner;
        this.clock = clock;
    }

    /** @return whether a step was due */
    @Transactional
    public boolean advanceOne() {
        Instant now = clock.instant();
        Optional<StepRecord> claimed = runs.claimDue(now);
        if (claimed.isEmpty()) {
            return false;
        }
        StepRecord step = claimed.get();
        RunRecord run = runs.find(step.runId()).orElseThrow();
        Step definition;
        try {
            definition = progression.definition(run, step);
        } catch (InvalidRunbook invalid) {
            // A version stored by an earlier release that this one refuses: the run cannot go on, and must not
            // hold up every other run by failing on each pass.
            progression.abandon(run, "runbook %s version %d is no longer valid: %s".formatted(run.runbook(),
                    run.runbookVersion(), invalid.getMessage()), now);
            return true;
        }
        if (step.state() == StepState.WAITING) {
            progression.finishStep(run, step, StepState.FAILED, "no decision within " + (definition == null
                    ? "the approval's timeout" : definition.timeout()), false, null, now);
            return true;
        }
        if (step.startedAt() == null) {
            step = step.started(now, describe(run, step, definition));
            runs.update(step);
            events.stepStarted(run, step);
        }
        switch (step.type()) {
            case APPROVAL -> runs.update(step.waiting(definition == null || definition.timeout() == null ? null
                    : now.plus(definition.timeout())));
            case WAIT -> {
                if (step.attempts() == 0) {
                    runs.update(step.attempted(now.plus(definition.duration()), "waiting " + definition.duration()));
                } else {
                    progression.finishStep(run, step, StepState.SUCCEEDED, "waited " + definition.duration(), false,
                            null, now);
                }
            }
            case NOTIFY -> {
                String text = Templates.render(definition.message(), run.variables());
                events.note(run, step, (run.dryRun() ? "[dry run] " : "") + "Runbook " + run.runbook() + ": " + text);
                progression.finishStep(run, step, StepState.SUCCEEDED, "noted on the incident: " + text, true, null,
                        now);
            }
            case CHECK, ACTION -> attempt(run, step, definition, now);
        }
        return true;
    }

    private void attempt(RunRecord run, StepRecord step, Step definition, Instant now) {
        if (run.dryRun()) {
            progression.finishStep(run, step, StepState.SUCCEEDED, "dry run, not executed: " + step.description(),
                    false, null, now);
            return;
        }
        Runbook runbook = runbooks.runbook(run.runbook(), run.runbookVersion());
        StepRunner.Result result = runner.run(definition, run.variables(), runbook.guardrails());
        if (result.succeeded() && !result.facts().isEmpty()) {
            Map<String, String> facts = new LinkedHashMap<>();
            result.facts().forEach((name, value) -> facts.put("steps." + step.name() + "." + name, value));
            run = run.withVariables(facts);
            runs.update(run);
        }
        if (result.succeeded()) {
            progression.finishStep(run, step, StepState.SUCCEEDED, result.output(), true, null, now);
        } else if (step.attempts() < definition.retries()) {
            runs.update(step.attempted(now.plus(definition.retryDelay()), result.output()));
        } else {
            progression.finishStep(run, step, StepState.FAILED, result.output(), true, null, now);
        }
    }

    private String describe(RunRecord run, StepRecord step, Step definition) {
        if (definition == null) {
            return "wait for a human to approve the run";
        }
        return switch (step.type()) {
            case CHECK, ACTION -> runner.describe(definition, run.variables());
            case WAIT -> "wait " + definition.duration();
            case NOTIFY -> "note on the incident: " + Templates.render(definition.message(), run.variables());
            case APPROVAL -> "wait for a human's approval" + (definition.message() == null ? ""
                    : ": " + Templates.render(definition.message(), run.variables()));
        };
    }

}
