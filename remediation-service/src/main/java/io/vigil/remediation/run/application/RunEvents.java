package io.vigil.remediation.run.application;

import io.vigil.contracts.Actor;
import io.vigil.contracts.AddNote;
import io.vigil.contracts.Envelope;
import io.vigil.contracts.EscalateIncident;
import io.vigil.contracts.IncidentRef;
import io.vigil.contracts.Message;
import io.vigil.contracts.RemediationRunFinished;
import io.vigil.contracts.RemediationRunStarted;
import io.vigil.contracts.RemediationStepFinished;
import io.vigil.contracts.RemediationStepStarted;
import io.vigil.contracts.ResolveIncident;
import io.vigil.contracts.StableIds;
import io.vigil.contracts.Topics;
import io.vigil.starter.outbox.Outbox;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a run tells the rest of Vigil, through the outbox in the transaction of the change it reports. Every id is
 * derived from the run and the step, so work done again after a crash before its commit reports the same facts
 * under the same ids.
 */
@Component
public class RunEvents {

    private final Outbox outbox;
    private final Clock clock;

    public RunEvents(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The actor of the commands a run sends: the runbook itself. */
    public static Actor actor(String runbook) {
        return new Actor("runbook", runbook, "remediation");
    }

    void runStarted(RunRecord run, Actor startedBy) {
        publish(Topics.REMEDIATION_EVENTS, StableIds.of("remediation-run-started", run.id().toString()), run,
                new RemediationRunStarted(run.id(), run.incidentId(), run.runbook(), run.runbookVersion(),
                        run.trigger(), run.dryRun(), startedBy, clock.instant()));
    }

    void stepStarted(RunRecord run, StepRecord step) {
        publish(Topics.REMEDIATION_EVENTS, stepId("remediation-step-started", step), run,
                new RemediationStepStarted(run.id(), run.incidentId(), run.runbook(), run.runbookVersion(),
                        step.name(), step.type().wireName(), step.phase().wireName(), step.description(),
                        run.dryRun(), clock.instant(), run.service()));
    }

    void stepFinished(RunRecord run, StepRecord step) {
        publish(Topics.REMEDIATION_EVENTS, stepId("remediation-step-finished", step), run,
                new RemediationStepFinished(run.id(), run.incidentId(), run.runbook(), run.runbookVersion(),
                        step.name(), step.type().wireName(), step.phase().wireName(), step.state().wireName(),
                        step.attempts(), step.output(), run.dryRun(), clock.instant()));
    }

    void runFinished(RunRecord run) {
        publish(Topics.REMEDIATION_EVENTS, StableIds.of("remediation-run-finished", run.id().toString()), run,
                new RemediationRunFinished(run.id(), run.incidentId(), run.runbook(), run.runbookVersion(),
                        run.state().wireName(), run.summary(), run.dryRun(), clock.instant()));
    }

    void resolveIncident(RunRecord run) {
        UUID id = StableIds.of("remediation-resolve", run.id().toString());
        publish(Topics.INCIDENT_COMMANDS, id, run, new ResolveIncident(id, IncidentRef.byId(run.incidentId()),
                actor(run.runbook()), "Runbook %s v%d succeeded: %s".formatted(run.runbook(), run.runbookVersion(),
                        run.summary()), clock.instant()));
    }

    void escalateIncident(RunRecord run) {
        UUID id = StableIds.of("remediation-escalate", run.id().toString());
        publish(Topics.INCIDENT_COMMANDS, id, run, new EscalateIncident(id, IncidentRef.byId(run.incidentId()),
                actor(run.runbook()), "Runbook %s v%d ended %s: %s".formatted(run.runbook(), run.runbookVersion(),
                        run.state().wireName(), run.summary()), clock.instant()));
    }

    void note(RunRecord run, StepRecord step, String text) {
        UUID id = stepId("remediation-note", step);
        publish(Topics.INCIDENT_COMMANDS, id, run, new AddNote(id, IncidentRef.byId(run.incidentId()),
                actor(run.runbook()), text, clock.instant()));
    }

    private static UUID stepId(String kind, StepRecord step) {
        return StableIds.of(kind, step.runId().toString(), Integer.toString(step.seq()));
    }

    private void publish(String topic, UUID eventId, RunRecord run, Message message) {
        outbox.append(topic, Envelope.of(eventId, run.incidentId().toString(), message, clock, null));
    }
}
