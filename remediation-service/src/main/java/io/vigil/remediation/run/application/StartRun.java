package io.vigil.remediation.run.application;

import io.vigil.contracts.Actor;
import io.vigil.remediation.run.domain.Phase;
import io.vigil.remediation.run.domain.RunState;
import io.vigil.remediation.run.domain.StepState;
import io.vigil.remediation.runbook.domain.Runbook;
import io.vigil.remediation.runbook.domain.Step;
import io.vigil.remediation.runbook.domain.StepType;
import io.vigil.remediation.runbook.domain.Templates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a run of a runbook version on an incident, inside the caller's transaction, or says why it may not: the
 * runbook already ran as often as it may on the incident, it is cooling down on the service, or a parameter came out
 * empty. The run's steps are written at once, the first one due now.
 */
@Service
public class StartRun {

    /** The step a run waits on for a human when suggest mode or the approval guardrail asks for one. */
    public static final String APPROVE_RUN = "approve-run";

    private final Runs runs;
    private final RunEvents events;
    private final Clock clock;

    public StartRun(Runs runs, RunEvents events, Clock clock) {
        this.runs = runs;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What came of it.
     */
    public sealed interface Outcome {

        record Started(RunRecord run) implements Outcome {
        }

        record AlreadyStarted(UUID runId) implements Outcome {
        }

        record Refused(String reason) implements Outcome {
        }
    }

    /**
     * @param runId   the new run's id: derived from the incident and runbook for a run an event started, so a
     *                redelivered event finds it started
     * @param trigger {@code auto}, {@code suggest} or {@code manual}
     */
    @Transactional
    public Outcome start(UUID runId, KnownIncident incident, String runbookName, int version, Runbook runbook,
            String trigger, Actor startedBy) {
        Instant now = clock.instant();
        if (runs.find(runId).isPresent()) {
            return new Outcome.AlreadyStarted(runId);
        }
        int attempts = runs.count(incident.incidentId(), runbookName);
        if (attempts >= runbook.guardrails().maxAttemptsPerIncident()) {
            return new Outcome.Refused(("runbook %s already ran %d time(s) on this incident; "
                    + "guardrails.maxAttemptsPerIncident is %d").formatted(runbookName, attempts,
                            runbook.guardrails().maxAttemptsPerIncident()));
        }
        if (!runbook.guardrails().cooldown().isZero()) {
            var last = runs.lastStart(runbookName, incident.service());
            if (last.isPresent() && last.get().plus(runbook.guardrails().cooldown()).isAfter(now)) {
                return new Outcome.Refused("runbook %s ran on service %s at %s; guardrails.cooldown %s has not passed"
                        .formatted(runbookName, incident.service(), last.get(), runbook.guardrails().cooldown()));
            }
        }
        Map<String, String> values = new LinkedHashMap<>(incident.templateValues());
        List<String> empty = new ArrayList<>();
        runbook.parameters().forEach((name, template) -> {
            String value = Templates.render(template, values);
            if (value.isBlank()) {
                empty.add(name);
            }
            values.put("params." + name, value);
        });
        if (!empty.isEmpty()) {
            return new Outcome.Refused("parameter(s) %s of runbook %s came out empty for this incident"
                    .formatted(empty, runbookName));
        }
        RunRecord run = new RunRecord(runId, incident.incidentId(), incident.service(), runbookName, version, trigger,
                RunState.RUNNING, runbook.dryRun(), values, startedBy.id(), now, null, null);
        List<StepRecord> steps = new ArrayList<>();
        boolean approvalFirst = "suggest".equals(trigger) || runbook.needsApproval(incident.severity());
        if (approvalFirst) {
            steps.add(new StepRecord(runId, 1, Phase.MAIN, -1, APPROVE_RUN, StepType.APPROVAL, StepState.DUE, now, 0,
                    null, null, null, null, null));
        }
        for (int i = 0; i < runbook.steps().size(); i++) {
            Step step = runbook.steps().get(i);
            boolean first = steps.isEmpty();
            steps.add(new StepRecord(runId, steps.size() + 1, Phase.MAIN, i, step.name(), step.type(),
                    first ? StepState.DUE : StepState.PENDING, first ? now : null, 0, null, null, null, null, null));
        }
        for (int i = runbook.rollback().size() - 1; i >= 0; i--) {
            Step step = runbook.rollback().get(i);
            steps.add(new StepRecord(runId, steps.size() + 1, Phase.ROLLBACK, i, step.name(), step.type(),
                    StepState.PENDING, null, 0, null, null, null, null, null));
        }
        if (!runs.insert(run, steps)) {
            return new Outcome.AlreadyStarted(runId);
        }
        events.runStarted(run, startedBy);
        return new Outcome.Started(run);
    }
}
