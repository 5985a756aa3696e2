package io.vigil.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * remediation-service started a runbook run on an incident. Published on {@link Topics#REMEDIATION_EVENTS} keyed by
 * the incident id; the envelope's event id is derived from the run id, so a replay reports the same start.
 *
 * @param runId          the run
 * @param incidentId     the incident it acts on
 * @param runbook        the runbook's name
 * @param runbookVersion the version of the runbook the run keeps to its end, from 1
 * @param trigger        why it started: {@code auto} (a matching incident opened), {@code suggest} (a matching
 *                       incident opened and the run waits for a human to approve it) or {@code manual} (REST)
 * @param dryRun         every action is described, none executed
 * @param startedBy      who started it: the system for {@code auto} and {@code suggest}, the API caller for
 *                       {@code manual}
 * @param at             when it started
 */
public record RemediationRunStarted(UUID runId, UUID incidentId, String runbook, int runbookVersion, String trigger,
        boolean dryRun, Actor startedBy, Instant at) implements Message {

    public RemediationRunStarted {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(startedBy, "startedBy");
        Objects.requireNonNull(at, "at");
    }
}
