package io.vigil.remediation.run.application;

import io.vigil.contracts.Actor;
import io.vigil.remediation.runbook.application.Runbooks;
import io.vigil.starter.web.ResourceNotFound;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A responder starts the latest version of a runbook on an incident remediation-service knows. */
@Service
public class StartRunByHand {

    private final KnownIncidents incidents;
    private final Runbooks runbooks;
    private final StartRun startRun;

    public StartRunByHand(KnownIncidents incidents, Runbooks runbooks, StartRun startRun) {
        this.incidents = incidents;
        this.runbooks = runbooks;
        this.startRun = startRun;
    }

    /**
     * @throws ResourceNotFound when the incident or the runbook is unknown
     * @throws RunConflict      when a guardrail refuses the run
     */
    @Transactional
    public RunRecord start(UUID incidentId, String runbookName, Actor by) {
        KnownIncident incident = incidents.find(incidentId)
                .orElseThrow(() -> new ResourceNotFound("incident", incidentId));
        Runbooks.Versioned runbook = runbooks.latest(runbookName);
        StartRun.Outcome outcome = startRun.start(UUID.randomUUID(), incident, runbookName,
                runbook.version(), runbook.runbook(), "manual", by);
        return switch (outcome) {
            case StartRun.Outcome.Started started -> started.run();
            case StartRun.Outcome.Refused refused -> throw new RunConflict(refused.reason());
            case StartRun.Outcome.AlreadyStarted already -> throw new IllegalStateException("random run id reused");
        };
    }
}
