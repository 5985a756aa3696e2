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
import java.util.List;
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
    private final Secrets secrets;
    private final Clock clock;

    public AdvanceRuns(Runs runs, Runbooks runbooks, RunProgression progression, RunEvents events, StepRunner runner,
            Secrets secrets, Clock clock) {
        this.runs = runs;
        this.runbooks = runbooks;
        this.progression = progression;
        this.events = events;
        this.runner = runner;
        this.secrets = secrets;
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
        if (step.startedAt() == null && definition != null && definition.when() != null
                && !definition.when().holds(outcomes(run, step), run.variables())) {
            progression.finishStep(run, step, StepState.SKIPPED, "skipped: it runs only when " + definition.when(),
                    false, null, now);
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
                if (definition.waitsForCheck()) {
                    waitForCheck(run, step, definition, now);
                } else if (step.attempts() == 0) {
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
        StepRunner.Result result = runWithSecrets(definition, run, runbook);
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

    /**
     * Looks once at what a wait waits for: done when the check passes, failed when the wait's timeout has passed,
     * otherwise due again after {@code every} (never later than the timeout).
     */
    private void waitForCheck(RunRecord run, StepRecord step, Step definition, Instant now) {
        if (run.dryRun()) {
            progression.finishStep(run, step, StepState.SUCCEEDED, "dry run, not waited for: " + step.description(),
                    false, null, now);
            return;
        }
        Runbook runbook = runbooks.runbook(run.runbook(), run.runbookVersion());
        StepRunner.Result result = runWithSecrets(definition.probe(), run, runbook);
        int looks = step.attempts() + 1;
        if (result.succeeded()) {
            progression.finishStep(run, step, StepState.SUCCEEDED, "passed at look %d: %s".formatted(looks,
                    result.output()), true, null, now);
            return;
        }
        Instant deadline = step.startedAt().plus(definition.timeout());
        if (!now.isBefore(deadline)) {
            progression.finishStep(run, step, StepState.FAILED, "did not pass within %s (%d looks); last: %s"
                    .formatted(definition.timeout(), looks, result.output()), true, null, now);
            return;
        }
        Instant next = now.plus(definition.every());
        runs.update(step.attempted(next.isAfter(deadline) ? deadline : next, result.output()));
    }

    /** Runs a check or action with the runbook's secrets filled in; a secret that cannot be read fails it. */
    private StepRunner.Result runWithSecrets(Step definition, RunRecord run, Runbook runbook) {
        Map<String, String> values = new LinkedHashMap<>(run.variables());
        if (!runbook.secrets().isEmpty()) {
            try {
                values.putAll(secrets.read(runbook.secrets()));
            } catch (Secrets.Unavailable unavailable) {
                return new StepRunner.Result(false, unavailable.getMessage());
            }
        }
        return runner.run(definition, values, runbook.guardrails());
    }

    /** How the run's finished steps ended, by name; the step's own list wins over the other. */
    private Map<String, String> outcomes(RunRecord run, StepRecord current) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        List<StepRecord> steps = runs.steps(run.id());
        steps.stream().filter(s -> s.phase() != current.phase() && s.state().finished())
                .forEach(s -> outcomes.put(s.name(), s.state().wireName()));
        steps.stream().filter(s -> s.phase() == current.phase() && s.state().finished())
                .forEach(s -> outcomes.put(s.name(), s.state().wireName()));
        return outcomes;
    }

    private String describe(RunRecord run, StepRecord step, Step definition) {
        if (definition == null) {
            return "wait for a human to approve the run";
        }
        Map<String, String> values = new LinkedHashMap<>(run.variables());
        runbooks.runbook(run.runbook(), run.runbookVersion()).secrets().keySet()
                .forEach(name -> values.put(Templates.SECRETS + name, "***"));
        return switch (step.type()) {
            case CHECK, ACTION -> runner.describe(definition, values);
            case WAIT -> definition.waitsForCheck()
                    ? "wait up to %s, looking every %s, until: %s".formatted(definition.timeout(), definition.every(),
                            runner.describe(definition.probe(), values))
                    : "wait " + definition.duration();
            case NOTIFY -> "note on the incident: " + Templates.render(definition.message(), run.variables());
            case APPROVAL -> "wait for a human's approval" + (definition.message() == null ? ""
                    : ": " + Templates.render(definition.message(), run.variables()));
        };
    }

}
